/**
 * A room's incoming updates, per client. The common case — a small update from a client
 * with time to spare — is applied at once, as before. A big update is applied in pieces,
 * one per event-loop turn, so the room's other clients (and every other room) are served
 * in between; and a client that has used up its share of the main thread (work-budget.ts)
 * waits for it to refill. Either way that client's later updates queue behind, in order
 * (they may build on what is not applied yet); other clients' do not, since nothing they
 * send can depend on a piece before it was applied and broadcast. The queue is held to
 * the socket limit (`maxQueuedBytes`) and to `MAX_WAITING_UPDATES`; past it the
 * update is refused (1008).
 *
 * A client that leaves (its socket closed) does not take its queue with it: every update
 * the server received is applied, stored and relayed, or refused (issue 17; closing right
 * after a burst lost half of it). The rest drains at the same pace, charged to the same
 * user's share, so closing is no way around the budget; only a refusal (1008, 4403) or the
 * room's end drops a queue.
 */
import type * as Y from 'yjs';
import type { ClientOrigin, RoomClient } from './client.js';
import type { UpdateGuard } from './update-guard.js';
import type { Writer } from './protected-fields.js';
import { roleAtLeast } from '../../shared/roles.js';
import { RefusedUpdate, type ScanResult } from './update-scan.js';

/** DESIGN "Facilitation": coordinators facilitate, so only they may write the `session` root. */
function writerOf(client: RoomClient): Writer {
  return { facilitates: roleAtLeast(client.role, 'coordinator'), userId: client.userId };
}

/** Structs (plus content) per piece: about 20–50 ms of Yjs work at the worst measured rates. */
export const PIECE_WEIGHT = 4_000;
/**
 * Updates one client may have waiting. A normal client has one or two (typing while its
 * big paste is applied); a flood of thousands of tiny costly updates is refused early.
 */
export const MAX_WAITING_UPDATES = 256;
/**
 * Bytes of an update applied in the turn it arrived in (typing, a paste, a new row: well
 * under). A bigger one waits a turn of the event loop, like each piece after it: `ws` hands
 * over every message of a read back to back, so a bulk writer's updates (500 items, ~20 KB,
 * 65 ms each; issue 17) ran one after another until its share was spent, and every other
 * document waited for the lot.
 */
export const AT_ONCE_BYTES = 4_096;
/** How long a client out of budget waits before it is looked at again. */
const BUDGET_WAIT_MS = 50;

export interface ClientUpdatesOptions {
  guard: UpdateGuard;
  now: () => number;
  maxQueuedBytes: number;
  doc: () => Y.Doc;
  /** Whether the client is still in the room (a refusal then closes it; a queue of one that left still drains). */
  present: (client: RoomClient) => boolean;
  /** Whether the room still takes updates (false once it failed or was destroyed). */
  live: () => boolean;
  /** An update of the client's was refused or corrupt: close it. */
  refuse: (client: RoomClient, error: unknown) => void;
}

interface Queue {
  updates: Uint8Array[];
  bytes: number;
  /** Settles when the queue is empty or dropped. */
  done?: Promise<void>;
}

export class ClientUpdates {
  private readonly queues = new Map<RoomClient, Queue>();

  constructor(private readonly options: ClientUpdatesOptions) {}

  /** Applies or queues an update; throws (the caller closes the client) when it is refused at once. */
  receive(client: RoomClient, update: Uint8Array): void {
    const queue = this.queues.get(client);
    if (queue) return this.enqueue(client, queue, update);
    const { guard, now } = this.options;
    if (guard.hasShare(client.userId) && update.length <= AT_ONCE_BYTES) {
      const doc = this.options.doc();
      const admitted = guard.admitInPieces(doc, update, now(), PIECE_WEIGHT, writerOf(client));
      const [only] = admitted.pieces;
      if (only && admitted.pieces.length === 1) {
        guard.applyPiece(doc, only, { client });
        guard.settle(doc, admitted.scan, now());
        return;
      }
      this.start(client, { updates: [], bytes: 0 }, admitted);
      return;
    }
    this.start(client, { updates: [update], bytes: update.length }, null);
  }

  /** The client's update was refused (or its right to write ended): what it queued is dropped. */
  forget(client: RoomClient): void {
    this.queues.delete(client);
  }

  /** Settles once every queue, of clients present or gone, is drained or dropped (before a room is stored and unloaded). */
  async settled(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()].map((queue) => queue.done));
  }

  private enqueue(client: RoomClient, queue: Queue, update: Uint8Array): void {
    queue.bytes += update.length;
    if (queue.bytes > this.options.maxQueuedBytes || queue.updates.length >= MAX_WAITING_UPDATES) {
      throw new RefusedUpdate('more updates waiting than the socket limit allows');
    }
    queue.updates.push(update);
  }

  private start(client: RoomClient, queue: Queue, first: { scan: ScanResult; pieces: Uint8Array[] } | null): void {
    this.queues.set(client, queue);
    queue.done = this.drain(client, queue, first).catch((error: unknown) => {
      if (this.queues.get(client) === queue) this.queues.delete(client);
      // One that has left is told nothing: its socket is gone; the rest of its queue goes with the refusal.
      if (this.options.present(client)) this.options.refuse(client, error);
    });
  }

  /** Applies `first` piece by piece, then every queued update, one piece per turn. */
  private async drain(client: RoomClient, queue: Queue, first: { scan: ScanResult; pieces: Uint8Array[] } | null): Promise<void> {
    const { guard, now } = this.options;
    const origin: ClientOrigin = { client };
    let current = first;
    for (;;) {
      if (!current) {
        const next = queue.updates.shift();
        if (next === undefined) break;
        queue.bytes -= next.length;
        if (!(await this.turn(client, queue))) return;
        current = guard.admitInPieces(this.options.doc(), next, now(), PIECE_WEIGHT, writerOf(client));
      }
      for (const piece of current.pieces) {
        if (!(await this.turn(client, queue))) return;
        guard.applyPiece(this.options.doc(), piece, origin);
      }
      guard.settle(this.options.doc(), current.scan, now());
      current = null;
    }
    if (this.queues.get(client) === queue) this.queues.delete(client);
  }

  /** Waits a turn (and for the user's share of time); false once the queue was dropped or the room ended. */
  private async turn(client: RoomClient, queue: Queue): Promise<boolean> {
    const kept = () => this.options.live() && this.queues.get(client) === queue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (kept() && !this.options.guard.hasShare(client.userId)) {
      await new Promise<void>((resolve) => setTimeout(resolve, BUDGET_WAIT_MS));
    }
    if (kept()) return true;
    // The room ended: the queue goes with it (a dropped queue is gone already).
    if (this.queues.get(client) === queue) this.queues.delete(client);
    return false;
  }
}
