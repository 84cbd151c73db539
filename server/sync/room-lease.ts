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
