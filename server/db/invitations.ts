/**
 * Invitation links (DESIGN "Invitations are links"): one row per link, its token stored
 * only as a SHA-256 like sessions. A row is never deleted when used or revoked, so its
 * link can answer "gone" (410) rather than "unknown" (404).
 */
import { randomUUID } from 'node:crypto';
import { roleAtLeast, type Role } from '../../shared/roles.js';
import { statement, type Db } from './database.js';
import { addMember, roleOf, setMemberRole } from './workspaces.js';

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
 */
export function createInvitation(
  db: Db,
  input: { workspaceId: string; email: string; role: Role; tokenHash: string; invitedBy: string; now: number },
): { id: string; expiresAt: number } {
  const id = randomUUID();
  const expiresAt = input.now + INVITATION_TTL_MS;
  db.transaction(() => {
    statement(
      db,
      `UPDATE invitations SET revoked_at = ? WHERE workspace_id = ? AND email = ? AND accepted_at IS NULL AND revoked_at IS NULL`,
    ).run(input.now, input.workspaceId, input.email);
    statement(
      db,
      `INSERT INTO invitations (id, workspace_id, email, role, token_hash, invited_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, input.workspaceId, input.email, input.role, input.tokenHash, input.invitedBy, input.now, expiresAt);
  })();
  return { id, expiresAt };
}

/** The workspace's links that can still be accepted at `now`, by email. */
export function pendingInvitationsOf(db: Db, workspaceId: string, now: number): PendingInvitation[] {
  const rows = statement(
    db,
    `SELECT id, email, role, expires_at AS expiresAt FROM invitations
     WHERE workspace_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?
     ORDER BY email, created_at`,
  ).all(workspaceId, now) as Array<Omit<PendingInvitation, 'expiresAt'> & { expiresAt: number }>;
  return rows.map((row) => ({ ...row, expiresAt: new Date(row.expiresAt).toISOString() }));
}

/** The link whose token hashes to `tokenHash`, with its state at `now`; undefined if none. */
export function findInvitationLink(db: Db, tokenHash: string, now: number): InvitationLink | undefined {
  const row = statement(
    db,
    `SELECT i.id, i.workspace_id AS workspaceId, w.name AS workspaceName, i.role, i.expires_at AS expiresAt,
            i.accepted_at AS acceptedAt, i.revoked_at AS revokedAt
     FROM invitations i JOIN workspaces w ON w.id = i.workspace_id WHERE i.token_hash = ?`,
  ).get(tokenHash) as LinkRow | undefined;
  if (!row) return undefined;
  const state = row.revokedAt !== null ? 'revoked' : row.acceptedAt !== null ? 'used' : row.expiresAt <= now ? 'expired' : 'pending';
  return { id: row.id, workspaceId: row.workspaceId, workspaceName: row.workspaceName, role: row.role, expiresAt: row.expiresAt, state };
}

/** Revokes a pending link of the workspace; false when there is none with that id. */
export function revokeInvitation(db: Db, workspaceId: string, id: string, now: number): boolean {
  const result = statement(
    db,
    'UPDATE invitations SET revoked_at = ? WHERE id = ? AND workspace_id = ? AND accepted_at IS NULL AND revoked_at IS NULL',
  ).run(now, id, workspaceId);
  return result.changes > 0;
}

/** What accepting did: the role the user now holds and whether it changed. */
export type Acceptance =
  | { ok: true; workspaceId: string; workspaceName: string; role: Role; changed: boolean }
  | { ok: false; state: 'unknown' | 'expired' | 'used' | 'revoked' };

/**
 * Accepts the link for `userId` in one transaction, so a link is used exactly once even
 * when two people press at the same moment. A member keeps the higher of their role and
 * the invited one: a link never demotes anyone. The address the coordinator typed is
 * cleared once used: it is no longer needed and may be the new member's personal data.
 */
export function acceptInvitation(db: Db, tokenHash: string, userId: string, now: number): Acceptance {
  return db.transaction((): Acceptance => {
    const link = findInvitationLink(db, tokenHash, now);
    if (!link) return { ok: false, state: 'unknown' };
    if (link.state !== 'pending') return { ok: false, state: link.state };
    statement(db, "UPDATE invitations SET accepted_at = ?, accepted_by = ?, email = '' WHERE id = ?").run(now, userId, link.id);
    const current = roleOf(db, link.workspaceId, userId);
    let role = link.role;
    if (current === null) addMember(db, link.workspaceId, userId, link.role, now);
    else if (roleAtLeast(current, link.role)) role = current;
    else setMemberRole(db, link.workspaceId, userId, link.role);
    return { ok: true, workspaceId: link.workspaceId, workspaceName: link.workspaceName, role, changed: role !== current };
  })();
}
