/**
 * One process's part in a cluster (issue 21 design (b), docs/cluster.md): its document
 * leases, its end of the events channel, and the routing of websocket upgrades. Created
 * only when DATABASE_URL is set (server.ts); one process on SQLite never builds it.
 *
 * Routing happens before admission: an upgrade for a document another process owns is
 * passed on untouched, so the owner authenticates it. A process takes a lease only when
 * a room loads (`claim`, after admission), so an unauthenticated upgrade never holds one.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { AppError } from '../errors.js';
import { CloseCode } from '../sync/close-codes.js';
import type { RoomLease } from '../sync/room-lease.js';
import { ClusterEvents, type ClusterEvent } from './cluster-events.js';
import type { ClusterLiveSockets, ClusterRooms } from './cluster-publishing.js';
import { DocumentLeases } from './document-leases.js';
import { answerRetry, endPipes, FORWARDED_HEADER, forwardUpgrade } from './forward-upgrade.js';
import { forwardRequest, liveChangeOf } from './forward-request.js';

/** Between attempts to reconnect a lost lease or events connection. */
const RECONNECT_MS = 1_000;

const ELSEWHERE = 'Dokumentet är öppet på en annan server just nu. Försök igen om en stund.';

/** What the cluster closes and reopens when a connection is lost. */
export interface ClusterLocal {
  sockets: ClusterLiveSockets;
  rooms: ClusterRooms;
}

/** `host:port` other processes reach this one at: a wildcard host is advertised as loopback (one machine). */
export function advertisedAddress(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return reachable.includes(':') ? `[${reachable}]:${port}` : `${reachable}:${port}`;
}

