/**
 * A document keeps every `meta` field its kind's schema names (DESIGN "Document schemas";
 * shared/model/field-types.ts FIELD_TYPES[kind].meta): over the websocket an editor could
 * delete a Norwegian plan's `meta.currency`, and the plan silently read as SEK (red team
 * x12), as deleting `meta.title` was refused already (meta-title.test.ts). Every such key of
 * every kind: deleted → refused by the update scan; set anew, or deleted and set in one
 * update → passes.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../../shared/model/document.js';
import { FIELD_TYPES } from '../../shared/model/field-types.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../shared/model/kinds.js';
import { allowedRootsOf, scanContextOf } from '../../server/sync/protected-fields.js';
import { RefusedUpdate, scanUpdate } from '../../server/sync/update-scan.js';
import { editOfReplica } from '../support/replica-edit.js';

const documentOf = (kind: DocumentKind) => createDocument(kind, { title: 'Titel' } as never);

const editOf = (doc: Y.Doc, edit: (meta: Y.Map<unknown>) => void): Uint8Array => editOfReplica(doc, (replica) => edit(replica.getMap('meta')), { transact: true });

const scan = (doc: Y.Doc, update: Uint8Array) => () => scanUpdate(update, scanContextOf(doc, 1_000_000, allowedRootsOf(doc)));

/** Every meta key the kind's schema names and a new document of it holds, with its value there. */
const ROWS = DOCUMENT_KINDS.flatMap((kind) => {
  const doc = documentOf(kind);
  const meta = doc.getMap<unknown>('meta');
  return Object.keys(FIELD_TYPES[kind].meta?.fields ?? {})
    .filter((key) => meta.has(key))
    .map((key): [DocumentKind, string] => [kind, key]);
});

describe('meta fields a document keeps', () => {
  it('covers the currency of a plan and every kind', () => {
    expect(ROWS).toContainEqual(['action-plan', 'currency']);
    expect(new Set(ROWS.map(([kind]) => kind))).toEqual(new Set(DOCUMENT_KINDS));
  });

  it.each(ROWS)('%s: deleting meta.%s is refused', (kind, key) => {
    const doc = documentOf(kind);
    expect(scan(doc, editOf(doc, (meta) => meta.delete(key)))).toThrow(RefusedUpdate);
  });

  it.each(ROWS)('%s: meta.%s set anew passes, and deleted then set in one update', (kind, key) => {
    const doc = documentOf(kind);
    const value = doc.getMap<unknown>('meta').get(key);
    const again = value instanceof Y.AbstractType ? value.toJSON() : value;
    expect(scan(doc, editOf(doc, (meta) => meta.set(key, again)))).not.toThrow();
    expect(
      scan(
        doc,
        editOf(doc, (meta) => {
          meta.delete(key);
          meta.set(key, again);
        }),
      ),
    ).not.toThrow();
  });

  it('a key the schema does not name may still be deleted (meta is open: DESIGN)', () => {
    const doc = documentOf('action-plan');
    doc.getMap<unknown>('meta').set('note', 'x');
    expect(scan(doc, editOf(doc, (meta) => meta.delete('note')))).not.toThrow();
  });
});
