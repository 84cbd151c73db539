/**
 * X17 finding 5b (server/sync/required-fields.ts; DESIGN "Document schemas"): for every
 * collection of every kind, an item that arrives without a required field (none at all, or
 * each one left out in turn) and the deletion of a required field — a plain value or a
 * Y.Text title — from an item that stays are refused by the scan and by the exact check
 * (content-trial.ts, for updates the scan cannot place). Passing: a whole item, an
 * overwrite, deleting the item (also with a field first), an incomplete item the same update
 * deletes, and an edit of an item stored before without a field.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../../shared/model/document.js';
import type { DocumentKind } from '../../shared/model/kinds.js';
import { contentOverLimits } from '../../server/sync/content-trial.js';
import { allowedRootsOf, scanContextOf } from '../../server/sync/protected-fields.js';
import { RefusedUpdate, scanUpdate } from '../../server/sync/update-scan.js';
import { collectionsOfAllKinds, itemFields, wholeItem } from '../support/required-items.js';
import { editOfReplica } from '../support/replica-edit.js';

const ROWS = collectionsOfAllKinds();
/** The collection roots of `kind`. */
const FIELD_ROOTS = (kind: DocumentKind) => ROWS.filter((row) => row.kind === kind).map((row) => row.root);

/** The document as the server holds it, with one whole item `kept` and one `old` lacking its first required field in each collection. */
function serverCopy(kind: DocumentKind): Y.Doc {
  const made = createDocument(kind, { title: 'Dokument' } as never);
  made.transact(() => {
    for (const { root, keys } of ROWS.filter((row) => row.kind === kind)) {
      made.getMap(root).set('kept', wholeItem(kind, root));
      made.getMap(root).set('old', wholeItem(kind, root, { [keys[0] ?? '']: undefined }));
    }
  });
  const held = new Y.Doc();
  Y.applyUpdate(held, Y.encodeStateAsUpdate(made));
  return held;
}

/** An editor's update: `edit` on a replica of `server`. */
const editOf = (server: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array => editOfReplica(server, edit, { clientID: 4_242, transact: true });

/** [scan refuses, exact check refuses]. */
function verdicts(server: Y.Doc, update: Uint8Array): [boolean, boolean] {
  let scan = false;
  try {
    scanUpdate(update, scanContextOf(server, 1_000_000, allowedRootsOf(server)));
  } catch (error) {
    if (!(error instanceof RefusedUpdate)) throw error;
    scan = true;
  }
  return [scan, contentOverLimits(server, update) !== null];
}

const item = (doc: Y.Doc, root: string, id: string) => doc.getMap(root).get(id) as Y.Map<unknown>;
const textOrValue = (value: unknown) => (value instanceof Y.Text ? new Y.Text('Nytt') : value instanceof Y.Map ? new Y.Map() : value);

const attacks = ROWS.flatMap(({ kind, root, keys }) => [
  { kind, what: `${root}: a new item with no fields`, edit: (doc: Y.Doc) => doc.getMap(root).set('new', new Y.Map()) },
  ...keys.map((key) => ({ kind, what: `${root}: a new item without ${key}`, edit: (doc: Y.Doc) => doc.getMap(root).set('new', wholeItem(kind, root, { [key]: undefined })) })),
  ...keys.map((key) => ({ kind, what: `${root}: deleting ${key} of an item kept`, edit: (doc: Y.Doc) => item(doc, root, 'kept').delete(key) })),
  { kind, what: `${root}: an item replaced by an empty map under its id`, edit: (doc: Y.Doc) => doc.getMap(root).set('kept', new Y.Map()) },
]);

const allowed = ROWS.flatMap(({ kind, root, keys }) => [
  { kind, what: `${root}: a whole new item`, edit: (doc: Y.Doc) => doc.getMap(root).set('new', wholeItem(kind, root)) },
  ...keys.map((key) => ({ kind, what: `${root}: ${key} set anew`, edit: (doc: Y.Doc) => item(doc, root, 'kept').set(key, textOrValue(new Map(itemFields(kind, root)).get(key))) })),
  { kind, what: `${root}: an item deleted`, edit: (doc: Y.Doc) => doc.getMap(root).delete('kept') },
  { kind, what: `${root}: a field then its item deleted`, edit: (doc: Y.Doc) => (item(doc, root, 'kept').delete(keys[0] ?? ''), doc.getMap(root).delete('kept')) },
  { kind, what: `${root}: an empty new item deleted again`, edit: (doc: Y.Doc) => (doc.getMap(root).set('new', new Y.Map()), doc.getMap(root).delete('new')) },
  { kind, what: `${root}: an old item without ${keys[0] ?? ''} edited`, edit: (doc: Y.Doc) => item(doc, root, 'old').set(keys[1] ?? '', textOrValue(new Map(itemFields(kind, root)).get(keys[1] ?? ''))) },
  { kind, what: `${root}: an old item without ${keys[0] ?? ''} deleted`, edit: (doc: Y.Doc) => doc.getMap(root).delete('old') },
]);

const SERVERS = new Map<DocumentKind, Y.Doc>((['action-plan', 'strategy', 'agenda'] as const).map((kind) => [kind, serverCopy(kind)]));

describe('an item keeps its required fields', () => {
  it.each(attacks.map((row) => [row.kind, row.what, row.edit] as const))('%s %s: refused by the scan and the exact check', (kind, _what, edit) => {
    const server = SERVERS.get(kind) ?? new Y.Doc();
    expect(verdicts(server, editOf(server, edit))).toEqual([true, true]);
  });

  it.each(allowed.map((row) => [row.kind, row.what, row.edit] as const))('%s %s: passes both', (kind, _what, edit) => {
    const server = SERVERS.get(kind) ?? new Y.Doc();
    expect(verdicts(server, editOf(server, edit))).toEqual([false, false]);
  });

  it('a goal title Y.Text deleted is refused; its text edited passes', () => {
    const server = SERVERS.get('action-plan') ?? new Y.Doc();
    expect(verdicts(server, editOf(server, (doc) => item(doc, 'goals', 'kept').delete('title')))).toEqual([true, true]);
    expect(verdicts(server, editOf(server, (doc) => (item(doc, 'goals', 'kept').get('title') as Y.Text).insert(0, 'Mål ')))).toEqual([false, false]);
  });
});

describe("an undo (Y.UndoManager, what the client's undo runs) brings an item back whole", () => {
  it.each(ROWS.map((row) => [row.kind, row.root] as const))('%s %s: an item deleted, then undone, passes both', (kind, root) => {
    const server = SERVERS.get(kind) ?? new Y.Doc();
    const replica = new Y.Doc();
    replica.clientID = 4_343;
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
    const undo = new Y.UndoManager(FIELD_ROOTS(kind).map((name) => replica.getMap(name)));
    replica.transact(() => replica.getMap(root).delete('kept'));
    const trial = new Y.Doc();
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(replica));
    const before = Y.encodeStateVector(replica);
    undo.undo();
    expect(replica.getMap(root).has('kept')).toBe(true);
    expect(verdicts(trial, Y.encodeStateAsUpdate(replica, before))).toEqual([false, false]);
  });
});
