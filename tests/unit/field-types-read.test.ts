/**
 * Documents stored before the field-type check (server/sync/field-types.ts) may hold a
 * value of the wrong type under any key (issue 17, untrusted clients). Every reader keeps
 * working on them: the shared model's readers (shared/model/ymap.ts) take an unreadable
 * value as its field's empty value, so the plain JSON, the session, validation, compare and
 * history, and every file export (json, csv, xlsx, docx, ics, minutes) are built, never
 * thrown. The table is tests/support/wrong-values.ts: per row for the cheap readers, per
 * (kind, class) with every field wrong at once for the files.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareDocuments } from '../../shared/compare/index.js';
import { historyChanges } from '../../shared/history/entries.js';
import { createDocument, toJSON, type DocumentJSON } from '../../shared/model/document.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../shared/model/kinds.js';
import { sessionToJSON } from '../../shared/model/session.js';
import { validate } from '../../shared/validate/index.js';
import { buildFile, type FileFormat } from '../../server/export/file-formats.js';
import { allWrongWrites, FIELDS, seedItems, VALUE_CLASSES, writeAt, type ValueClass } from '../support/wrong-values.js';

function seeded(kind: DocumentKind): Y.Doc {
  const doc = createDocument(kind, { title: 'Dokument' } as never);
  seedItems(doc, kind);
  return doc;
}

/** Every reader but the files; throws what a reader throws. */
function readAll(doc: Y.Doc, before: DocumentJSON | null): DocumentJSON | null {
  const json = toJSON(doc);
  sessionToJSON(doc);
  validate(doc, { today: '2027-01-15' });
  compareDocuments(before, json);
  historyChanges(before, json);
  JSON.stringify(json);
  return json;
}

describe('every reader but the files survives one wrong value', () => {
  it.each(allWrongWrites().map((row) => [row.kind, row.path, row.what] as const))('%s %s = %s', (kind, path, what) => {
    const doc = seeded(kind);
    const before = toJSON(doc);
    writeAt(doc, path, VALUE_CLASSES[what]());
    expect(() => readAll(doc, before)).not.toThrow();
  });
});

const FORMATS: Record<DocumentKind, FileFormat[]> = { 'action-plan': ['xlsx', 'csv', 'docx'], strategy: ['xlsx', 'docx'], agenda: ['xlsx', 'docx', 'ics', 'minutes'] };

describe('every file export survives a document whose every field is wrong', () => {
  const cases = DOCUMENT_KINDS.flatMap((kind) => (Object.keys(VALUE_CLASSES) as ValueClass[]).map((what) => [kind, what] as const));
  it.each(cases)('%s, every field = %s', async (kind, what) => {
    const doc = seeded(kind);
    const before = toJSON(doc);
    const meetingId = [...doc.getMap('meetings').keys()][0];
    // Leaves first, so a path through a map (a goal's objectives) is written before the map itself is replaced.
    const paths = Object.entries(FIELDS[kind]).filter(([, allowed]) => !allowed.includes(what)).map(([path]) => path);
    for (const path of paths.sort((a, b) => b.split('.').length - a.split('.').length)) writeAt(doc, path, VALUE_CLASSES[what]());
    const json = readAll(doc, before);
    expect(json).not.toBeNull();
    for (const format of FORMATS[kind]) {
      const file = await buildFile(json as DocumentJSON, format, { documentId: 'd', locale: 'sv', now: Date.UTC(2027, 0, 15), meetingId });
      expect('body' in file || file.code === 'export.no-meeting', `${format}`).toBe(true);
    }
  });
});
