/**
 * The document lookup every document route and every websocket upgrade makes
 * (server/db/documents.ts `findDocument`, docs/database.md "Hot paths"), on SQLite and on
 * PostgreSQL (scripts/test-postgres.ts): for documents in every lifecycle state and ids that
 * name none, it gives what the query builder gives — the row while the document is live or
 * archived, nothing once it is in the trash — also inside a transaction that trashed it; it
 * compiles its SQL once (not on every lookup), and on SQLite prepares its statement once.
 */
import { randomUUID } from 'node:crypto';
import { DefaultQueryCompiler } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { findDocument } from '../../server/db/documents.js';
import type { Kdb } from '../../server/db/kysely.js';
import { createUser } from '../../server/db/users.js';
import { createWorkspace } from '../../server/db/workspaces.js';
import { openTestDatabase } from '../support/database.js';

const database = await openTestDatabase();
const { db, kdb } = database;
afterAll(() => database.close());

const now = Date.parse('2027-03-01T08:00:00Z');
const owner = await createUser(kdb, { email: 'agare@example.se', name: 'Ägare', passwordHash: 'x' }, now);
const workspace = await createWorkspace(kdb, 'Dokumenten', owner.id, now);

type State = 'live' | 'archived' | 'trashed' | 'archived and trashed';
const STATES: State[] = ['live', 'archived', 'trashed', 'archived and trashed'];

async function stored(state: State, title = `Plan ${state}`): Promise<string> {
  const id = randomUUID();
  const archived = state.startsWith('archived') ? { archived_at: now, archived_by: owner.id } : {};
  const trashed = state.endsWith('trashed') ? { deleted_at: now, deleted_by: owner.id } : {};
  await kdb
    .insertInto('documents')
    .values({ id, workspace_id: workspace.id, kind: 'action-plan', title, created_by: owner.id, created_at: now, updated_at: now, ...archived, ...trashed })
    .execute();
  return id;
}

/** What the lookup was before it was precompiled: the builder, run on every call. */
const built = (q: Kdb, id: string) =>
  q.selectFrom('documents').select(['id', 'workspace_id as workspaceId', 'kind', 'title']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();

describe(`the document lookup (${database.dialect})`, () => {
  it.each(STATES)('a document that is %s: the row while not in the trash, as the builder gives it', async (state) => {
    const id = await stored(state, `Åtgärder ”${state}” 2027`);
    const found = await findDocument(kdb, id);
    expect(found).toEqual(await built(kdb, id));
    expect(found).toEqual(state.endsWith('trashed') ? undefined : { id, workspaceId: workspace.id, kind: 'action-plan', title: `Åtgärder ”${state}” 2027` });
  });

  // The placeholder text precompiled.ts builds with, too; PostgreSQL refuses NUL in any text
  // parameter, so there it never gets this far (server/http/nul-in-url.ts, nul-in-url.test.ts).
  const strangers = ['', 'x', "x' OR '1'='1", randomUUID(), 'a'.repeat(500), ...(database.dialect === 'sqlite' ? ['\u0000precompiled-argument-0'] : [])];
  it.each(strangers)('an id naming no document (%j): nothing', async (id) => {
    expect(await findDocument(kdb, id)).toBeUndefined();
  });

  it('inside a transaction that trashes the document, that transaction no longer finds it', async () => {
    const id = await stored('live');
    await kdb.transaction().execute(async (trx) => {
      await trx.updateTable('documents').set({ deleted_at: now, deleted_by: owner.id }).where('id', '=', id).execute();
      expect(await findDocument(trx, id)).toBeUndefined();
    });
    expect(await findDocument(kdb, id)).toBeUndefined();
  });

  it('compiles the lookup once, not on every call', async () => {
    const id = await stored('live');
    await findDocument(kdb, id);
    const compile = vi.spyOn(DefaultQueryCompiler.prototype, 'compileQuery');
    try {
      for (let i = 0; i < 5; i++) expect(await findDocument(kdb, id)).toBeDefined();
      expect(compile).not.toHaveBeenCalled();
    } finally {
      compile.mockRestore();
    }
  });

  // SQLite's statement cache (server/db/database.ts); `pg` sends unnamed statements.
  it.skipIf(database.dialect !== 'sqlite')('prepares the lookup once, not on every call', async () => {
    const id = await stored('live');
    await findDocument(kdb, id);
    const prepare = vi.spyOn(db, 'prepare');
    try {
      for (let i = 0; i < 5; i++) expect(await findDocument(kdb, id)).toBeDefined();
      expect(prepare).not.toHaveBeenCalled();
    } finally {
      prepare.mockRestore();
    }
  });
});
