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
import { sql } from 'kysely';
import { AppError } from '../errors.js';
import type { Kdb } from './kysely.js';
import { tombstoneUser } from './users.js';

interface WorkspaceShare {
  id: string;
  name: string;
  role: string;
  members: number;
  coordinators: number;
}

async function sharesOf(kdb: Kdb, userId: string): Promise<WorkspaceShare[]> {
  const { rows } = await sql<WorkspaceShare>`
    SELECT w.id, w.name, m.role,
           (SELECT COUNT(*) FROM memberships o WHERE o.workspace_id = w.id) AS members,
           (SELECT COUNT(*) FROM memberships o WHERE o.workspace_id = w.id AND o.role = 'coordinator') AS coordinators
    FROM memberships m JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = ${userId} ORDER BY w.name, w.id`.execute(kdb);
  return rows;
}

/**
 * What deleting `userId` would do: the workspaces that block it (last coordinator with
 * others in it) and those deleted with it (alone in them).
 */
export async function deletionPlan(kdb: Kdb, userId: string): Promise<{ blocking: WorkspaceShare[]; alone: WorkspaceShare[] }> {
  const shares = await sharesOf(kdb, userId);
  return {
    blocking: shares.filter((s) => s.role === 'coordinator' && s.coordinators === 1 && s.members > 1),
    alone: shares.filter((s) => s.members === 1),
  };
}

/**
/**
 * Erases the account's personal data in one transaction, and says which workspaces and
 * documents went with it (their rooms must be dropped: server/routes/me.ts); 409
 * `last-coordinator` (nothing changed) while it is the last coordinator of a workspace others
 * are in. The person's workspaces are locked first (server/db/workspaces.ts `lockWorkspace`),
 * so nobody joins or loses the coordinator role in them between the check and the deletion.
 */
export async function eraseAccount(kdb: Kdb, userId: string, now: number): Promise<{ deletedWorkspaces: string[]; deletedDocuments: string[] }> {
  return kdb.transaction().execute(async (trx) => {
    await trx
      .updateTable('workspaces')
      .set({ id: sql.ref('id') })
      .where('id', 'in', trx.selectFrom('memberships').select('workspace_id').where('user_id', '=', userId))
      .execute();
    const { blocking, alone } = await deletionPlan(trx, userId);
    if (blocking.length > 0) {
      const names = blocking.map((s) => s.name).join(', ');
      throw new AppError(409, 'last-coordinator', `Du är ensam samordnare i ${names}. Gör någon annan till samordnare först.`);
    }
    const email = (await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst())?.email ?? '';
    const aloneIds = alone.map((s) => s.id);
    const deletedDocuments =
      aloneIds.length > 0 ? (await trx.selectFrom('documents').select('id').where('workspace_id', 'in', aloneIds).orderBy('id').execute()).map((row) => row.id) : [];
    if (aloneIds.length > 0) await trx.deleteFrom('workspaces').where('id', 'in', aloneIds).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await trx.deleteFrom('memberships').where('user_id', '=', userId).execute();
    // Links addressed to them carry their address; a coordinator invites a new person anew.
    if (email) await trx.deleteFrom('invitations').where('email', '=', email).execute();
    await tombstoneUser(trx, userId, now);
    return { deletedWorkspaces: aloneIds, deletedDocuments };
  });
}
