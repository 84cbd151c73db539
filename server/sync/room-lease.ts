/**
 * What rooms ask of the document lease when Samplan runs as many processes (issue 21
 * design (b), docs/cluster.md; server/cluster/lease-gate.ts implements it). A separate
 * file so that rooms.ts needs no PostgreSQL and one process needs none of it.
 */

/** One owning process per document (server/cluster): what rooms ask of the lease. */
export interface RoomLease {
  /** Takes the lease, or throws (an AppError the API answers with) when another process holds it. */
  claim(documentId: string): Promise<void>;
  holds(documentId: string): boolean;
  /** After the room's last write: another process may load the document from now on. */
  release(documentId: string): Promise<void>;
}

/** What rooms are given on many processes (server/sync/rooms.ts `RoomsOptions`). */
export interface LeasedRooms {
  /**
   * Many processes (docs/cluster.md): a room loads only while this process holds the
   * document's lease; `claim` throws when another process does. Unset on one process.
   */
  lease?: RoomLease;
}

/**
 * Loads a document's room (`load`), claiming its lease first when there is one. Rejects with
 * what `claim` throws (503 `document.elsewhere`: another process owns it) or `load` throws.
 */
export function claimThenLoad<T>(lease: RoomLease | undefined, documentId: string, load: () => Promise<T>): Promise<T> {
  return lease ? lease.claim(documentId).then(load) : load();
}

/** Whether another process owns the document: leases are kept, this one holds none for it and has no room for it (`loadedHere`). */
export function ownedElsewhere(lease: RoomLease | undefined, documentId: string, loadedHere: boolean): boolean {
  return lease !== undefined && !loadedHere && !lease.holds(documentId);
}

/**
 * Many processes (docs/cluster.md "Left"): takes the leases of `documentIds` — loading
 * their rooms through an empty server change, which stores nothing — before a route writes
 * anything beside them (a version, the other document of a to-plan). So a document another
 * process owns answers 503 `document.elsewhere` before any write, and the client's retry of
 * that answer (client/api.ts) repeats nothing. On one process it loads the rooms, as the
 * write that follows does anyway. Throws what `Rooms.change` throws.
 */
export async function changeableHere(rooms: { change(documentId: string, edit: () => void): Promise<boolean> }, documentIds: readonly string[]): Promise<void> {
  for (const documentId of documentIds) await rooms.change(documentId, () => undefined);
}
