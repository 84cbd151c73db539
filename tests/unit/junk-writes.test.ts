/**
 * Issue 15, "one write bricks a document", as a class: whatever an editor writes into any
 * field of any document kind — a value of the wrong type, a nested type, junk keys — the
 * document still exports, validates and totals (the server's `export.json`, `validation`
 * and `export.tsv` never answer 500 for it). The fields the server owns are refused before
 * they are written (update-scan.test.ts); everything else is read defensively.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument, toJSON } from '../../shared/model/document.js';
import { ROOTS, type DocumentKind } from '../../shared/model/kinds.js';
import { exportPlanTable } from '../../shared/table/export.js';
import { importPlanTable } from '../../shared/table/import.js';
import { totals } from '../../shared/totals.js';
import { validate } from '../../shared/validate/index.js';
import { DEMO_AGENDA, DEMO_STRATEGY } from '../../server/demo/content.js';
import { readSample } from '../support/samples.js';

const JUNK: Array<[string, () => unknown]> = [
  ['a map', () => new Y.Map([['x', 1]])],
  ['a text', () => new Y.Text('t')],
  ['an array', () => new Y.Array()],
  ['a number', () => 5],
  ['a negative float', () => -1.5],
  ['a huge number', () => 1e300],
  ['a string', () => 'abc'],
  ['an ISO-looking string', () => '2027-13-45'],
  ['null', () => null],
  ['a boolean', () => true],
  ['a JSON array', () => [1, 'två']],
  ['a JSON object', () => ({ a: 1 })],
  ['bytes', () => new Uint8Array([1, 2])],
];

function baseDoc(kind: DocumentKind): Y.Doc {
  const plan = importPlanTable(readSample('handlingsplan-smaland.tsv')).plan;
  if (kind === 'action-plan') return createDocument(kind, plan);
  return kind === 'strategy' ? createDocument(kind, DEMO_STRATEGY) : createDocument(kind, DEMO_AGENDA);
}

/** Every place a write can land: a new key in each root, each root key, each key of each root's first item. */
function targets(doc: Y.Doc, kind: DocumentKind): Array<[string, (doc: Y.Doc, value: unknown) => void]> {
  const found: Array<[string, (doc: Y.Doc, value: unknown) => void]> = [];
  for (const root of ROOTS[kind].maps) {
    const map = doc.getMap<unknown>(root);
    found.push([`${root}.<new>`, (d, v) => d.getMap<unknown>(root).set('junk', v)]);
    for (const key of map.keys()) {
      if (root === 'meta' && (key === 'kind' || key === 'schemaVersion')) continue;
      found.push([`${root}.${key}`, (d, v) => d.getMap<unknown>(root).set(key, v)]);
      const item = map.get(key);
      if (!(item instanceof Y.Map)) continue;
      for (const field of item.keys()) {
        found.push([`${root}.<item>.${field}`, (d, v) => (d.getMap<unknown>(root).get(key) as Y.Map<unknown>).set(field, v)]);
      }
      break;
    }
  }
  return found;
}

describe('no write an editor can make stops a document from exporting', () => {
  for (const kind of ['action-plan', 'strategy', 'agenda'] as const) {
    it(`${kind}: every field × every kind of value`, () => {
      const base = baseDoc(kind);
      const state = Y.encodeStateAsUpdate(base);
      let cases = 0;
      for (const [where, write] of targets(base, kind)) {
        for (const [what, make] of JUNK) {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, state);
          write(doc, make());
          const run = () => {
            const json = toJSON(doc);
            validate(doc, { today: '2027-03-01', locale: 'sv' });
            if (json?.kind === 'action-plan') {
              exportPlanTable(json);
              totals(json);
            }
            return JSON.stringify(json);
          };
          expect(run, `${where} = ${what}`).not.toThrow();
          cases++;
        }
      }
      expect(cases).toBeGreaterThan(100);
      // Hundreds of documents built and exported: seconds, more on a busy machine.
    }, 60_000);
  }
});
