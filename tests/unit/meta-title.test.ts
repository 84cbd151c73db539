/**
 * X17 finding 3 (DESIGN: names and titles 1–200 characters, empty is refused): over the
 * websocket a document's `meta.title` cannot be made blank (empty, whitespace, only invisible
 * characters) nor deleted, in every kind; a title change — which deletes the old value and
 * sets a new one — and the model's own titles pass (server/sync/title-field.ts, TITLE in
 * shared/model/field-types.ts). Checked by the update scan and by the exact check.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../../shared/model/document.js';
import type { DocumentKind } from '../../shared/model/kinds.js';
import { contentOverLimits } from '../../server/sync/content-trial.js';
import { allowedRootsOf, scanContextOf } from '../../server/sync/protected-fields.js';
import { RefusedUpdate, scanUpdate } from '../../server/sync/update-scan.js';
import { editOfReplica } from '../support/replica-edit.js';

const KINDS: DocumentKind[] = ['action-plan', 'strategy', 'agenda'];
const documentOf = (kind: DocumentKind) => createDocument(kind, { title: 'Titel' } as never);

const editOf = (doc: Y.Doc, edit: (meta: Y.Map<unknown>) => void): Uint8Array => editOfReplica(doc, (replica) => edit(replica.getMap('meta')));

/** Blank titles: nothing visible is left. */
const BLANK_TITLES = ['', ' ', '   ', '\t\n', '\u00a0', '\u200b', '\u200b\u200d\ufeff', '\u3000 \u2060'];

const refused: Array<[string, (meta: Y.Map<unknown>) => void]> = [
  ...BLANK_TITLES.map((title): [string, (meta: Y.Map<unknown>) => void] => [`title ${JSON.stringify(title)}`, (meta) => meta.set('title', title)]),
  ['the title deleted', (meta) => meta.delete('title')],
  ['the title set then deleted in one update', (meta) => meta.doc?.transact(() => {
    meta.set('title', 'Ny');
    meta.delete('title');
  })],
];
const allowed: Array<[string, (meta: Y.Map<unknown>) => void]> = [
  ['a new title', (meta) => meta.set('title', 'Ny titel')],
  ['a one-letter title', (meta) => meta.set('title', 'Å')],
  ['a title with spaces around', (meta) => meta.set('title', '  Plan 2027  ')],
  ['an emoji title', (meta) => meta.set('title', '👨‍👩‍👧')],
  ['another meta key', (meta) => meta.set('periodStart', null)],
];

describe.each(KINDS)('meta.title of a %s over the websocket', (kind) => {
  it.each(refused)('refuses %s', (_what, edit) => {
    const doc = documentOf(kind);
    const update = editOf(doc, edit);
    expect(() => scanUpdate(update, scanContextOf(doc, 1_000_000, allowedRootsOf(doc)))).toThrow(RefusedUpdate);
  });

  it.each(refused.filter(([what]) => what.startsWith('title')))('the exact check refuses %s', (_what, edit) => {
    const doc = documentOf(kind);
    expect(contentOverLimits(doc, editOf(doc, edit))).not.toBeNull();
  });

  it.each(allowed)('lets through %s', (_what, edit) => {
    const doc = documentOf(kind);
    const update = editOf(doc, edit);
    expect(() => scanUpdate(update, scanContextOf(doc, 1_000_000, allowedRootsOf(doc)))).not.toThrow();
    expect(contentOverLimits(doc, update)).toBeNull();
  });
});
