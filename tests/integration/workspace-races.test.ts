/**
 * Check-then-write on workspaces stays atomic on the async layer, SQLite (one connection,
 * Kysely's mutex) and PostgreSQL (a pool, READ COMMITTED, the workspace row's lock; see
 * server/db/workspaces.ts `lockWorkspace`): for every race below, run in many workspaces at
 * once, exactly the outcome one-at-a-time would give. Also: which columns the GDPR export
 * finds pointing at users is the same on both dialects as SQLite's own schema says.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { eraseAccount } from '../../server/db/erase-account.js';
import { acceptInvitation, createInvitation, pendingInvitationsOf } from '../../server/db/invitations.js';
import { userColumns } from '../../server/db/personal-data.js';
import { createUser } from '../../server/db/users.js';
import { addMember, changeMember, countCoordinators, createWorkspace } from '../../server/db/workspaces.js';
import { openTestDatabase } from '../support/database.js';

const database = await openTestDatabase();
const { kdb, db } = database;
afterAll(() => database.close());

const ROUNDS = 12;
let people = 0;
const person = async () => (await createUser(kdb, { email: `p${++people}@example.se`, name: `P ${people}`, passwordHash: 'x' }, 1)).id;

/** A workspace with two coordinators, `a` (its creator) and `b`. */
async function twoCoordinators() {
  const [a, b] = [await person(), await person()];
  const workspace = await createWorkspace(kdb, 'W', a, 1);
  await addMember(kdb, workspace.id, b, 'coordinator', 1);
  return { workspace: workspace.id, a, b };
}

const RACES = [
  {
    name: 'two coordinators demote each other: one stays coordinator',
    run: async () => {
      const { workspace, a, b } = await twoCoordinators();
      const results = await Promise.all([changeMember(kdb, workspace, a, 'editor'), changeMember(kdb, workspace, b, 'editor')]);
      expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
      expect(await countCoordinators(kdb, workspace)).toBe(1);
    },
  },
  {
    name: 'two coordinators remove each other: one stays',
    run: async () => {
      const { workspace, a, b } = await twoCoordinators();
      await Promise.all([changeMember(kdb, workspace, a, 'remove'), changeMember(kdb, workspace, b, 'remove')]);
      expect(await countCoordinators(kdb, workspace)).toBe(1);
    },
  },
  {
    name: 'a coordinator deletes their account while demoting the other: one coordinator stays',
    run: async () => {
      const { workspace, a, b } = await twoCoordinators();
      // Either the deletion is refused (a is the last coordinator) or the demotion is.
      await Promise.allSettled([eraseAccount(kdb, a, 2), changeMember(kdb, workspace, b, 'editor')]);
      expect(await countCoordinators(kdb, workspace)).toBe(1);
    },
  },
  {
    name: 'two people accept one link at once: it is used once',
    run: async () => {
      const { workspace, a } = await twoCoordinators();
      await createInvitation(kdb, { workspaceId: workspace, email: 'x@example.se', role: 'editor', tokenHash: `h${workspace}`, invitedBy: a, now: 1 });
      const results = await Promise.all([acceptInvitation(kdb, `h${workspace}`, await person(), 2), acceptInvitation(kdb, `h${workspace}`, await person(), 2)]);
      expect(results.map((r) => (r.ok ? 'ok' : r.state)).sort()).toEqual(['ok', 'used']);
    },
  },
  {
    name: 'an address invited twice at once: one pending link',
    run: async () => {
      const { workspace, a } = await twoCoordinators();
      const invite = (n: number) => createInvitation(kdb, { workspaceId: workspace, email: 'y@example.se', role: 'viewer', tokenHash: `t${n}${workspace}`, invitedBy: a, now: 1 });
      await Promise.all([invite(1), invite(2)]);
      expect(await pendingInvitationsOf(kdb, workspace, 2)).toHaveLength(1);
    },
  },
];

describe(`workspace races (${database.dialect})`, () => {
  it.each(RACES)('$name', async ({ run }) => {
    await Promise.all(Array.from({ length: ROUNDS }, run));
  });

  it('the export finds the same columns pointing at users as SQLite’s schema names', async () => {
    // The reference: SQLite's pragmas on the same migrations, as the export read them before.
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as Array<{ name: string }>;
    const known = new Set(['users', 'sessions', 'memberships', 'invitations', 'documents', 'document_edits', 'document_updates', 'schema_migrations']);
    const expected: Array<[string, string]> = [];
    for (const { name } of tables.filter((t) => !known.has(t.name))) {
      const keys = new Set((db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as Array<{ table: string; from: string }>).filter((k) => k.table === 'users').map((k) => k.from));
      for (const { name: column } of db.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string }>) {
        if (keys.has(column) || column === 'user_id' || column.endsWith('_by')) expected.push([name, column]);
      }
    }
    expect(expected.length).toBeGreaterThan(5);
    const found = await userColumns(kdb);
    expect(found.map(([t, c]) => `${t}.${c}`).sort()).toEqual(expected.map(([t, c]) => `${t}.${c}`).sort());
    if (database.dialect === 'sqlite') expect([...new Set(found.map(([t]) => t))]).toEqual([...new Set(expected.map(([t]) => t))]);
  });
});
