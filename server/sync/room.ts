/**
 * A live document: the Y.Doc, its awareness, the clients in it. Every update a client
 * sends is written to the store before any other client receives it; each broadcast is
 * encoded and framed once for all receivers.
 */
import * as Y from 'yjs';
import { roleAtLeast } from '../../shared/roles.js';
import { SCHEMA_VERSION } from '../../shared/model/kinds.js';
import { CloseCode } from './close-codes.js';
import { authorIdOf, isClientOrigin, type RoomClient } from './client.js';
import { frame, type Frame } from './frame.js';
import type { SyncLimits } from './limits.js';
import { encodeCommittedState } from './pending-structs.js';
import { relevantStateVector } from './state-vector.js';
import type { DocumentStore } from './persistence.js';
import { RoomCompaction } from './room-compaction.js';
import { RoomPresence } from './room-presence.js';
import { isEmptyStateVector, parseMessage, SyncStep, syncMessage } from './protocol.js';
import { migrateOrExplain, type ReadOnlyReason } from './read-only.js';
import { ClientUpdates } from './client-updates.js';
import { observeTitle } from './title-sync.js';
import { UpdateGuard } from './update-guard.js';
import type { WorkBudget } from './work-budget.js';
import type { ClientIdLedger } from './client-id-ledger.js';
import { RefusedUpdate } from './update-scan.js';

export interface RoomOptions {
  store: DocumentStore;
  compactAfterUpdates: number;
  now: () => number;
  /** Called when the document's title changes, to keep the listing in step. */
  onTitle?: (documentId: string, title: string) => void;
  limits: SyncLimits;
  /** Main-thread time per user for applying updates (shared by every room; see work-budget.ts). */
  workBudget?: WorkBudget;
  /** New client ids per person and document, kept across rooms (client-id-ledger.ts); shared by every room. */
  clientIdLedger?: ClientIdLedger;
  /** Why the document is read-only for everyone though it migrates fine (archived; server/lifecycle), or null. */
  readOnlyOf?: (documentId: string) => Promise<ReadOnlyReason | null>;
}

export interface LoadOptions {
  /** Whether a current snapshot may be served before it is applied (see `Room.load`). */
  fastOpen: boolean;
}

/** The empty update: the answer to a joiner that has already been sent everything. */
const NOTHING_MISSING = Y.encodeStateAsUpdate(new Y.Doc());

const LOAD_ORIGIN = 'load';

export class Room {
  private readonly yDoc = new Y.Doc({ gc: true });
  readonly clients = new Set<RoomClient>();
  readonly presence: RoomPresence;
  private readonly guard: UpdateGuard;
  private readonly updates: ClientUpdates;
  private writes: Promise<void> = Promise.resolve();
  /** Updates applied in memory whose commit has not finished: while any, answers wait. */
  private uncommitted = 0;
  /** Why nobody may write: set when the stored content cannot be migrated (DESIGN), else null. */
  readOnly: ReadOnlyReason | null = null;
  private lastUpdateId = 0;
  private compaction: RoomCompaction | null = null;
  private fullState: Frame | null = null;
  private failed = false;
  /** The stored snapshot while it is not yet applied to the Y.Doc (fast open). */
  private unapplied: Uint8Array | null = null;
  /** Joiners sent the full state before the snapshot was applied; they get step 1 after. */
  private readonly sentFullState = new Set<RoomClient>();
  private snapshotFailed = false;

  private constructor(
    readonly documentId: string,
    private readonly options: RoomOptions,
  ) {
    this.presence = new RoomPresence(this.clients, options);
    this.guard = new UpdateGuard(options.limits, options.workBudget, options.clientIdLedger && { ledger: options.clientIdLedger, documentId });
    const [present, live] = [(client: RoomClient) => this.clients.has(client) && !this.failed, () => !this.failed && !this.yDoc.isDestroyed];
    const refuse = (client: RoomClient, error: unknown) => this.refuse(client, error);
    this.updates = new ClientUpdates({ guard: this.guard, now: options.now, maxQueuedBytes: options.limits.maxQueuedBytes, doc: () => this.doc, present, live, refuse });
  }

