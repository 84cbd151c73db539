/**
 * One admitted websocket in its room: what the room sees of it (a `RoomClient`) and its
 * life from the first message to the close. A class, so that the ten thousand clients a
 * busy server holds share their methods: the arrows of an object literal were two more
 * closures per client, and every byte a client keeps is marked at each major GC.
 */
import type { WebSocket } from 'ws';
import type { Duplex } from 'node:stream';
import type { Role } from '../../shared/roles.js';
import { closeForJoinFailure, CloseCode as Codes, type CloseCode } from './close-codes.js';
import type { RoomClient } from './client.js';
import type { LiveSocket } from './live-sockets.js';
import type { Frame } from './frame.js';
import { TokenBucket, type SyncLimits } from './limits.js';
import type { Room } from './room.js';
import type { Rooms } from './rooms.js';

/** How long a socket closed for not reading gets to take its close frame before it is cut. */
const OVERFLOW_GRACE_MS = 1_000;

export interface SocketClientOptions {
  id: number;
  userId: string;
  userName: string;
  /** The session the socket was opened with (cookie), or null (ticket). */
  sessionId: string | null;
  /** The client's address, for the per-address connection limit. */
  address: string;
  /** The share link a guest opened the socket with (always a viewer), or null. */
  shareLinkId?: string | null;
  /** The process that passed the socket on to this one (its address), or null. */
  via?: string | null;
  role: Role;
  rooms: Rooms;
  limits: SyncLimits;
  now: number;
  /** Called once the socket has closed; one function for every client. */
  onClose(client: SocketClient): void;
}

export class SocketClient implements RoomClient, LiveSocket {
  readonly id: number;
  readonly userId: string;
  readonly userName: string;
  readonly sessionId: string | null;
  readonly address: string;
  readonly shareLinkId: string | null;
  readonly via: string | null;
  role: Role;
  readonly awarenessIds = new Set<number>();
  readonly awarenessBudget: TokenBucket;
  readonly syncBudget: TokenBucket;
  private readonly maxQueuedBytes: number;
  private readonly pingIntervalMs: number;
  /** Set once the socket was closed for not reading: nothing more is queued for it. */
  private overflowed = false;
  private readonly rooms: Rooms;
  private readonly onClose: (client: SocketClient) => void;
  private room: Room | null = null;
  private closed = false;
  /** Messages that came before the room was loaded; null once it is. */
  private backlog: Uint8Array[] | null = [];
  /** Their bytes: held to the same limit as what is queued for the socket. */
  private backlogBytes = 0;
  private alive = true;
  private ping: NodeJS.Timeout | null = null;

  constructor(
    private readonly ws: WebSocket,
    /** The socket `ws` speaks on; broadcasts are written to it directly (see `send`). */
    private readonly socket: Duplex,
    options: SocketClientOptions,
  ) {
    this.id = options.id;
    this.userId = options.userId;
    this.userName = options.userName;
    this.sessionId = options.sessionId;
    this.address = options.address;
    this.shareLinkId = options.shareLinkId ?? null;
    this.via = options.via ?? null;
    this.role = options.role;
    this.rooms = options.rooms;
    this.onClose = options.onClose;
    this.awarenessBudget = new TokenBucket(10, 20, options.now);
    const requests = options.limits.syncRequestsPerSecond;
    this.syncBudget = new TokenBucket(requests, requests * 2, options.now);
    this.maxQueuedBytes = options.limits.maxQueuedBytes;
    this.pingIntervalMs = options.limits.pingIntervalMs;
  }

  /** Starts listening and joins the document's room (loading it if needed). */
  start(documentId: string): void {
    this.listen();
    this.join(documentId);
  }

  /** Apart from `join`, so the handlers' shared scope holds nothing but the client. */
  private listen(): void {
    this.ping = setInterval(() => this.checkAlive(), this.pingIntervalMs);
    this.ws.on('pong', () => (this.alive = true));
    this.ws.on('error', ignore); // `ws` closes the socket itself (1009 for oversized frames).
    this.ws.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => this.receive(data, isBinary));
    this.ws.on('close', () => this.onClosed());
  }

  private join(documentId: string): void {
    this.rooms
      .join(documentId, this)
      .then((room) => this.joined(room))
      .catch((error: unknown) => {
        const close = closeForJoinFailure(error);
        if (close === Codes.LoadFailed) console.error(`Could not load document ${documentId}`, error);
        this.close(close);
      });
  }

  /**
   * Frames go straight to the socket `ws` speaks on: `ws` writes each of its own frames in
   * one synchronous call, so the two never interleave, and nothing is written once `ws`
   * has begun closing. A socket that does not read is closed (1013) once what is queued
   * for it would pass the limit; a single large message to a socket with an empty queue
   * (a big document to a joiner) always goes.
   */
  send(message: Frame, written?: () => void): void {
    if (this.overflowed || this.ws.readyState !== this.ws.OPEN || !this.socket.writable) return written?.();
    const queued = this.socket.writableLength;
    if (queued > 0 && queued + message.length > this.maxQueuedBytes) {
      this.overflow();
      return written?.();
    }
    this.socket.write(message, written);
  }

  /** It stopped reading: say so (if it ever reads again), then cut it loose to free the queue. */
  private overflow(): void {
    this.overflowed = true;
    this.close(Codes.TryAgainLater);
    setTimeout(() => this.ws.terminate(), OVERFLOW_GRACE_MS).unref();
  }

  close(code: CloseCode): void {
    this.ws.close(code.code, code.reason);
  }

  private joined(room: Room): void {
    const backlog = this.backlog ?? [];
    this.backlog = null;
    // What arrived before the room was ready is handled even if the socket has closed since:
    // an update the server received is applied or refused, never dropped (issue 17).
    for (const bytes of backlog) room.receive(this, bytes);
    if (this.closed) return this.rooms.leave(room, this);
    this.room = room;
  }

  private receive(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    this.alive = true;
    if (!isBinary) return this.close(Codes.InvalidMessage);
    const bytes = toBytes(data);
    if (this.room) return this.room.receive(this, bytes);
    if (this.closed || !this.backlog) return;
    this.backlogBytes += bytes.length;
    if (this.backlogBytes > this.maxQueuedBytes) {
      this.backlog = null;
      return this.close(Codes.PolicyViolation);
    }
    this.backlog.push(bytes);
  }

  private checkAlive(): void {
    if (!this.alive) return this.ws.terminate();
    this.alive = false;
    this.ws.ping();
  }

  private onClosed(): void {
    this.closed = true;
    if (this.ping) clearInterval(this.ping);
    if (this.room) this.rooms.leave(this.room, this);
    this.onClose(this);
  }
}

function ignore(): void {}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