export class Cluster implements RoomLease {
  private leases: DocumentLeases | null = null;
  private events: ClusterEvents | null = null;
  private local: ClusterLocal | null = null;
  private address = '';
  private closing = false;
  private recovering = false;
  /** Client sockets piped to their document's owner (ended on close). */
  private readonly forwarded = new Set<Duplex>();
  /** Set by `drain`: the pipes ending after their owners' close frames, or its bound. */
  private pipesEnded: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly url: string,
    /** The name other processes see in events (X-Samplan-Process). */
    private readonly processName: string,
    private readonly log: (message: string, error?: unknown) => void = console.error,
  ) {}

  /** Connects the lease and events connections once this process listens at `address` (`host:port`). */
  async start(address: string, local: ClusterLocal): Promise<void> {
    this.address = address;
    this.local = local;
    await this.connect();
  }

  private async connect(): Promise<void> {
    const leases = await DocumentLeases.open(this.url, this.address);
    const events = await ClusterEvents.open(this.url, `${this.processName} ${this.address}`, (event) => this.apply(event)).catch(async (error: unknown) => {
      await leases.close().catch(() => undefined);
      throw error;
    });
    this.leases = leases;
    this.events = events;
    leases.onLost((error) => void this.recover('lease', error));
    events.onLost((error) => void this.recover('events', error));
  }

  /**
   * A lost connection: leases gone (another process may load the documents now) or events
   * possibly missed. Every socket closes 1012 and every room is stored and dropped; the
   * clients reconnect and are admitted afresh, wherever the documents' owners now are.
   */
  private async recover(what: string, error: Error): Promise<void> {
    if (this.closing || this.recovering || !this.local) return;
    this.recovering = true;
    this.log(`Cluster: the ${what} connection was lost; closing every socket (1012)`, error);
    const { leases, events } = this;
    this.leases = null;
    this.events = null;
    await Promise.allSettled([leases?.close(), events?.close()]);
    this.local.sockets.closeAll(CloseCode.ServiceRestart);
    await this.local.rooms.closeAll().catch((failure: unknown) => this.log('Cluster: storing rooms after a lost connection failed', failure));
    while (!this.closing) {
      try {
        await this.connect();
        break;
      } catch (failure) {
        this.log('Cluster: reconnecting to PostgreSQL failed; trying again', failure);
        await sleep(RECONNECT_MS, undefined, { ref: false });
      }
    }
    this.recovering = false;
  }

  private apply(event: ClusterEvent): void {
    if (!this.local) return;
    this.local.sockets.applyHere(event);
    this.local.rooms.applyHere(event).catch((error: unknown) => this.log(`Cluster: applying ${event.type} failed`, error));
  }

  /** Sends `event` to the other processes; a failure is logged (their sockets close when they lose the channel). */
  publish(event: ClusterEvent): void {
    this.events?.publish(event).catch((error: unknown) => this.log(`Cluster: publishing ${event.type} failed`, error));
  }

  /**
   * Where the upgrade `request` for `documentId` is served: true → here (admit as on one
   * process); false → already handled: passed on to the owner, or 503 Retry-After when the
   * owner is unknown, this process has lost its connections, or the upgrade was forwarded
   * once already (one hop only).
   */
  async route(request: IncomingMessage, socket: Duplex, head: Buffer, documentId: string, processLine: string): Promise<boolean> {
    const leases = this.leases;
    if (!leases) {
      answerRetry(socket, processLine);
      return false;
    }
    if (leases.holds(documentId)) return true;
    const owner = await leases.ownerOf(documentId);
    // Nobody owns it: admitted here, the room's load takes the lease (`claim`).
    if (owner === null || owner === this.address) return true;
    if (request.headers[FORWARDED_HEADER] !== undefined) answerRetry(socket, processLine);
    else forwardUpgrade(request, socket, head, owner, this.address, processLine, this.forwarded);
    return false;
  }

  /**
   * Serves an HTTP request: one that changes a live document another process owns
   * (`liveChangeOf`) is passed on to that owner (`forwardRequest`), and its answer is the
   * owner's; any other, or one the owner cannot take, is served here by `here` (the app),
   * which answers 503 `document.elsewhere` while another process holds the lease.
   */
  async serveRequest(incoming: IncomingMessage, outgoing: ServerResponse, here: () => Promise<Response>): Promise<Response> {
    const leases = this.leases;
    const documentId = liveChangeOf(incoming.method ?? 'GET', incoming.url ?? '/', incoming.headers[FORWARDED_HEADER]);
    if (documentId === null || !leases || leases.holds(documentId)) return here();
    const owner = await leases.ownerOf(documentId).catch(() => null);
    if (owner === null || owner === this.address) return here();
    return (await forwardRequest(incoming, outgoing, owner, this.address)) ? RESPONSE_ALREADY_SENT : here();
  }

  async claim(documentId: string): Promise<void> {
    if (!this.leases) throw new AppError(503, 'document.elsewhere', ELSEWHERE, { 'Retry-After': '1' });
    const lease = await this.leases.acquire(documentId);
    if (!lease.owned) throw new AppError(503, 'document.elsewhere', ELSEWHERE, { 'Retry-After': '1' });
  }

  holds(documentId: string): boolean {
    return this.leases?.holds(documentId) ?? false;
  }

  async release(documentId: string): Promise<void> {
    await this.leases?.release(documentId);
  }

  /**
   * Draining (SIGTERM), when this process closes its own sockets 1012: asks the owners to
   * close the sockets it passed on to them the same way (DESIGN "Many processes"). A pipe
   * carries the owner's frames untouched, so the owner's close frame, sent after its
   * pending writes, is what reaches the client; the pipe then ends. `close` waits for that,
   * at most `waitMs`, then cuts what is left (their clients see 1006).
   */
  drain(waitMs: number): void {
    const sockets = [...this.forwarded];
    if (sockets.length === 0 || !this.events) return;
    const ended = sockets.map((socket) => new Promise((resolve) => socket.once('close', resolve)));
    this.publish({ type: 'forwarder-draining', address: this.address });
    this.pipesEnded = Promise.race([Promise.all(ended), sleep(waitMs, undefined, { ref: false })]);
  }

  /**
   * After every room has been stored and the pipes had their time to end (`drain`): cuts
   * the sockets still passed on to other owners (or the server would wait for their
   * clients to leave), gives every lease up, stops listening.
   */
  async close(): Promise<void> {
    this.closing = true;
    await this.pipesEnded;
    endPipes(this.forwarded);
    const { leases, events } = this;
    this.leases = null;
    this.events = null;
    await Promise.allSettled([leases?.close(), events?.close()]);
  }
}
