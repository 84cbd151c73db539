/**
 * Undo and redo never write back a value of a type the server refuses (issue 17; the table
 * is shared/model/field-types.ts, refused 1008 by the server's update scan). A document
 * stored before the server checked types can hold one; changing it here and pressing undo
 * re-inserted it as this browser's own change, which the server refuses — again on every
 * reconnect. Table over the kinds of field (money, bounded integers, enums, booleans, a
 * text field holding a plain string, nested maps) in all three document kinds: each update
 * sent is checked against the table as the server would, and what people see is the value
 * as "not given" (null), or the string as a text.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../../shared/model/document.js';
import { FIELD_TYPES, fieldTypeOf, specOfType, type FieldType, type SharedType } from '../../shared/model/field-types.js';
import { ROOTS, type DocumentKind } from '../../shared/model/kinds.js';
import { createUndoManager, LOCAL_ORIGIN } from './undo.js';

const REMOTE = { remote: true };

/** Whether decoded content fits `type` as the server's scan reads it (deleted content always fits). */
function fits(type: FieldType, content: Y.Item['content']): boolean {
  if (content instanceof Y.ContentDeleted) return true;
  if (content instanceof Y.ContentAny) return type.content === 'any' && content.arr.length === 1 && type.accepts(content.arr[0]);
  if (!(content instanceof Y.ContentType)) return false;
  return type.content === 'text' ? content.type instanceof Y.Text : type.content === 'map' && content.type instanceof Y.Map;
}

/** The keyed values of `update` (applied to `doc` first) that do not fit their field: what the server would refuse. */
function misfitsIn(doc: Y.Doc, kind: DocumentKind, update: Uint8Array): string[] {
  Y.applyUpdate(doc, update, REMOTE);
  const found: string[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || struct.parentSub === null) continue;
    const placed = Y.getItem(doc.store, struct.id) as Y.Item;
    const spec = placed.parent instanceof Y.AbstractType ? specOfType(FIELD_TYPES[kind], placed.parent as SharedType) : null;
    const type = spec ? fieldTypeOf(spec, struct.parentSub) : null;
    if (type && !fits(type, struct.content)) found.push(`${struct.parentSub}=${JSON.stringify(struct.content.getContent())}`);
  }
  return found;
}

interface Case {
  kind: DocumentKind;
  /** Root map, item id (null: the root's own key), key. */
  at: [string, string | null, string];
  stored: unknown;
  edited: unknown;
  /** What the field shows after the undo. */
  shown: unknown;
}

const CASES: Case[] = [
  { kind: 'action-plan', at: ['activities', 'i1', 'budget'], stored: 'abc', edited: 5_00, shown: null },
  { kind: 'action-plan', at: ['activities', 'i1', 'budget'], stored: 1.5, edited: 5_00, shown: null },
  { kind: 'action-plan', at: ['activities', 'i1', 'progress'], stored: 500, edited: 50, shown: undefined },
  { kind: 'action-plan', at: ['activities', 'i1', 'status'], stored: 'bogus', edited: 'done', shown: undefined },
  { kind: 'action-plan', at: ['activities', 'i1', 'title'], stored: 'plain string', edited: 'x', shown: 'plain string' },
  { kind: 'action-plan', at: ['budget', null, 'frame'], stored: '1 000 kr', edited: 1_000_00, shown: null },
  { kind: 'action-plan', at: ['meta', null, 'currency'], stored: 'XYZ', edited: 'EUR', shown: undefined },
  { kind: 'strategy', at: ['indicators', 'i1', 'baselineValue'], stored: 'x', edited: 3, shown: null },
  { kind: 'strategy', at: ['goals', 'i1', 'objectives'], stored: ['a'], edited: 'ignored', shown: undefined },
  { kind: 'agenda', at: ['items', 'i1', 'minutes'], stored: -5, edited: 10, shown: undefined },
  { kind: 'agenda', at: ['actions', 'i1', 'done'], stored: 'yes', edited: true, shown: undefined },
  { kind: 'agenda', at: ['meta', null, 'title'], stored: 42, edited: 'Möte', shown: undefined },
];

const INIT = { 'action-plan': { title: 'Plan' }, strategy: { title: 'Strategi' }, agenda: { title: 'Träffar' } } as const;

/** The map holding the case's key, in `doc`. */
function holder(doc: Y.Doc, [root, id]: Case['at']): Y.Map<unknown> {
  const map = doc.getMap<unknown>(root);
  return id === null ? map : (map.get(id) as Y.Map<unknown>);
}

/** A document stored before the type check holding `stored`; `local` is this browser's copy with the undo manager. */
function storedWith(c: Case) {
  const server = createDocument(c.kind, INIT[c.kind] as never);
  server.transact(() => {
    const [root, id, key] = c.at;
    if (id !== null) server.getMap(root).set(id, new Y.Map());
    holder(server, c.at).set(key, c.stored);
  }, REMOTE);
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(server), REMOTE);
  const undo = createUndoManager(local, ROOTS[c.kind].maps);
  const sent: Uint8Array[] = [];
  local.on('update', (update: Uint8Array, origin: unknown) => origin !== REMOTE && sent.push(update));
  const relay = () => sent.splice(0).flatMap((update) => misfitsIn(server, c.kind, update));
  return { server, local, undo, relay };
}

function shownIn(doc: Y.Doc, c: Case): unknown {
  const value = holder(doc, c.at).get(c.at[2]);
  return value instanceof Y.Text ? value.toString() : value;
}

describe.each(CASES.map((c) => ({ ...c, name: `${c.kind} ${c.at.filter(Boolean).join('.')} = ${JSON.stringify(c.stored)}` })))('$name stored before the check', (c) => {
  it('changing it and undoing sends only what the server takes; redo and undo again too', () => {
    const { server, local, undo, relay } = storedWith(c);
    local.transact(() => holder(local, c.at).set(c.at[2], c.edited), LOCAL_ORIGIN);
    expect(relay()).toEqual([]);
    for (const step of ['undo', 'redo', 'undo'] as const) {
      undo[step]();
      expect(relay(), step).toEqual([]);
    }
    expect(shownIn(local, c)).toEqual(c.shown);
    expect(shownIn(server, c)).toEqual(c.shown);
  });

  it('undoing the removal of its whole item or key brings back only what fits', () => {
    const { server, local, undo, relay } = storedWith(c);
    const [root, id, key] = c.at;
    local.transact(() => (id === null ? local.getMap(root).delete(key) : local.getMap(root).delete(id)), LOCAL_ORIGIN);
    expect(relay()).toEqual([]);
    undo.undo();
    expect(relay()).toEqual([]);
    expect(shownIn(local, c)).toEqual(shownIn(server, c));
  });
});

describe('values that fit', () => {
  it.each([
    ['a budget', { kind: 'action-plan', at: ['activities', 'i1', 'budget'], stored: 120_00, edited: 5_00, shown: 120_00 }],
    ['a date', { kind: 'action-plan', at: ['activities', 'i1', 'start'], stored: '2027-01-01', edited: null, shown: '2027-01-01' }],
    ['a free meta key', { kind: 'agenda', at: ['meta', null, 'extra'], stored: { any: 1 }, edited: 2, shown: { any: 1 } }],
  ] as Array<[string, Case]>)('%s comes back as it was', (_name, c) => {
    const { local, undo, relay } = storedWith(c);
    local.transact(() => holder(local, c.at).set(c.at[2], c.edited), LOCAL_ORIGIN);
    relay();
    undo.undo();
    expect(relay()).toEqual([]);
    expect(shownIn(local, c)).toEqual(c.shown);
  });
});
