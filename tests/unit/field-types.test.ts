/**
 * The field-type check of the update scan (server/sync/field-types.ts; issue 17, untrusted
 * clients; DESIGN "Document schemas", "Facilitation"): over the whole table of
 * tests/support/wrong-values.ts — every kind's fields × every class of value DESIGN does not
 * allow there (strings, numbers, floats as money, NaN, huge, null, undefined, objects, arrays,
 * bytes, Y.Map, Y.Text, Y.Array) — an editor's write is refused, against a document as the
 * server holds it (roots it only received, not made: plain AbstractTypes), also when the
 * value is written into an item or a year the same update makes. What DESIGN allows passes.
 * The integration test (field-types.test.ts there) takes a sample of this table through the server.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../../shared/model/document.js';
import type { DocumentKind } from '../../shared/model/kinds.js';
import { allowedRootsOf, scanContextOf } from '../../server/sync/protected-fields.js';
import { RefusedUpdate, scanUpdate } from '../../server/sync/update-scan.js';
import { contentOverLimits } from '../../server/sync/content-trial.js';
import { wholeItem } from '../support/required-items.js';
import { allWrongWrites, FIELDS, seedItems, VALUE_CLASSES, writeAt, type ValueClass } from '../support/wrong-values.js';

/** The document as the server holds it: its state applied to a fresh Y.Doc (the roots are not getMap'd). */
function serverCopy(kind: DocumentKind): Y.Doc {
  const made = createDocument(kind, { title: 'Dokument' } as never);
  seedItems(made, kind);
  const held = new Y.Doc();
  Y.applyUpdate(held, Y.encodeStateAsUpdate(made));
  return held;
}

const SERVERS = new Map<DocumentKind, Y.Doc>((['action-plan', 'strategy', 'agenda'] as const).map((kind) => [kind, serverCopy(kind)]));

/** An editor's (or, for `session`, a facilitator's) update writing `value` at `path`. */
function writeOf(server: Y.Doc, path: string, value: unknown): Uint8Array {
  const replica = new Y.Doc();
  replica.clientID = 4_242;
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(replica);
  writeAt(replica, path, value);
  return Y.encodeStateAsUpdate(replica, before);
}

function refused(server: Y.Doc, update: Uint8Array): boolean {
  try {
    scanUpdate(update, scanContextOf(server, 1_000_000, allowedRootsOf(server), { facilitates: true }));
    return false;
  } catch (error) {
    if (error instanceof RefusedUpdate) return true;
    throw error;
  }
}

describe('a value of a type the schema does not give its key is refused', () => {
  it.each(allWrongWrites().map((row) => [row.kind, row.path, row.what] as const))('%s %s = %s', (kind, path, what) => {
    const server = SERVERS.get(kind) ?? new Y.Doc();
    expect(refused(server, writeOf(server, path, VALUE_CLASSES[what]()))).toBe(true);
  });
});

describe('a value DESIGN allows passes', () => {
  // An empty map as a new collection item (`goals.+`) lacks the item's required fields: refused, required-fields.test.ts.
  const allowed = Object.entries(FIELDS).flatMap(([kind, fields]) =>
    Object.entries(fields)
      .filter(([path]) => !/^\w+\.\+$/.test(path))
      .flatMap(([path, classes]) => classes.map((what) => [kind as DocumentKind, path, what] as const)),
  );
  it.each(allowed)('%s %s = %s', (kind, path, what: ValueClass) => {
    const server = SERVERS.get(kind) ?? new Y.Doc();
    expect(refused(server, writeOf(server, path, VALUE_CLASSES[what]()))).toBe(false);
  });
});

describe('inside what the same update makes', () => {
  const server = SERVERS.get('strategy') ?? new Y.Doc();
  it.each<[string, (doc: Y.Doc) => void, boolean]>([
    ['a new indicator with a string as its baseline year', (doc) => doc.getMap('indicators').set('n', wholeItem('strategy', 'indicators', { baselineYear: '2020' })), true],
    ['a new indicator with a number as its baseline year', (doc) => doc.getMap('indicators').set('n', wholeItem('strategy', 'indicators', { baselineYear: 2020 })), false],
    ['a new year whose value is a string', (doc) => writeAt(doc, 'indicators.*.measurements.+', new Y.Map<unknown>([['value', 'åtta']])), true],
    ['a new year whose value is a number', (doc) => writeAt(doc, 'indicators.*.measurements.+', new Y.Map<unknown>([['value', 8], ['source', 'SCB']])), false],
    ['a new goal whose objectives hold a string', (doc) => doc.getMap('goals').set('n', new Y.Map<unknown>([['objectives', new Y.Map<unknown>([['se-01', 'ja']])]])), true],
  ])('%s: refused %s', (_what, edit, refusal) => {
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(replica);
    edit(replica);
    expect(refused(server, Y.encodeStateAsUpdate(replica, before))).toBe(refusal);
  });
});

describe('the exact check (what the scan could not place) refuses the same', () => {
  it.each(allWrongWrites().filter((_, i) => i % 7 === 0).map((row) => [row.kind, row.path, row.what] as const))('%s %s = %s', (kind, path, what) => {
    const server = SERVERS.get(kind) ?? new Y.Doc();
    expect(contentOverLimits(server, writeOf(server, path, VALUE_CLASSES[what]()))).toMatch(/type the schema does not give it/);
  });
});
