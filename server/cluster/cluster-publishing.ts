/**
 * Closing sockets on every process (issue 21, docs/cluster.md "Events"): the registry of
 * sockets and the rooms as one process knows them, except that each call which closes
 * sockets here also tells the other processes (`publish`), and `applyHere` does what
 * another process told, on this process only (never published again: no echo).
 *
 * Subclasses rather than a publish at each call site: every route, sweep and operation
 * that closes sockets today (log-out, password change, role change, revoked or expired
 * share link, archive, delete) reaches the other processes without being touched.
 */
import type { Role } from '../../shared/roles.js';
import { CloseCode } from '../sync/close-codes.js';
import { LiveSockets } from '../sync/live-sockets.js';
import type { ReadOnlyReason } from '../sync/read-only.js';
import { Rooms, type RoomsOptions } from '../sync/rooms.js';
import type { ClusterEvent } from './cluster-events.js';

/** Sends an event to the other processes; failures are the publisher's to log. */
export type Publish = (event: ClusterEvent) => void;

/** A role-changed event names at most this many documents (ClusterEvent's schema). */
const DOCUMENTS_PER_EVENT = 500;

/**
 * The socket registry, publishing its closures (4401: log-out, password change, revoked
 * link); applying another process's, and closing (1012) the sockets a draining process
 * had passed on to this one.
 */
export class ClusterLiveSockets extends LiveSockets {
  constructor(
    limits: ConstructorParameters<typeof LiveSockets>[0],
    private readonly publish: Publish,
  ) {
    super(limits);
  }

  override closeSession(sessionId: string): void {
    super.closeSession(sessionId);
    this.publish({ type: 'session-ended', sessionId });
  }

  override closeUser(userId: string, keepSessionId: string | null = null): void {
    super.closeUser(userId, keepSessionId);
    this.publish({ type: 'user-signed-out', userId, keepSessionId });
  }

  override closeShareLink(shareLinkId: string): void {
    super.closeShareLink(shareLinkId);
    this.publish({ type: 'share-link-revoked', shareLinkId });
  }

  /** What another process published, done to this process's sockets only. */
  applyHere(event: ClusterEvent): void {
    if (event.type === 'session-ended') super.closeSession(event.sessionId);
    else if (event.type === 'user-signed-out') super.closeUser(event.userId, event.keepSessionId);
    else if (event.type === 'share-link-revoked') super.closeShareLink(event.shareLinkId);
    else if (event.type === 'forwarder-draining') this.closeVia(event.address, CloseCode.ServiceRestart);
  }
}

/** The rooms, publishing role changes, archive/unarchive and deletion. */
export class ClusterRooms extends Rooms {
  constructor(
    options: RoomsOptions,
    private readonly publish: Publish,
  ) {
    super(options);
  }

  override async updateRole(documentIds: string[], userId: string, role: Role | null): Promise<void> {
    await super.updateRole(documentIds, userId, role);
    for (let i = 0; i < documentIds.length; i += DOCUMENTS_PER_EVENT) {
      this.publish({ type: 'role-changed', documentIds: documentIds.slice(i, i + DOCUMENTS_PER_EVENT), userId, role });
    }
  }

  override async setReadOnly(documentId: string, reason: ReadOnlyReason | null): Promise<void> {
    await super.setReadOnly(documentId, reason);
    this.publish({ type: 'read-only-changed', documentId, reason });
  }

  // `discard` passed on: a room whose rows are gone (an erased account's workspace) must not be compacted into them.
  override async closeDocument(documentId: string, code: CloseCode, discard = false): Promise<void> {
    await super.closeDocument(documentId, code, discard);
    this.publish({ type: 'document-closed', documentId, code: code.code });
  }

  /** What another process published, done to this process's rooms only. */
  async applyHere(event: ClusterEvent): Promise<void> {
    if (event.type === 'role-changed') await super.updateRole(event.documentIds, event.userId, event.role);
    else if (event.type === 'read-only-changed') await super.setReadOnly(event.documentId, event.reason);
    else if (event.type === 'document-closed') await super.closeDocument(event.documentId, closeCodeOf(event.code));
  }
}

/** The close code a number names; an unknown one (a newer process) closes as "not found". */
function closeCodeOf(code: number): CloseCode {
  return Object.values(CloseCode).find((known) => known.code === code) ?? CloseCode.NotFound;
}
