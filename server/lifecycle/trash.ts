/**
 * The trash (DESIGN "Audit and exports": `DELETE /api/documents/:doc`, `GET …/trash`,
 * `POST …/undelete`). A deleted document stays in its table, marked, for 30 days: 404 for
 * everyone, listed in its workspace's trash, restorable by a coordinator. After that the
 * sweep removes it for good, with everything stored about it. Time is the injected clock's.
 */
import type { Deps } from '../context.js';
import { DELETED_USER_NAME } from '../db/users.js';
import { deletedBefore, purgeDocument, trashOf } from '../db/documents.js';
import { AuditAction, recordAudit } from '../audit/index.js';
import { systemTimer, type SweepTimer } from '../auth/session-sweep.js';

/** How long a deleted document can be restored. */
export const TRASH_DAYS = 30;
export const TRASH_MS = TRASH_DAYS * 24 * 60 * 60 * 1000;

/** When a document deleted at `deletedAt` (ms) is purged (ms). */
export function purgeAt(deletedAt: number): number {
  return deletedAt + TRASH_MS;
}

/** One entry of `GET /api/workspaces/:ws/trash`; times ISO 8601 UTC. */
export interface TrashEntry {
  id: string;
  kind: string;
  title: string;
  deletedAt: string;
  deletedBy: { id: string; name: string } | null;
  purgeAt: string;
}

/** The workspace's trash, most recently deleted first; documents past their 30 days are not offered. */
export async function listTrash(deps: Pick<Deps, 'kdb' | 'clock'>, workspaceId: string): Promise<TrashEntry[]> {
  const now = deps.clock.now();
  return (await trashOf(deps.kdb, workspaceId))
    .filter((row) => purgeAt(row.deletedAt) > now)
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      deletedAt: new Date(row.deletedAt).toISOString(),
      deletedBy: row.deletedBy === null ? null : { id: row.deletedBy, name: row.deletedByGone !== null || row.deletedByName === null ? DELETED_USER_NAME : row.deletedByName },
      purgeAt: new Date(purgeAt(row.deletedAt)).toISOString(),
    }));
}

/**
 * One pass: purges every document deleted 30 days or more before `now` (ms), noting each in
 * its workspace's audit log (the server as actor). Returns how many went.
 */
export async function sweepTrash(deps: Pick<Deps, 'kdb'>, now: number): Promise<number> {
  const due = await deletedBefore(deps.kdb, now - TRASH_MS);
  for (const document of due) {
    // One transaction: a purge is never left unrecorded, nor recorded without happening.
    await deps.kdb.transaction().execute(async (trx) => {
      await purgeDocument(trx, document.id);
      await recordAudit(
        trx,
        { workspaceId: document.workspaceId, actorId: null, action: AuditAction.DocumentPurged, target: { type: 'document', id: document.id, label: document.title } },
        now,
      );
    });
  }
  return due.length;
}

/** Runs `sweepTrash` every `everyMs` on the injected clock; `stop()` ends it. */
export function startTrashSweep(deps: Pick<Deps, 'kdb' | 'clock'>, everyMs: number, timer: SweepTimer = systemTimer): { stop(): void } {
  // Runs never overlap: a slow pass is not joined by the next.
  let running: Promise<void> | null = null;
  return timer.every(everyMs, () => {
    running ??= sweepTrash(deps, deps.clock.now())
      .then(() => undefined, (error: unknown) => console.error('Trash sweep failed', error))
      .finally(() => (running = null));
  });
}
