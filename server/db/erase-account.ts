/**
 * Deleting an account at its owner's request (DESIGN "Accounts, sessions": `DELETE /api/me`;
 * GDPR art. 17). The account, its sessions, memberships and the invitations addressed to it
 * go; the user row stays as an anonymous tombstone ("Borttagen användare", see
 * `tombstoneUser`), so every edit, version and history row that names its id keeps an author
 * without naming a person.
 *
 * Rule for workspaces: a workspace must never be left without a coordinator while others
 * work in it, so the last coordinator of a workspace with other members is refused (409
 * `last-coordinator`) until they hand the role over. A workspace the person is alone in
 * could never be opened by anyone again: it is deleted with the account.
 */
import { AppError } from '../errors.js';
import { statement, type Db } from './database.js';
import { tombstoneUser } from './users.js';

interface WorkspaceShare {
  id: string;
  name: string;
  role: string;
  members: number;
  coordinators: number;
}

function sharesOf(db: Db, userId: string): WorkspaceShare[] {
  return statement(
    db,
    `SELECT w.id, w.name, m.role,
            (SELECT COUNT(*) FROM memberships o WHERE o.workspace_id = w.id) AS members,
            (SELECT COUNT(*) FROM memberships o WHERE o.workspace_id = w.id AND o.role = 'coordinator') AS coordinators
     FROM memberships m JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = ? ORDER BY w.name`,
  ).all(userId) as WorkspaceShare[];
}

/**
 * What deleting `userId` would do: the workspaces that block it (last coordinator with
 * others in it) and those deleted with it (alone in them).
 */
export function deletionPlan(db: Db, userId: string): { blocking: WorkspaceShare[]; alone: WorkspaceShare[] } {
  const shares = sharesOf(db, userId);
  return {
    blocking: shares.filter((s) => s.role === 'coordinator' && s.coordinators === 1 && s.members > 1),
    alone: shares.filter((s) => s.members === 1),
  };
}

/**
 * Erases the account's personal data in one transaction, and says which workspaces and
 * documents went with it (their rooms must be dropped: server/routes/me.ts); 409 `last-coordinator` (nothing
 * changed) while it is the last coordinator of a workspace others are in.
 */
export function eraseAccount(db: Db, userId: string, now: number): { deletedWorkspaces: string[]; deletedDocuments: string[] } {
  return db.transaction(() => {
    const { blocking, alone } = deletionPlan(db, userId);
    if (blocking.length > 0) {
      const names = blocking.map((s) => s.name).join(', ');
      throw new AppError(409, 'last-coordinator', `Du är ensam samordnare i ${names}. Gör någon annan till samordnare först.`);
    }
    const email = (statement(db, 'SELECT email FROM users WHERE id = ?').get(userId) as { email: string } | undefined)?.email ?? '';
    const documentsOf = statement(db, 'SELECT id FROM documents WHERE workspace_id = ?');
    const deletedDocuments = alone.flatMap((workspace) => (documentsOf.all(workspace.id) as Array<{ id: string }>).map((row) => row.id));
    for (const workspace of alone) statement(db, 'DELETE FROM workspaces WHERE id = ?').run(workspace.id);
    statement(db, 'DELETE FROM sessions WHERE user_id = ?').run(userId);
    statement(db, 'DELETE FROM memberships WHERE user_id = ?').run(userId);
    // Links addressed to them carry their address; a coordinator invites a new person anew.
    if (email) statement(db, 'DELETE FROM invitations WHERE email = ?').run(email);
    tombstoneUser(db, userId, now);
    return { deletedWorkspaces: alone.map((s) => s.id), deletedDocuments };
  })();
}
