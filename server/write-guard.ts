/**
 * One guard for every HTTP route that writes to a document or to what belongs to it
 * (rounds and ballots, versions, restores, to-plan, renames): an archived document — or one
 * whose stored schema is newer than this server's — is read-only for everyone (DESIGN
 * "Audit and exports": archived documents are read-only; "Protected document fields"),
 * so the write is refused 409 `document.read-only` before anything is stored.
 * Which routes call it, and which writes stay allowed on an archived document (unarchive,
 * delete, duplicate, share links, visits, tickets), is held by
 * tests/integration/archived-writes.test.ts, which lists every write route of the app.
 */
import { AppError } from './errors.js';
import type { Deps } from './context.js';

/** The one 409 every refused write answers. */
export function documentReadOnly(message = 'Dokumentet är skrivskyddat (arkiverat) och kan inte ändras.'): AppError {
  return new AppError(409, 'document.read-only', message);
}

/**
 * Resolves when anyone may write to the document; throws 409 `document.read-only` when it is
 * archived or otherwise read-only for everyone (`rooms.readOnlyOf`, which loads the room —
 * the write that follows needs it anyway).
 */
export async function requireWritable(rooms: Pick<Deps['rooms'], 'readOnlyOf'>, documentId: string, message?: string): Promise<void> {
  if (await rooms.readOnlyOf(documentId)) throw documentReadOnly(message);
}
