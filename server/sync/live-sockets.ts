/**
 * Every open document socket of this process, by session, user and client address: so
 * that logging out, a password change and "log out everywhere" can close a session's
 * sockets at once (DESIGN "Accounts": 4401), and so that one user or one address cannot
 * hold more than its share of sockets (DESIGN "Limits": 50 per user, 200 per address).
 */
import { CloseCode } from './close-codes.js';

/** What the registry needs of a socket. */
export interface LiveSocket {
  readonly userId: string;
  /** The session the socket was opened with (cookie), or null (ticket). */
  readonly sessionId: string | null;
  readonly address: string;
  /** The share link a guest's socket was opened with (DESIGN "Share links"), or null. */
  readonly shareLinkId: string | null;
  /** The process that passed the socket on to this one (its address, x-samplan-forwarded), or null: came directly. */
  readonly via?: string | null;
  close(code: CloseCode): void;
}

export class LiveSockets {
  private readonly sockets = new Set<LiveSocket>();
  private readonly perUser = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();

  constructor(private readonly limits: { connectionsPerUser: number; connectionsPerAddress: number }) {}

  /** Whether one more socket for this user from this address stays within the limits. */
  admits(userId: string, address: string): boolean {
    return (this.perUser.get(userId) ?? 0) < this.limits.connectionsPerUser && (this.perAddress.get(address) ?? 0) < this.limits.connectionsPerAddress;
  }

  /** Whether one more socket from this address stays within its limit (guests have no user). */
  admitsAddress(address: string): boolean {
    return (this.perAddress.get(address) ?? 0) < this.limits.connectionsPerAddress;
  }

  add(socket: LiveSocket): void {
    this.sockets.add(socket);
    bump(this.perUser, socket.userId, 1);
    bump(this.perAddress, socket.address, 1);
  }

  delete(socket: LiveSocket): void {
    if (!this.sockets.delete(socket)) return;
    bump(this.perUser, socket.userId, -1);
    bump(this.perAddress, socket.address, -1);
  }

  get size(): number {
    return this.sockets.size;
  }

  /** Closes the sockets opened with a session (logout) with 4401. */
  closeSession(sessionId: string): void {
    for (const socket of [...this.sockets]) if (socket.sessionId === sessionId) socket.close(CloseCode.Unauthorized);
  }

  /** Closes a user's sockets but those of `keepSessionId` (password change, "log out everywhere", account deletion). */
  closeUser(userId: string, keepSessionId: string | null = null): void {
    for (const socket of [...this.sockets]) {
      if (socket.userId === userId && (keepSessionId === null || socket.sessionId !== keepSessionId)) socket.close(CloseCode.Unauthorized);
    }
  }

  /** Closes every socket opened with a share link (revoked or expired) with 4401. */
  closeShareLink(shareLinkId: string): void {
    for (const socket of [...this.sockets]) if (socket.shareLinkId === shareLinkId) socket.close(CloseCode.Unauthorized);
  }

  /**
   * Closes every socket another process passed on to this one (`via`, its address) with
   * `code`: that process is draining (issue 21, docs/cluster.md "Rolling restart"). The
   * close frame goes after the socket's pending writes and through that process's pipe, so
   * its client sees `code`, not a cut connection.
   */
  closeVia(via: string, code: CloseCode): void {
    for (const socket of [...this.sockets]) if (socket.via === via) socket.close(code);
  }

  /** The share links open sockets were opened with, for the expiry sweep. */
  openShareLinks(): Set<string> {
    const ids = new Set<string>();
    for (const socket of this.sockets) if (socket.shareLinkId !== null) ids.add(socket.shareLinkId);
    return ids;
  }

  closeAll(code: CloseCode): void {
    for (const socket of [...this.sockets]) socket.close(code);
  }
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}