  /**
   * Loads a document. Throws if the stored content cannot be read; then no room exists and
   * nothing is ever written over that content.
   *
   * Fast open: a compacted document written by this schema version is exactly its stored
   * snapshot, and the snapshot is an encoded full state. Applying it to a Y.Doc is most of
   * the time a big plan takes to open (≈ 70 ms for 1 MB), so joiners are sent the stored
   * bytes first and the snapshot is applied once they are on their way.
   */
  static async load(documentId: string, options: RoomOptions, { fastOpen }: LoadOptions = { fastOpen: true }): Promise<Room> {
    const room = new Room(documentId, options);
    const stored = await options.store.load(documentId);
    room.readOnly = (await options.readOnlyOf?.(documentId)) ?? null;
    room.lastUpdateId = stored.lastUpdateId;
    // Beside the write chain (room-compaction.ts); the stored updates are in the log already.
    const onFailure = (error: unknown) => room.fail(error, 'compacting failed');
    const compacting = { store: options.store, documentId, now: options.now, every: options.compactAfterUpdates, onFailure };
    room.compaction = new RoomCompaction({ ...compacting, doc: () => room.doc, lastUpdateId: () => room.lastUpdateId }, stored.updates.length);
    if (fastOpen && stored.snapshot && stored.updates.length === 0 && stored.snapshotSchemaVersion === SCHEMA_VERSION) {
      room.unapplied = stored.snapshot;
      room.fullState = frame(syncMessage(SyncStep.Step2, stored.snapshot));
    } else {
      room.apply(stored.snapshot, stored.updates);
    }
    return room;
  }

