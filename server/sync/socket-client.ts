/**
 * One admitted websocket in its room: what the room sees of it (a `RoomClient`) and its
 * life from the first message to the close. A class, so that the ten thousand clients a
 * busy server holds share their methods: the arrows of an object literal were two more
 * closures per client, and every byte a client keeps is marked at each major GC.
 */
import type { WebSocket } from 'ws';
import type { Duplex } from 'node:stream';
import type { Role } from '../../shared/roles.js';
import { CloseCode as Codes, type CloseCode } from './close-codes.js';
import type { RoomClient } from './client.js';
import type { Frame } from './frame.js';
import type { Room } from './room.js';
import type { Rooms } from './rooms.js';

const PING_INTERVAL_MS = 30_000;

export interface SocketClientOptions {
  id: number;
  userId: string;
  role: Role;
  rooms: Rooms;
  now: number;
  /** Called once the socket has closed; one function for every client. */
  onClose(client: SocketClient): void;
}

export class SocketClient implements RoomClient {
  readonly id: number;
  readonly userId: string;
  role: Role;
  readonly awarenessIds = new Set<number>();
  awarenessBudget: { tokens: number; refilledAt: number };
  private readonly rooms: Rooms;
  private readonly onClose: (client: SocketClient) => void;
  private room: Room | null = null;
  private closed = false;
  /** Messages that came before the room was loaded; null once it is. */
  private backlog: Uint8Array[] | null = [];
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
    this.role = options.role;
    this.rooms = options.rooms;
    this.onClose = options.onClose;
    this.awarenessBudget = { tokens: 20, refilledAt: options.now };
  }

  /** Starts listening and joins the document's room (loading it if needed). */
  start(documentId: string): void {
    this.listen();
    this.join(documentId);
  }

  /** Apart from `join`, so the handlers' shared scope holds nothing but the client. */
  private listen(): void {
    this.ping = setInterval(() => this.checkAlive(), PING_INTERVAL_MS);
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
        console.error(`Could not load document ${documentId}`, error);
        this.close(Codes.LoadFailed);
      });
  }

  /**
   * Frames go straight to the socket `ws` speaks on: `ws` writes each of its own frames in
   * one synchronous call, so the two never interleave, and nothing is written once `ws`
   * has begun closing.
   */
  send(message: Frame, written?: () => void): void {
    if (this.ws.readyState === this.ws.OPEN && this.socket.writable) this.socket.write(message, written);
    else written?.();
  }

  close(code: CloseCode): void {
    this.ws.close(code.code, code.reason);
  }

  private joined(room: Room): void {
    if (this.closed) return this.rooms.leave(room, this);
    this.room = room;
    const backlog = this.backlog ?? [];
    this.backlog = null;
    for (const bytes of backlog) room.receive(this, bytes);
  }

  private receive(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    this.alive = true;
    if (!isBinary) return this.close(Codes.InvalidMessage);
    const bytes = toBytes(data);
    if (this.room) this.room.receive(this, bytes);
    else this.backlog?.push(bytes);
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
