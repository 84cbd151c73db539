/** One socket in one room, as the room sees it. */
import type { Role } from '../../shared/roles.js';
import type { CloseCode } from './close-codes.js';
import type { Frame } from './frame.js';
import type { TokenBucket } from './limits.js';

export interface RoomClient {
  /** Serial number of the connection, for logs and as the transaction origin's key. */
  readonly id: number;
  readonly userId: string;
  /** The account's name: what others see in presence, whatever the client claims. */
  readonly userName: string;
  role: Role;
  /** Awareness client ids this connection has set (it may only ever set its own). */
  readonly awarenessIds: Set<number>;
  /**
   * Writes a framed message; a broadcast's one frame goes to every receiver as it is.
   * `written` is called once the message is handed to the operating system. A socket
   * whose queue is past the limit is closed instead (see `SocketClient.send`).
   */
  send(message: Frame, written?: () => void): void;
  close(code: CloseCode): void;
  /** Awareness updates this client may send. */
  readonly awarenessBudget: TokenBucket;
  /** Sync step 1 and query-awareness requests this client may make. */
  readonly syncBudget: TokenBucket;
}

/** The origin of every transaction a client causes, so persistence knows who made a change. */
export interface ClientOrigin {
  client: RoomClient;
}

export function isClientOrigin(origin: unknown): origin is ClientOrigin {
  return typeof origin === 'object' && origin !== null && 'client' in origin;
}

/**
 * The origin of a change the server makes in a live document on someone's behalf (a
 * restore, a rename, a closed round, an action made a plan activity): the room stores it
 * with `userId` as its author, so per-field history names that person (DESIGN "Audit and
 * exports"). `userId` null: the server's own change (none today but migrations, which run
 * outside `change`).
 */
export interface ServerOrigin {
  readonly server: true;
  readonly userId: string | null;
}

export function isServerOrigin(origin: unknown): origin is ServerOrigin {
  return typeof origin === 'object' && origin !== null && 'server' in origin;
}

/** Who made the change of a transaction with `origin` (its client's or the server's acting person), or null: the update log's `user_id`. */
export function authorIdOf(origin: unknown): string | null {
  if (isClientOrigin(origin)) return origin.client.userId;
  return isServerOrigin(origin) ? origin.userId : null;
}