  /** Applies stored content, then starts listening: nothing loaded is stored again. */
  private apply(snapshot: Uint8Array | null, updates: Uint8Array[]): void {
    this.yDoc.transact(() => {
      if (snapshot) Y.applyUpdate(this.yDoc, snapshot, LOAD_ORIGIN);
      for (const update of updates) Y.applyUpdate(this.yDoc, update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    this.listen();
  }

  /**
   * Its own method, not part of `apply`: closures made there would share `apply`'s scope
   * and keep the loaded snapshot and updates (megabytes for a big plan) alive for as long
   * as the room is open.
   */
  private listen(): void {
    const doc = this.yDoc;
    doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    observeTitle(doc, LOAD_ORIGIN, (title) => this.options.onTitle?.(this.documentId, title));
    // Migrations run before the first sync; their changes are stored like any other. A
    // document they cannot bring up to date opens read-only rather than not at all; else
    // it stays as the record said at load (archived), or as `Rooms.setReadOnly` set since.
    this.readOnly = migrateOrExplain(doc) ?? this.readOnly;
    this.guard.describe(doc);
  }

  /**
   * The live document, with a fast-opened snapshot applied first. If that snapshot cannot
   * be applied the room fails (its clients are closed with 1011) and this throws.
   */
  get doc(): Y.Doc {
    const snapshot = this.unapplied;
    if (snapshot) {
      this.unapplied = null;
      try {
        this.apply(snapshot, []);
      } catch (error) {
        this.snapshotFailed = true;
        this.fail(error, 'applying its stored snapshot failed');
        throw error;
      }
      for (const client of this.sentFullState) this.sendStep1(client);
    }
    if (this.failed) throw new Error(`Room ${this.documentId} has failed`);
    return this.yDoc;
  }

  /** Whether a fast-opened snapshot could not be applied (then the document opens slowly). */
  get fastOpenFailed(): boolean {
    return this.snapshotFailed;
  }

  join(client: RoomClient): void {
    this.clients.add(client);
    if (this.unapplied && this.fullState) {
      // Sent before the client asks (its step 1 may still be on the way); once written out,
      // the snapshot is applied, unless an earlier access has applied it already.
      this.sentFullState.add(client);
      client.send(this.fullState, () => setImmediate(() => this.applyIfStillUnapplied()));
      return;
    }
    this.sendStep1(client);
  }

  private applyIfStillUnapplied(): void {
    if (!this.unapplied || this.failed) return;
    try {
      void this.doc;
    } catch {
      // The room has failed and closed its clients.
    }
  }

  private sendStep1(client: RoomClient): void {
    if (!this.clients.has(client)) return;
    client.send(frame(syncMessage(SyncStep.Step1, Y.encodeStateVector(this.yDoc))));
    this.presence.sendCurrent(client);
  }

  /** `client` leaves; updates it sent that wait their turn are still applied unless `dropQueued` (refused, role changed). */
  leave(client: RoomClient, dropQueued = false): void {
    if (dropQueued) this.updates.forget(client);
    if (!this.clients.delete(client)) return;
    this.sentFullState.delete(client);
    this.presence.leave(client);
  }

  /** Handles one frame from `client`. Malformed input closes that client only. */
  receive(client: RoomClient, data: Uint8Array): void {
    // Frames a closed client sent before it learnt so are not worth a thought.
    if (this.failed || !this.clients.has(client)) return;
    try {
      const message = parseMessage(data);
      switch (message.type) {
        case 'sync':
          if (message.step !== SyncStep.Step1) this.applyClientUpdate(client, message.payload);
          else if (client.syncBudget.take(this.options.now(), this.guard.checkStateVector(message.payload))) this.answerStep1(client, message.payload);
          break;
        case 'awareness':
          this.presence.receive(client, message.update);
          break;
        case 'query-awareness':
          if (client.syncBudget.take(this.options.now())) this.presence.sendCurrent(client);
          break;
      }
    } catch (error) {
      this.refuse(client, error);
    }
  }

  /** Closes a client whose message was refused (1008) or malformed (1007); others carry on. */
  private refuse(client: RoomClient, error: unknown): void {
    this.leave(client, true);
    client.close(error instanceof RefusedUpdate ? CloseCode.PolicyViolation : CloseCode.InvalidMessage);
  }

  private answerStep1(client: RoomClient, stateVector: Uint8Array): void {
    if (isEmptyStateVector(stateVector) && this.sentFullState.delete(client)) {
      // It was sent the full state on joining, and every change since as it happened.
      client.send(frame(syncMessage(SyncStep.Step2, NOTHING_MISSING)));
      return;
    }
    if (isEmptyStateVector(stateVector)) {
      // Most joiners start empty: they all get the same cached message.
      this.fullState ??= frame(syncMessage(SyncStep.Step2, encodeCommittedState(this.doc)));
      this.sendCommitted(client, this.fullState);
      return;
    }
    this.sendCommitted(client, frame(syncMessage(SyncStep.Step2, encodeCommittedState(this.doc, relevantStateVector(this.doc, stateVector)))));
  }

  /**
   * DESIGN "Durable means durable for everyone": a joiner's answer holds what the document
   * held when it was made; it leaves once every update applied before then is committed.
   */
  private sendCommitted(client: RoomClient, message: Frame): void {
    if (this.uncommitted === 0) return client.send(message);
    this.writes = this.writes.then(() => {
      if (!this.failed && this.clients.has(client)) client.send(message);
    });
  }

  private applyClientUpdate(client: RoomClient, update: Uint8Array): void {
    // Viewers are read-only: their changes are never applied, stored or relayed.
    if (!roleAtLeast(client.role, 'editor') || this.readOnly) return;
    this.updates.receive(client, update);
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    this.fullState = null;
    this.uncommitted++;
    const author = isClientOrigin(origin) ? origin.client : null;
    const message = frame(syncMessage(SyncStep.Update, update));
    const at = this.options.now();
    // Serial: store, then broadcast, in the order updates were applied.
    this.writes = this.writes
      .then(async () => {
        if (this.failed) return;
        this.lastUpdateId = await this.options.store.append(this.documentId, update, { userId: authorIdOf(origin), at });
        this.uncommitted--;
        for (const client of this.clients) if (client !== author) client.send(message);
        // Beside this chain, not in it: the next update is stored and sent meanwhile.
        this.compaction?.committed();
      })
      .catch((error: unknown) => this.fail(error));
  }

  /**
   * A write failed (the update is not durable, so nobody may see it) or the stored content
   * could not be applied: drop the room; clients resync.
   */
  private fail(error: unknown, what = 'storing an update failed'): void {
    if (this.failed) return;
    this.failed = true;
    this.sentFullState.clear();
    console.error(`Room ${this.documentId}: ${what}; closing the room`, error);
    for (const client of [...this.clients]) client.close(CloseCode.LoadFailed);
    this.clients.clear();
  }

  get isFailed(): boolean {
    return this.failed;
  }

  /** Waits for queued updates (of clients gone too), pending writes and a running compaction; compacts what the log holds after it. */
  async flush(): Promise<void> {
    await this.updates.settled().then(() => this.writes);
    if (!this.failed) await this.compaction?.flush();
  }

  destroy(): void {
    this.yDoc.destroy();
  }
}
