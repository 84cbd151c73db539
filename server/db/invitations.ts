/**
 * Invitation links (DESIGN "Invitations are links"): one row per link, its token stored
 * only as a SHA-256 like sessions. A row is never deleted when used or revoked, so its
 * link can answer "gone" (410) rather than "unknown" (404). On the async layer (SQLite or
 * PostgreSQL): writes that depend on a check hold the workspace's row lock.
 */
import { randomUUID } from 'node:crypto';
import { roleAtLeast, type Role } from '../../shared/roles.js';
import type { Kdb } from './kysely.js';
import { precompiled } from './precompiled.js';
import { addMember, lockWorkspace, roleOf, setMemberRole } from './workspaces.js';

/** How long a link can be accepted: 14 days (DESIGN). */
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** A link not yet accepted, revoked or expired, as coordinators see it (no token). */
export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  /** ISO 8601 UTC. */
  expiresAt: string;
}

/** What a link leads to, and whether it can still be accepted. */
export interface InvitationLink {
  id: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
  expiresAt: number;
  state: 'pending' | 'expired' | 'used' | 'revoked';
}

interface LinkRow {
  id: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
  expiresAt: number;
  acceptedAt: number | null;
  revokedAt: number | null;
}

/**
 * Stores a new link for `email` in a workspace. A pending link for the same address in the
 * same workspace is revoked first: inviting again replaces the earlier link, so the list
 * holds one pending invitation per address and an old mail cannot be used after a resend.
 * One transaction under the workspace's lock, so two resends at once leave one pending link.
 */
export async function createInvitation(
  kdb: Kdb,
  input: { workspaceId: string; email: string; role: Role; tokenHash: string; invitedBy: string; now: number },
): Promise<{ id: string; expiresAt: number }> {
  const id = randomUUID();
  const expiresAt = input.now + INVITATION_TTL_MS;
  await kdb.transaction().execute(async (trx) => {
    await lockWorkspace(trx, input.workspaceId);
    await trx
      .updateTable('invitations')
      .set({ revoked_at: input.now })
      .where('workspace_id', '=', input.workspaceId)
      .where('email', '=', input.email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .insertInto('invitations')
      .values({ id, workspace_id: input.workspaceId, email: input.email, role: input.role, token_hash: input.tokenHash, invited_by: input.invitedBy, created_at: input.now, expires_at: expiresAt })
      .execute();
  });
  return { id, expiresAt };
}

/** The workspace's links that can still be accepted at `now`, by email (then age, then id). */
export async function pendingInvitationsOf(kdb: Kdb, workspaceId: string, now: number): Promise<PendingInvitation[]> {
  const rows = await kdb
    .selectFrom('invitations')
    .select(['id', 'email', 'role', 'expires_at as expiresAt'])
    .where('workspace_id', '=', workspaceId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('email')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, expiresAt: new Date(row.expiresAt).toISOString() }));
}

const linkByTokenHash = precompiled(1, (kdb, tokenHash: string) =>
  kdb
    .selectFrom('invitations as i')
    .innerJoin('workspaces as w', 'w.id', 'i.workspace_id')
    .select(['i.id', 'i.workspace_id as workspaceId', 'w.name as workspaceName', 'i.role', 'i.expires_at as expiresAt', 'i.accepted_at as acceptedAt', 'i.revoked_at as revokedAt'])
    .where('i.token_hash', '=', tokenHash),
);

/** The link whose token hashes to `tokenHash`, with its state at `now`; undefined if none. */
export async function findInvitationLink(kdb: Kdb, tokenHash: string, now: number): Promise<InvitationLink | undefined> {
  const row: LinkRow | undefined = await linkByTokenHash.first(kdb, tokenHash);
  if (!row) return undefined;
  const state = row.revokedAt !== null ? 'revoked' : row.acceptedAt !== null ? 'used' : row.expiresAt <= now ? 'expired' : 'pending';
  return { id: row.id, workspaceId: row.workspaceId, workspaceName: row.workspaceName, role: row.role, expiresAt: row.expiresAt, state };
}

/** Revokes a pending link of the workspace; false when there is none with that id. */
export async function revokeInvitation(kdb: Kdb, workspaceId: string, id: string, now: number): Promise<boolean> {
  const result = await kdb
    .updateTable('invitations')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** What accepting did: the role the user now holds and whether it changed. */
export type Acceptance =
  | { ok: true; workspaceId: string; workspaceName: string; role: Role; changed: boolean }
  | { ok: false; state: 'unknown' | 'expired' | 'used' | 'revoked' };

/**
 * Accepts the link for `userId` in one transaction under the workspace's lock, so a link is
 * used exactly once even when two people press at the same moment (on PostgreSQL too: the
 * second waits for the lock, then reads the link as used). A member keeps the higher of
 * their role and the invited one: a link never demotes anyone. The address the coordinator
 * typed is cleared once used: it is no longer needed and may be the new member's personal data.
 */
export async function acceptInvitation(kdb: Kdb, tokenHash: string, userId: string, now: number): Promise<Acceptance> {
  const found = await findInvitationLink(kdb, tokenHash, now);
  if (!found) return { ok: false, state: 'unknown' };
  return kdb.transaction().execute(async (trx): Promise<Acceptance> => {
    await lockWorkspace(trx, found.workspaceId);
    const link = await findInvitationLink(trx, tokenHash, now);
    if (!link) return { ok: false, state: 'unknown' };
    if (link.state !== 'pending') return { ok: false, state: link.state };
    await trx.updateTable('invitations').set({ accepted_at: now, accepted_by: userId, email: '' }).where('id', '=', link.id).execute();
    const current = await roleOf(trx, link.workspaceId, userId);
    let role = link.role;
    if (current === null) await addMember(trx, link.workspaceId, userId, link.role, now);
    else if (roleAtLeast(current, link.role)) role = current;
    else await setMemberRole(trx, link.workspaceId, userId, link.role);
    return { ok: true, workspaceId: link.workspaceId, workspaceName: link.workspaceName, role, changed: role !== current };
  });
}
