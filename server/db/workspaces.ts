/**
 * Workspaces and their members (invitation links: `invitations.ts`), on the async layer
 * (server/db/kysely.ts), so SQLite and PostgreSQL alike. Names sort case-insensitively
 * (COLLATE NOCASE; the `nocase` ICU collation on PostgreSQL) with the id as tiebreak, so
 * equal names come back in the same order on both.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Role } from '../../shared/roles.js';
import { AppError } from '../errors.js';
import { isPostgres } from './dialect.js';
import type { Kdb } from './kysely.js';
import type { Tables } from './schema.js';
import { precompiled } from './precompiled.js';

export interface WorkspaceRow {
  id: string;
  name: string;
  country: string;
}

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * A new workspace (id a new UUID) with `creatorId` as its coordinator, in one transaction.
 * With `maxPerAccount` (WORKSPACES_PER_ACCOUNT): throws 409 `workspace.limit` and stores
 * nothing when the creator already coordinates that many workspaces (red team x14 (5)). Two
 * at once cannot both take the last place: SQLite runs one transaction at a time; on
 * PostgreSQL the creator's user row is locked first, so the other waits and counts this one.
 */
export async function createWorkspace(kdb: Kdb, name: string, creatorId: string, now: number, country = 'SE', maxPerAccount = Number.POSITIVE_INFINITY): Promise<WorkspaceRow> {
  const id = randomUUID();
  const created = await kdb.transaction().execute(async (trx) => {
    if (Number.isFinite(maxPerAccount)) {
      if (isPostgres(kdb)) await sql`SELECT id FROM users WHERE id = ${creatorId} FOR UPDATE`.execute(trx);
      if ((await coordinatedBy(trx, creatorId)) >= maxPerAccount) return false;
    }
    await trx.insertInto('workspaces').values({ id, name, country, created_at: now }).execute();
    await trx.insertInto('memberships').values({ workspace_id: id, user_id: creatorId, role: 'coordinator', created_at: now }).execute();
    return true;
  });
  if (!created) throw workspaceLimit(maxPerAccount);
  return { id, name, country };
}

/** Workspaces `userId` coordinates: what WORKSPACES_PER_ACCOUNT counts. */
export async function coordinatedBy(kdb: Kysely<Tables>, userId: string): Promise<number> {
  const row = await kdb
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('role', '=', 'coordinator')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** 409 `workspace.limit`: the account coordinates `max` workspaces (WORKSPACES_PER_ACCOUNT). */
export function workspaceLimit(max: number): AppError {
  return new AppError(409, 'workspace.limit', `Du är redan samordnare för ${max} arbetsytor, det högsta antalet. Kontakta den som driver tjänsten om du behöver fler.`);
}

// Every route's and every upgrade's access check (server/access.ts): built once.
const workspaceById = precompiled(1, (kdb, id: string) => kdb.selectFrom('workspaces').select(['id', 'name', 'country']).where('id', '=', id));
const membership = precompiled(2, (kdb, workspaceId: string, userId: string) =>
  kdb.selectFrom('memberships').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId),
);

/** The workspace with this id, or undefined. */
export async function findWorkspace(kdb: Kdb, id: string): Promise<WorkspaceRow | undefined> {
  return workspaceById.first(kdb, id);
}

/** The user's role in the workspace, or null for a non-member. */
export async function roleOf(kdb: Kdb, workspaceId: string, userId: string): Promise<Role | null> {
  return (await membership.first(kdb, workspaceId, userId))?.role ?? null;
}

/** The user's workspaces with their role there, by name. */
export async function workspacesOf(kdb: Kdb, userId: string): Promise<Array<WorkspaceRow & { role: Role }>> {
  return kdb
    .selectFrom('workspaces as w')
    .innerJoin('memberships as m', 'm.workspace_id', 'w.id')
    .select(['w.id', 'w.name', 'w.country', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy(sql`w.name COLLATE NOCASE`)
    .orderBy('w.id')
    .execute();
}

/** The workspace's members with their role, by name. */
export async function membersOf(kdb: Kdb, workspaceId: string): Promise<MemberRow[]> {
  return kdb
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'm.role'])
    .where('m.workspace_id', '=', workspaceId)
    .orderBy(sql`u.name COLLATE NOCASE`)
    .orderBy('u.id')
    .execute();
}

/** Adds a member; throws on one already there (the primary key). */
export async function addMember(kdb: Kdb, workspaceId: string, userId: string, role: Role, now: number): Promise<void> {
  await kdb.insertInto('memberships').values({ workspace_id: workspaceId, user_id: userId, role, created_at: now }).execute();
}

export async function setMemberRole(kdb: Kdb, workspaceId: string, userId: string, role: Role): Promise<void> {
  await kdb.updateTable('memberships').set({ role }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
}

/**
 * Locks the workspace's row until the transaction `trx` ends (an UPDATE locks on both
 * dialects; `FOR UPDATE` is PostgreSQL-only), so checks on its members and the writes
 * after them are not interleaved with another request's (docs/database.md "Transactions").
 */
export async function lockWorkspace(trx: Kdb, workspaceId: string): Promise<void> {
  await trx.updateTable('workspaces').set({ id: sql.ref('id') }).where('id', '=', workspaceId).execute();
}

/** What `changeMember` did: the member's role before, or why nothing changed. */
export type MemberChange = { ok: true; previous: Role } | { ok: false; reason: 'not-member' | 'last-coordinator' };

/**
 * Sets a member's role, or removes them (`next` = 'remove'), in one transaction under the
 * workspace's lock: the last coordinator can be neither demoted nor removed, also when two
 * coordinators demote each other at the same moment.
 */
export async function changeMember(kdb: Kdb, workspaceId: string, userId: string, next: Role | 'remove'): Promise<MemberChange> {
  return kdb.transaction().execute(async (trx): Promise<MemberChange> => {
    await lockWorkspace(trx, workspaceId);
    const previous = await roleOf(trx, workspaceId, userId);
    if (!previous) return { ok: false, reason: 'not-member' };
    if (previous === 'coordinator' && next !== 'coordinator' && (await countCoordinators(trx, workspaceId)) === 1) return { ok: false, reason: 'last-coordinator' };
    if (next === 'remove') await trx.deleteFrom('memberships').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
    else await setMemberRole(trx, workspaceId, userId, next);
    return { ok: true, previous };
  });
}

/** How many coordinators the workspace has. */
export async function countCoordinators(kdb: Kdb, workspaceId: string): Promise<number> {
  const row = await kdb
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'coordinator')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
