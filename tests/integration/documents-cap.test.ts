/**
 * DOCUMENTS_PER_WORKSPACE under concurrency on both dialects (server/db/documents.ts): many
 * requests at once, from two processes (two connections, or pools), for a workspace with one
 * place left: exactly one takes it, every other gets 409 `workspace.full`, by either way in
 * that adds a document (a new record, one back from the trash). On PostgreSQL (READ
 * COMMITTED) each count would see none of the others' inserts without the workspace row's lock.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDocument, restoreDocument, type DocumentRow } from '../../server/db/documents.js';
import type { Kdb } from '../../server/db/kysely.js';
import { AppError } from '../../server/errors.js';
import { STORE_FACTORIES, type StoreFixture } from '../support/document-stores.js';

const CAP = 3;
const ATTEMPTS = 8;

describe.each(STORE_FACTORIES)('the documents-per-workspace cap on $name', ({ open }) => {
  let f: StoreFixture;
  let other: Kdb;
  let workspaces = 0;

  beforeAll(async () => {
    f = await open();
    other = (await f.openProcess()).kdb;
  }, 60_000);
  afterAll(() => f?.close());

  const row = (workspaceId: string, id: string): DocumentRow => ({ id, workspaceId, kind: 'agenda', title: id });
  const live = async (workspaceId: string) =>
    Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM documents WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL`.execute(f.kdb)).rows[0]?.n);

  /** A workspace holding CAP - 1 live documents and ATTEMPTS in the trash. */
  async function oneLeft(): Promise<{ workspaceId: string; trashed: string[] }> {
    const workspaceId = `cap${++workspaces}`;
    await sql`INSERT INTO workspaces (id, name, created_at) VALUES (${workspaceId}, 'Tak', 0)`.execute(f.kdb);
    for (let i = 0; i < CAP - 1; i++) await insertDocument(f.kdb, row(workspaceId, `${workspaceId}-live${i}`), null, 0, CAP);
    const trashed = Array.from({ length: ATTEMPTS }, (_, i) => `${workspaceId}-trash${i}`);
    for (const id of trashed) {
      await sql`INSERT INTO documents (id, workspace_id, kind, title, created_at, updated_at, deleted_at) VALUES (${id}, ${workspaceId}, 'agenda', 'T', 0, 0, 1)`.execute(f.kdb);
    }
    return { workspaceId, trashed };
  }

  const outcome = (results: PromiseSettledResult<void>[]) =>
    results.map((r) => (r.status === 'fulfilled' ? 'stored' : r.reason instanceof AppError ? r.reason.code : String(r.reason))).sort();
  const expected = ['stored', ...Array<string>(ATTEMPTS - 1).fill('workspace.full')].sort();

  it.each([
    { way: 'new documents', attempt: (kdb: Kdb, ws: { workspaceId: string; trashed: string[] }, i: number) => insertDocument(kdb, row(ws.workspaceId, `${ws.workspaceId}-new${i}`), null, 1, CAP) },
    { way: 'documents back from the trash', attempt: (kdb: Kdb, ws: { workspaceId: string; trashed: string[] }, i: number) => restoreDocument(kdb, row(ws.workspaceId, ws.trashed[i] ?? ''), CAP) },
  ])('$way at once, from two processes: exactly one takes the last place', async ({ attempt }) => {
    for (let round = 0; round < 3; round++) {
      const ws = await oneLeft();
      const results = await Promise.allSettled(Array.from({ length: ATTEMPTS }, (_, i) => attempt(i % 2 ? other : f.kdb, ws, i)));
      expect(outcome(results)).toEqual(expected);
      expect(await live(ws.workspaceId)).toBe(CAP);
    }
  });

  it('one document back from the trash eight times at once, from two processes: restored once, the rest 404', async () => {
    const ws = await oneLeft();
    const results = await Promise.allSettled(Array.from({ length: ATTEMPTS }, (_, i) => restoreDocument(i % 2 ? other : f.kdb, row(ws.workspaceId, ws.trashed[0] ?? ''), CAP + 5)));
    expect(outcome(results)).toEqual(['stored', ...Array<string>(ATTEMPTS - 1).fill('not-found')].sort());
    await expect(restoreDocument(f.kdb, row(ws.workspaceId, 'never-there'), CAP + 5)).rejects.toMatchObject({ code: 'not-found', status: 404 });
  });

  it('a full workspace refuses one more however it comes; one in the trash frees a place', async () => {
    const ws = await oneLeft();
    await insertDocument(f.kdb, row(ws.workspaceId, `${ws.workspaceId}-last`), null, 1, CAP);
    await expect(insertDocument(f.kdb, row(ws.workspaceId, `${ws.workspaceId}-more`), null, 1, CAP)).rejects.toMatchObject({ code: 'workspace.full', status: 409 });
    await expect(restoreDocument(f.kdb, row(ws.workspaceId, ws.trashed[0] ?? ''), CAP)).rejects.toMatchObject({ code: 'workspace.full' });
    await sql`UPDATE documents SET deleted_at = 2 WHERE id = ${`${ws.workspaceId}-last`}`.execute(f.kdb);
    await restoreDocument(f.kdb, row(ws.workspaceId, ws.trashed[0] ?? ''), CAP);
    expect(await live(ws.workspaceId)).toBe(CAP);
  });
});
