/**
 * Schema version 2 (DESIGN "Facilitation"): a version-1 document of every kind migrates to
 * the `session` map and `priority: null` on votable items, keeping every field; migrating
 * again changes nothing; an offline version-1 copy with edits merges with the migrated
 * document without harm and passes the server's update scan.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem } from '../../shared/model/collections.js';
import { createDocument, toJSON } from '../../shared/model/document.js';
import { DOCUMENT_KINDS, PRIORITY_COLLECTIONS, ROOTS, SCHEMA_VERSION, type DocumentKind } from '../../shared/model/kinds.js';
import { MIGRATIONS, migrateDocument } from '../../shared/model/migrations.js';
import { sessionToJSON } from '../../shared/model/session.js';
import { PLAN_COLLECTIONS } from '../../shared/model/action-plan.js';
import { STRATEGY_COLLECTIONS } from '../../shared/model/strategy.js';
import { AGENDA_COLLECTIONS } from '../../shared/model/agenda.js';
import { allowedRootsOf, scanContextOf } from '../../server/sync/protected-fields.js';
import { scanUpdate } from '../../server/sync/update-scan.js';
import { V1_CONTENT, version1Update } from '../support/v1-document.js';
import { wholeItem } from '../support/required-items.js';

function v1Doc(kind: DocumentKind, bytes = version1Update(kind, V1_CONTENT[kind])): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes);
  return doc;
}

/** Every root's raw content (not the export), with `priority` left out of items. */
function rawContent(doc: Y.Doc, kind: DocumentKind): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const root of ROOTS[kind].maps) {
    if (root === 'session') continue;
    const json = doc.getMap<unknown>(root).toJSON() as Record<string, unknown>;
    for (const item of Object.values(json)) if (typeof item === 'object' && item !== null) delete (item as Record<string, unknown>).priority;
    out[root] = root === 'meta' ? { ...json, schemaVersion: 'any' } : json;
  }
  for (const root of ROOTS[kind].texts) out[root] = doc.getText(root).toString();
  return out;
}

function countUpdates(doc: Y.Doc, run: () => void): number {
  let count = 0;
  const listener = () => count++;
  doc.on('update', listener);
  run();
  doc.off('update', listener);
  return count;
}

describe.each(DOCUMENT_KINDS)('schema 1 → 2 for %s', (kind) => {
  it('adds the session map and priority null, keeping every field', () => {
    const doc = v1Doc(kind);
    expect(doc.share.has('session')).toBe(false);
    const before = rawContent(doc, kind);
    expect(migrateDocument(doc)).toBe(1);
    expect(doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(sessionToJSON(doc)).toEqual({ spotlight: null, spotlightBy: null, timer: null, rounds: {} });
    expect(doc.getMap('session').get('rounds')).toBeInstanceOf(Y.Map);
    for (const root of PRIORITY_COLLECTIONS[kind]) {
      const items = [...doc.getMap<Y.Map<unknown>>(root).values()];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(item.has('priority') && item.get('priority') === null).toBe(true);
    }
    expect(rawContent(doc, kind)).toEqual(before);
  });

  it('is a no-op the second time (no update at all)', () => {
    const doc = v1Doc(kind);
    migrateDocument(doc);
    expect(countUpdates(doc, () => migrateDocument(doc))).toBe(0);
    expect(countUpdates(doc, () => doc.transact(() => MIGRATIONS[1]?.(doc)))).toBe(0);
  });

  it('a new document is already version 2 and needs no migration', () => {
    const doc = createDocument(kind, V1_CONTENT[kind]);
    expect(countUpdates(doc, () => expect(migrateDocument(doc)).toBe(SCHEMA_VERSION))).toBe(0);
    expect(sessionToJSON(doc).rounds).toEqual({});
  });
});

/** What a version-1 client adds and edits offline: an item without `priority`, a changed title. */
function offlineV1Edits(doc: Y.Doc, kind: DocumentKind): string {
  const root = PRIORITY_COLLECTIONS[kind][0];
  const collection = doc.getMap<Y.Map<unknown>>(root);
  const [firstId, first] = [...collection.entries()][0] ?? [];
  if (!first || !firstId) throw new Error('no item to edit');
  const title = first.get('title');
  if (title instanceof Y.Text) title.insert(0, 'Offline: ');
  else first.set('title', `Offline: ${String(title)}`);
  // Every field of version 1 (a version-1 client's add buttons wrote them all; required-fields.ts), no `priority`.
  // Of the collection's title type (field-types.ts): a text, but a focus area's plain string.
  const fields: Record<string, unknown> = { title: title instanceof Y.Text ? new Y.Text('Tillagd offline') : 'Tillagd offline', order: 'zz' };
  if (kind === 'action-plan') fields.number = '9';
  if (kind === 'agenda') fields.meetingId = String(first.get('meetingId'));
  collection.set('added-offline', wholeItem(kind, root, fields));
  return firstId;
}

describe.each(DOCUMENT_KINDS)('an offline version-1 copy of a %s merges with the migrated document', (kind) => {
  it('keeps its edits, reads its new item as priority null, and passes the server scan', () => {
    const stored = version1Update(kind, V1_CONTENT[kind]);
    const server = v1Doc(kind, stored);
    const offline = v1Doc(kind, stored);
    migrateDocument(server);
    offlineV1Edits(offline, kind);
    // y-websocket on reconnect: the client gets the server's missing part (the migration,
    // which deleted the old `schemaVersion` value), then answers with its own, whose delete
    // set names every deletion it knows of, that one included.
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(server, Y.encodeStateVector(offline)));
    const fromOffline = Y.encodeStateAsUpdate(offline, Y.encodeStateVector(server));
    expect(() => scanUpdate(fromOffline, scanContextOf(server, 1_000_000, allowedRootsOf(server)))).not.toThrow();
    Y.applyUpdate(server, fromOffline);
    expect(toJSON(offline)).toEqual(toJSON(server));
    expect(server.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
    const json = JSON.stringify(toJSON(server));
    expect(json).toContain('Offline: ');
    expect(json).toContain('Tillagd offline');
    const added = server.getMap<Y.Map<unknown>>(PRIORITY_COLLECTIONS[kind][0]).get('added-offline');
    expect(added?.has('priority')).toBe(false);
    expect(json.includes('"priority":1')).toBe(false);
  });
});

describe('items made by the shared model creators carry priority null', () => {
  const cases = [
    ['action-plan', PLAN_COLLECTIONS.goals, { number: '3', title: 'Nytt mål' }],
    ['action-plan', PLAN_COLLECTIONS.activities, { goalId: 'g', title: 'Ny aktivitet' }],
    ['strategy', STRATEGY_COLLECTIONS.focusAreas, { title: 'Nytt område' }],
    ['strategy', STRATEGY_COLLECTIONS.goals, { focusAreaId: null, title: 'Nytt mål' }],
    ['agenda', AGENDA_COLLECTIONS.items, { meetingId: 'm', title: 'Ny punkt' }],
  ] as const;
  it.each(cases)('%s %o', (kind, spec, fields) => {
    const doc = createDocument(kind, { title: 'Ny' });
    const id = addItem(doc, spec, { ...fields });
    const item = doc.getMap<Y.Map<unknown>>(spec.root).get(id);
    expect(item?.has('priority')).toBe(true);
    expect(item?.get('priority')).toBeNull();
  });
});
