/**
 * What one session check costs on SQLite (docs/database.md "Hot paths"): the middleware's
 * two point lookups (hashing the cookie's token, the session by its id, then its user) done four ways — as main did
 * them (cached better-sqlite3 statements, synchronous), through the Kysely builder (built
 * and compiled on every call), precompiled (server/db/precompiled.ts), and the real
 * `sessions.validate` + `findUserById` as the server now runs them; and one access check
 * (workspace, then the member's role) as main did it and as `workspaceAccess` does; and the
 * upgrade's and every document route's `findDocument` as main did it, through the builder
 * (this branch before) and precompiled (now). Median of several rounds, µs per check, on a
 * temp database with 1 000 sessions and 1 000 documents.
 *
 *   npx tsx tests/bench/db-lookup.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceAccess } from '../../server/access.js';
import { createSessions } from '../../server/auth/sessions.js';
import { hashToken } from '../../server/auth/tokens.js';
import { openDatabase, statement } from '../../server/db/database.js';
import { findDocument } from '../../server/db/documents.js';
import { sqliteKysely } from '../../server/db/kysely.js';
import { precompiled } from '../../server/db/precompiled.js';
import { createUser, findUserById } from '../../server/db/users.js';
import { createWorkspace } from '../../server/db/workspaces.js';

const CHECKS = 5_000;
const ROUNDS = 5;

const dir = mkdtempSync(join(tmpdir(), 'samplan-db-lookup-'));
const db = openDatabase(dir);
const { kdb } = sqliteKysely(db);
const sessions = createSessions(kdb, Date.now, { absoluteMs: 30 * 86_400_000, idleMs: 7 * 86_400_000 });
const tokens: string[] = [];
const members: Array<{ userId: string; workspaceId: string }> = [];
for (let i = 0; i < 1000; i++) {
  const user = await createUser(kdb, { email: `p${i}@example.se`, name: `P ${i}`, passwordHash: 'x' }, Date.now());
  tokens.push(await sessions.create(user.id));
  if (i % 10 === 0) members.push({ userId: user.id, workspaceId: (await createWorkspace(kdb, `W ${i}`, user.id, Date.now())).id });
}
const member = (i: number) => members[i % members.length] ?? { userId: '', workspaceId: '' };
const documentIds: string[] = [];
for (let i = 0; i < 1000; i++) {
  const { userId, workspaceId } = member(i);
  const id = `d${i}`;
  await kdb.insertInto('documents').values({ id, workspace_id: workspaceId, kind: 'action-plan', title: `Plan ${i}`, created_by: userId, created_at: 1, updated_at: 1 }).execute();
  documentIds.push(id);
}
const documentId = (i: number) => documentIds[i % documentIds.length] ?? '';

const sessionById = precompiled(1, (k, id: string) => k.selectFrom('sessions').select(['id', 'user_id as userId']).where('id', '=', id));

const ways: Record<string, (i: number) => Promise<unknown>> = {
  'main: cached statements, sync': async (i) => {
    const row = statement(db, 'SELECT id, user_id AS userId, created_at AS createdAt, last_used_at AS lastUsedAt FROM sessions WHERE id = ?').get(hashToken(tokens[i % tokens.length] ?? '')) as { userId: string };
    return statement(db, 'SELECT id, email, name FROM users WHERE id = ?').get(row.userId);
  },
  'builder on every call': async (i) => {
    const row = await kdb.selectFrom('sessions').select(['id', 'user_id as userId', 'created_at as createdAt', 'last_used_at as lastUsedAt']).where('id', '=', hashToken(tokens[i % tokens.length] ?? '')).executeTakeFirstOrThrow();
    return kdb.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', row.userId).executeTakeFirst();
  },
  'precompiled, the same two lookups': async (i) => {
    const row = await sessionById.first(kdb, hashToken(tokens[i % tokens.length] ?? ''));
    return row && findUserById(kdb, row.userId);
  },
  'server now: validate + findUserById': async (i) => {
    const valid = await sessions.validate(tokens[i % tokens.length] ?? '');
    return valid && findUserById(kdb, valid.userId);
  },
  'access check, main: workspace + role, sync': async (i) => {
    const { userId, workspaceId } = member(i);
    const workspace = statement(db, 'SELECT id, name, country FROM workspaces WHERE id = ?').get(workspaceId) as { id: string };
    return statement(db, 'SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?').get(workspace.id, userId);
  },
  'access check, server now: workspaceAccess': async (i) => {
    const { userId, workspaceId } = member(i);
    return workspaceAccess(kdb, workspaceId, userId, 'viewer');
  },
  'document lookup, main: cached statement, sync': async (i) =>
    statement(db, 'SELECT id, workspace_id AS workspaceId, kind, title FROM documents WHERE id = ? AND deleted_at IS NULL').get(documentId(i)),
  'document lookup, builder on every call': async (i) =>
    kdb.selectFrom('documents').select(['id', 'workspace_id as workspaceId', 'kind', 'title']).where('id', '=', documentId(i)).where('deleted_at', 'is', null).executeTakeFirst(),
  'document lookup, server now: findDocument': async (i) => findDocument(kdb, documentId(i)),
};

/** µs per check over CHECKS sequential checks. */
async function measure(way: (i: number) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < CHECKS; i++) await way(i);
  return Number(process.hrtime.bigint() - start) / 1000 / CHECKS;
}

const results: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, way] of Object.entries(ways)) (results[name] ??= []).push(await measure(way));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
for (const [name, xs] of Object.entries(results)) console.log(`${name.padEnd(48)} ${median(xs).toFixed(1)} µs per check`);
await kdb.destroy();
db.close();
rmSync(dir, { recursive: true, force: true });
