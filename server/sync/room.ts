/**
 * A live document: the Y.Doc, its awareness, the clients in it. Every update a client
 * sends is written to the store before any other client receives it; each broadcast is
 * encoded and framed once for all receivers.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { roleAtLeast } from '../../shared/roles.js';
import { migrateDocument } from '../../shared/model/migrations.js';
import { CloseCode } from './close-codes.js';
import { isClientOrigin, type ClientOrigin, type RoomClient } from './client.js';
import { frame, type Frame } from './frame.js';
import type { DocumentStore } from './persistence.js';
import { awarenessMessage, decodeAwarenessEntries, encodeAwarenessEntries, parseMessage, SyncStep, syncMessage } from './protocol.js';

export interface RoomOptions {
  store: DocumentStore;
  compactAfterUpdates: number;
  now: () => number;
  /** Called when the document's title changes, to keep the listing in step. */
  onTitle?: (documentId: string, title: string) => void;
  /** Awareness updates a client may send per second, sustained (bursts of twice that). */
  awarenessPerSecond?: number;
}

const LOAD_ORIGIN = 'load';
const EMPTY_STATE_VECTOR = (v: Uint8Array) => v.length === 1 && v[0] === 0;

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly clients = new Set<RoomClient>();
  private writes: Promise<void> = Promise.resolve();
  private lastUpdateId = 0;
  private updatesSinceSnapshot = 0;
  private fullState: Frame | null = null;
  private failed = false;

  private constructor(
    readonly documentId: string,
    private readonly options: RoomOptions,
  ) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
  }

  /**
   * Loads a document fully before anyone syncs with it. Throws if the stored content
   * cannot be read; then no room exists and nothing is ever written over that content.
   */
  static async load(documentId: string, options: RoomOptions): Promise<Room> {
    const room = new Room(documentId, options);
    const stored = await options.store.load(documentId);
    room.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot, LOAD_ORIGIN);
      for (const update of stored.updates) Y.applyUpdate(room.doc, update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    room.lastUpdateId = stored.lastUpdateId;
    room.updatesSinceSnapshot = stored.updates.length;
    // A compacted document is its snapshot alone, and the snapshot is the encoded full
    // state: the first joiners get it as stored instead of a fresh encoding. Any change
    // (a migration below, an edit) drops it, as it does every cached full state.
    if (stored.snapshot && stored.updates.length === 0) room.fullState = frame(syncMessage(SyncStep.Step2, stored.snapshot));
    room.doc.on('update', (update: Uint8Array, origin: unknown) => room.onUpdate(update, origin));
    room.awareness.on('update', (changes: AwarenessChanges, origin: unknown) => room.onAwareness(changes, origin));
    room.doc.getMap('meta').observe((event) => {
      if (event.keysChanged.has('title') && event.transaction.origin !== LOAD_ORIGIN) {
        const title = room.doc.getMap('meta').get('title');
        if (typeof title === 'string' && title.trim() !== '') options.onTitle?.(documentId, title.trim().slice(0, 200));
      }
    });
    // Migrations run before the first sync; their changes are stored like any other.
    migrateDocument(room.doc);
    return room;
  }

  join(client: RoomClient): void {
    this.clients.add(client);
    client.send(frame(syncMessage(SyncStep.Step1, Y.encodeStateVector(this.doc))));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) client.send(frame(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states))));
  }

  leave(client: RoomClient): void {
    if (!this.clients.delete(client)) return;
    const ids = [...client.awarenessIds].filter((id) => this.awareness.getStates().has(id));
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /** Handles one frame from `client`. Malformed input closes that client only. */
  receive(client: RoomClient, data: Uint8Array): void {
    if (this.failed) return;
    try {
      const message = parseMessage(data);
      switch (message.type) {
        case 'sync':
          if (message.step === SyncStep.Step1) this.answerStep1(client, message.payload);
          else this.applyClientUpdate(client, message.payload);
          break;
        case 'awareness':
          this.applyAwareness(client, message.update);
          break;
        case 'query-awareness':
          client.send(frame(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]))));
          break;
      }
    } catch {
      this.leave(client);
      client.close(CloseCode.InvalidMessage);
    }
  }

  private answerStep1(client: RoomClient, stateVector: Uint8Array): void {
    if (EMPTY_STATE_VECTOR(stateVector)) {
      // Most joiners start empty: they all get the same cached message.
      this.fullState ??= frame(syncMessage(SyncStep.Step2, Y.encodeStateAsUpdate(this.doc)));
      client.send(this.fullState);
      return;
    }
    client.send(frame(syncMessage(SyncStep.Step2, Y.encodeStateAsUpdate(this.doc, stateVector))));
  }

  private applyClientUpdate(client: RoomClient, update: Uint8Array): void {
    // Viewers are read-only: their changes are never applied, stored or relayed.
    if (!roleAtLeast(client.role, 'editor')) return;
    // Decoding first rejects a truncated or corrupt update before it can touch the document.
    Y.decodeUpdate(update);
    const origin: ClientOrigin = { client };
    Y.applyUpdate(this.doc, update, origin);
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    this.fullState = null;
    const author = isClientOrigin(origin) ? origin.client : null;
    const message = frame(syncMessage(SyncStep.Update, update));
    const at = this.options.now();
    // Serial: store, then broadcast, in the order updates were applied.
    this.writes = this.writes
      .then(async () => {
        if (this.failed) return;
        this.lastUpdateId = await this.options.store.append(this.documentId, update, { userId: author?.userId ?? null, at });
        this.updatesSinceSnapshot++;
        for (const client of this.clients) if (client !== author) client.send(message);
        if (this.updatesSinceSnapshot >= this.options.compactAfterUpdates) await this.compact();
      })
      .catch((error: unknown) => this.fail(error));
  }

  /**
   * A client may only set awareness for its own id. y-websocket clients also echo the
   * states of others they received; those entries are dropped, not treated as an attack.
   */
  private applyAwareness(client: RoomClient, update: Uint8Array): void {
    const entries = decodeAwarenessEntries(update);
    const own = entries.filter((entry) => {
      if (client.awarenessIds.has(entry.clientId)) return true;
      if (client.awarenessIds.size > 0 || this.ownedByOther(client, entry.clientId)) return false;
      client.awarenessIds.add(entry.clientId);
      return true;
    });
    if (own.length === 0 || !this.takeAwarenessToken(client)) return;
    // The common case, only the client's own state: apply the bytes as they came.
    const bytes = own.length === entries.length ? update : encodeAwarenessEntries(own);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, bytes, { client } satisfies ClientOrigin);
  }

  private ownedByOther(client: RoomClient, awarenessId: number): boolean {
    for (const other of this.clients) if (other !== client && other.awarenessIds.has(awarenessId)) return true;
    return false;
  }

  private takeAwarenessToken(client: RoomClient): boolean {
    const rate = this.options.awarenessPerSecond ?? 10;
    const budget = client.awarenessBudget;
    const now = this.options.now();
    budget.tokens = Math.min(rate * 2, budget.tokens + ((now - budget.refilledAt) / 1000) * rate);
    budget.refilledAt = now;
    if (budget.tokens < 1) return false;
    budget.tokens -= 1;
    return true;
  }

  private onAwareness({ added, updated, removed }: AwarenessChanges, origin: unknown): void {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const sender = isClientOrigin(origin) ? origin.client : null;
    const message = frame(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
    for (const client of this.clients) if (client !== sender) client.send(message);
  }

  /** Writes the whole state as a snapshot and drops the log it covers. */
  private async compact(): Promise<void> {
    const state = Y.encodeStateAsUpdate(this.doc);
    await this.options.store.compact(this.documentId, state, this.lastUpdateId, this.options.now());
    this.updatesSinceSnapshot = 0;
  }

  /** A write failed: the update is not durable, so nobody may see it. Drop the room; clients resync. */
  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    console.error(`Room ${this.documentId}: storing an update failed; closing the room`, error);
    for (const client of [...this.clients]) client.close(CloseCode.LoadFailed);
    this.clients.clear();
  }

  get isFailed(): boolean {
    return this.failed;
  }

  /** Waits for pending writes; compacts when the log has grown since the last snapshot. */
  async flush(): Promise<void> {
    await this.writes;
    if (!this.failed && this.updatesSinceSnapshot > 0) await this.compact().catch((error: unknown) => this.fail(error));
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}
