/**
 * Red team x14 (4), server/sync/type-depth.ts: types nest at most `ContentLimits.maxTypeDepth`
 * deep, the root counting one. Every way to build a chain — maps, arrays, the two mixed, in
 * `meta` or `session`, in one update or on top of a chain the document holds — is refused one
 * level past the limit by the update scan and by the exact check (content-trial.ts, for
 * updates the scan cannot place), and passes both at the limit; every document the model
 * writes sits within it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readFileSync } from 'node:fs';
import { ContentLimits } from '../../shared/content-limits.js';
import { createDocument } from '../../shared/model/document.js';
import { importPlanTable } from '../../shared/table/import.js';
import { DEMO_AGENDA, DEMO_STRATEGY } from '../../server/demo/content.js';
import { allowedRootsOf, scanContextOf } from '../../server/sync/protected-fields.js';
import { contentOverLimits } from '../../server/sync/content-trial.js';
import { RefusedUpdate, scanUpdate } from '../../server/sync/update-scan.js';
import { typeDepth } from '../../server/sync/type-depth.js';
import type { SharedType } from '../../server/sync/content-growth.js';
import { editOfReplica } from '../support/replica-edit.js';

/** The nested types a chain is made of. */
type Nested = Y.Map<unknown> | Y.Array<unknown>;

const LIMIT = ContentLimits.maxTypeDepth;
type Maker = () => Nested;
const map: Maker = () => new Y.Map<unknown>();
const array: Maker = () => new Y.Array<unknown>();

/** Puts `child` into `parent` (a map under `key`, an array at its end). */
function put(parent: Nested, child: Nested, key = 'deeper'): void {
  if (parent instanceof Y.Array) parent.push([child]);
  else (parent as Y.Map<unknown>).set(key, child);
}

/** Adds `levels` types under `holder`, made by `makers` in turn; returns the innermost. */
function addChain(holder: Nested, levels: number, makers: Maker[]): Nested {
  let inner = holder;
  for (let level = 0; level < levels; level++) {
    const next = (makers[level % makers.length] ?? map)();
    put(inner, next, level === 0 ? 'nest' : 'deeper');
    inner = next;
  }
  return inner;
}

/** The update a replica of `doc` sends for `edit`. */
const editOf = (doc: Y.Doc, edit: (replica: Y.Doc) => void): Uint8Array => editOfReplica(doc, edit);

const plan = () => createDocument('action-plan', { title: 'Plan', currency: 'SEK' } as never);

/** How a chain reaches `depth` (the root counting one) in a plan: the document to edit, the edit. */
type Case = [string, (depth: number) => { doc: Y.Doc; edit: (replica: Y.Doc) => void; facilitates?: boolean }];
const CASES: Case[] = [
  ['maps under meta', (depth) => ({ doc: plan(), edit: (r) => void addChain(r.getMap('meta'), depth - 1, [map]) })],
  ['arrays under meta', (depth) => ({ doc: plan(), edit: (r) => void addChain(r.getMap('meta'), depth - 1, [array]) })],
  ['maps and arrays in turn under meta', (depth) => ({ doc: plan(), edit: (r) => void addChain(r.getMap('meta'), depth - 1, [map, array]) })],
  ['maps under session, by a facilitator', (depth) => ({ doc: plan(), edit: (r) => void addChain(r.getMap('session'), depth - 1, [map]), facilitates: true })],
  [
    'one map on top of a stored chain',
    (depth) => {
      const doc = plan();
      let innermost: Nested | null = null;
      doc.transact(() => (innermost = addChain(doc.getMap('meta'), depth - 2, [map])));
      const path = (replica: Y.Doc) => {
        let type: unknown = replica.getMap('meta').get('nest');
        while (type instanceof Y.Map && type.get('deeper') instanceof Y.Map) type = type.get('deeper');
        return type as Y.Map<unknown>;
      };
      expect(innermost).not.toBeNull();
      return { doc, edit: (r) => path(r).set('deeper', new Y.Map()) };
    },
  ],
];

function scan(doc: Y.Doc, update: Uint8Array, facilitates = false): void {
  scanUpdate(update, { ...scanContextOf(doc, 1_000_000, allowedRootsOf(doc), { facilitates }), doc });
}

describe('types nested deeper than allowed', () => {
  it.each(CASES)('%s: the scan refuses one level past the limit', (_how, make) => {
    const { doc, edit, facilitates } = make(LIMIT + 1);
    expect(() => scan(doc, editOf(doc, edit), facilitates)).toThrow(RefusedUpdate);
  });

  it.each(CASES)('%s: the exact check refuses one level past the limit', (_how, make) => {
    const { doc, edit } = make(LIMIT + 1);
    expect(contentOverLimits(doc, editOf(doc, edit))).toMatch(/deeper/);
  });

  it.each(CASES)('%s: both let it through at the limit', (_how, make) => {
    const { doc, edit, facilitates } = make(LIMIT);
    const update = editOf(doc, edit);
    expect(() => scan(doc, update, facilitates)).not.toThrow();
    expect(contentOverLimits(doc, update)).toBeNull();
  });
});

describe('what the model writes', () => {
  /** The depth of the deepest type in `doc`. */
  function deepest(doc: Y.Doc): number {
    let found = 0;
    const visit = (type: SharedType) => {
      found = Math.max(found, typeDepth(type, Infinity));
      for (const item of type._map.values()) for (const value of item.content.getContent()) if (value instanceof Y.AbstractType) visit(value as SharedType);
      for (let item = type._start; item !== null; item = item.right) for (const value of item.content.getContent()) if (value instanceof Y.AbstractType) visit(value as SharedType);
    };
    for (const type of doc.share.values()) visit(type);
    return found;
  }

  it('the demo plan, strategy and agenda sit at most 4 deep, well within the limit', () => {
    const tsv = readFileSync(new URL('../../shared/samples/handlingsplan-smaland.tsv', import.meta.url), 'utf8');
    const depths = [createDocument('action-plan', importPlanTable(tsv).plan), createDocument('strategy', DEMO_STRATEGY), createDocument('agenda', DEMO_AGENDA)].map(deepest);
    expect(Math.max(...depths)).toBe(4);
    expect(LIMIT).toBeGreaterThanOrEqual(2 * 4);
  });

  it('typeDepth counts the root as one and each type it sits in', () => {
    const doc = new Y.Doc();
    const innermost = addChain(doc.getMap('meta'), 5, [map, array]);
    expect(typeDepth(doc.getMap('meta'))).toBe(1);
    expect(typeDepth(innermost, Infinity)).toBe(6);
    expect(typeDepth(innermost, 3)).toBe(3);
  });
});
