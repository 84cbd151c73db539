/**
 * A unique or primary-key violation is recognised alike on SQLite and PostgreSQL
 * (server/db/unique-violation.ts), and nothing else is taken for one; a sign-up that races
 * past the address check answers 409 `email-taken` on both, never 500. (Case folding beyond
 * ASCII differs: NOCASE on SQLite folds A–Z only; docs/database.md.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Kdb } from '../../server/db/kysely.js';
import { isUniqueViolation } from '../../server/db/unique-violation.js';
import { createUser } from '../../server/db/users.js';
import { createWorkspace } from '../../server/db/workspaces.js';
import { openTestDatabase } from '../support/database.js';

const database = await openTestDatabase();
const { kdb } = database;
afterAll(() => database.close());

const owner = await createUser(kdb, { email: 'Agare@Example.se', name: 'Ägare', passwordHash: 'x' }, 1);
const workspace = await createWorkspace(kdb, 'W', owner.id, 1);
const invitation = { workspace_id: workspace.id, email: 'a@example.se', role: 'viewer' as const, created_at: 1, expires_at: 2 };
await kdb.insertInto('invitations').values({ ...invitation, id: 'i1', token_hash: 'taken' }).execute();

const WRITES: Array<{ name: string; unique: boolean; write: (k: Kdb) => Promise<unknown> }> = [
  { name: 'an address taken in another (ASCII) case', unique: true, write: (k) => k.insertInto('users').values({ id: 'u2', email: 'agare@example.SE', name: 'B', password_hash: 'x', created_at: 1 }).execute() },
  { name: 'a second membership (primary key)', unique: true, write: (k) => k.insertInto('memberships').values({ workspace_id: workspace.id, user_id: owner.id, role: 'viewer', created_at: 1 }).execute() },
  { name: 'a token hash taken', unique: true, write: (k) => k.insertInto('invitations').values({ ...invitation, id: 'i2', token_hash: 'taken' }).execute() },
  { name: 'a membership of no workspace (foreign key)', unique: false, write: (k) => k.insertInto('memberships').values({ workspace_id: 'none', user_id: owner.id, role: 'viewer', created_at: 1 }).execute() },
  { name: 'a role the CHECK refuses', unique: false, write: (k) => k.updateTable('memberships').set({ role: 'owner' as 'viewer' }).execute() },
];

describe(`unique violations (${database.dialect})`, () => {
  it.each(WRITES)('$name: unique violation = $unique', async ({ write, unique }) => {
    const error: unknown = await write(kdb).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).not.toBeNull();
    expect(isUniqueViolation(error)).toBe(unique);
  });

  it('answers two sign-ups of one address at once with one account and 409 email-taken', async () => {
    const signUp = (name: string) => createUser(kdb, { email: 'samma@example.se', name, passwordHash: 'x' }, 1);
    const results = await Promise.allSettled([signUp('A'), signUp('B')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({ status: 409, code: 'email-taken' });
  });
});
