/**
 * The rooms in memory: loaded on first use, shared by every connection to a document,
 * unloaded (and compacted) when idle.
 */
import * as Y from 'yjs';
import type { Role } from '../../shared/roles.js';
import { CloseCode } from './close-codes.js';
import type { RoomClient, ServerOrigin } from './client.js';
import { encodeCommittedState } from './pending-structs.js';
import type { DocumentStore } from './persistence.js';
import type { ReadOnlyReason } from './read-only.js';
import { claimThenLoad, ownedElsewhere, type LeasedRooms } from './room-lease.js';
import { Room, type RoomOptions } from './room.js';
import { transactEach, type DocumentEdit } from './server-change.js';

export interface RoomsOptions extends RoomOptions, LeasedRooms {
  idleMs: number;
  /**
   * Called with each update a room stores (its document and time): one call, so that
   * automatic versions (server/versions/auto-versions.ts) cost the edit path no more than
   * noting the time. Content written outside a room (creation, import) is not an edit.
   */
  onEdit?: (documentId: string, at: number) => void;
}

export class Rooms {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** Documents whose stored snapshot could not be applied after a fast open: opened fully first from then on. */
  private readonly slowOpen = new Set<string>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly unloading = new Map<string, Promise<void>>();
  /** Rooms whose idle time is up, unloaded one per turn of the event loop (see drainUnloads). */
  private readonly unloadQueue: string[] = [];
  private draining = false;

  /** What rooms are loaded with: the store, wrapped to note edits when someone listens. */
  private readonly roomOptions: RoomOptions;

  constructor(private readonly options: RoomsOptions) {
    const { onEdit } = options;
    this.roomOptions = onEdit ? { ...options, store: notingEdits(options.store, onEdit) } : options;
  }

  get store(): DocumentStore {
    return this.options.store;
  }

  /** The room for a document, loading it if needed. Rejects if the document cannot be loaded. */
  async open(documentId: string): Promise<Room> {
    this.cancelIdle(documentId);
    await this.unloading.get(documentId);
    let room = this.rooms.get(documentId);
    if (!room) {
      const fastOpen = !this.slowOpen.has(documentId);
      room = claimThenLoad(this.options.lease, documentId, () => Room.load(documentId, this.roomOptions, { fastOpen }));
      this.rooms.set(documentId, room);
      // A failed load leaves no room behind, so the next attempt loads afresh.
      room.catch(() => this.rooms.delete(documentId));
    }
    const loaded = await room;
    if (loaded.isFailed) {
      if (loaded.fastOpenFailed) this.slowOpen.add(documentId);
      this.rooms.delete(documentId);
      return this.open(documentId);
    }
    return loaded;
  }

  async join(documentId: string, client: RoomClient): Promise<Room> {
    const room = await this.open(documentId);
    room.join(client);
    return room;
  }

  leave(room: Room, client: RoomClient, dropQueued = false): void {
    room.leave(client, dropQueued);
    if (room.clients.size === 0) this.scheduleIdle(room.documentId);
  }

  /** The live document if loaded, else a copy read from the store; for exports and validation. */
  async read(documentId: string): Promise<Y.Doc> {
    const live = this.rooms.get(documentId);
    if (live) return (await live).doc;
    const stored = await this.options.store.load(documentId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return doc;
  }

  /**
   * The document's whole state, encoded now (for a version): the live room's content, or
   * the stored content when no room holds it.
   */
  async encodeState(documentId: string): Promise<Uint8Array> {
    const live = this.rooms.get(documentId);
    if (live) return encodeCommittedState((await live).doc);
    const doc = await this.read(documentId);
    try {
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Makes `edit` in the live document as one change with the server's origin: the room
   * stores it and sends it to everyone online like an editor's change (a restore; DESIGN
   * "Versions"). `byUserId` is the person it is made for, stored as the update's author
   * (per-field history names them); every route passes its caller. Resolves once it is
   * stored; false (nothing changed) when the document is read-only for everyone. Throws
   * when the room fails to store it. A list of edits: see `transactEach`.
   */
  async change(documentId: string, edit: DocumentEdit | DocumentEdit[], byUserId: string | null = null): Promise<boolean> {
    const room = await this.open(documentId);
    try {
      // The document first: a fast-opened room learns why it is read-only (archived, schema
      // too new) only when its snapshot is applied, so asking before would let the edit in.
      const doc = room.doc;
      if (room.readOnly) return false;
      const origin: ServerOrigin = { server: true, userId: byUserId };
      await transactEach(doc, edit, origin);
      // Waits for the stored write (and compacts, as a room does every few hundred edits).
      await room.flush();
      if (room.isFailed) throw new Error(`Room ${documentId} failed to store a server change`);
      return true;
    } finally {
      if (room.clients.size === 0) this.scheduleIdle(documentId);
    }
  }

  /**
   * Why nobody may write to a document (DESIGN "Protected document fields"), or null. Asked
   * right before a client opens the document's socket, so the room is loaded here (and
   * kept for that join; unloaded when idle) rather than the stored content read twice.
   */
  async readOnlyOf(documentId: string): Promise<ReadOnlyReason | null> {
    // Another process's document is not loaded here: the socket goes to its owner.
    if (ownedElsewhere(this.options.lease, documentId, this.rooms.has(documentId))) return (await this.options.readOnlyOf?.(documentId)) ?? null;
    const room = await this.open(documentId);
    if (room.clients.size === 0) this.scheduleIdle(documentId);
    try {
      void room.doc;
    } catch {
      return null; // Its snapshot could not be applied: the socket says so (1011), then it opens the full way.
    }
    return room.readOnly;
  }

  /**
   * A member's role changed (or they were removed: `null`) in the given documents: their
   * sockets close with 4403 at once. A demoted editor's client must not keep typing into a
   * copy the server no longer accepts (its edits would diverge silently, and later ones,
   * built on them, would wait on the server forever); a promoted viewer's client reopens
   * editable. Either way the client re-reads its role and reconnects.
   */
  async updateRole(documentIds: string[], userId: string, role: Role | null): Promise<void> {
    for (const documentId of documentIds) {
      const pending = this.rooms.get(documentId);
      if (!pending) continue;
      const room = await pending.catch(() => null);
      if (!room) continue;
      for (const client of [...room.clients]) {
        if (client.userId !== userId || client.role === role) continue;
        this.leave(room, client, true);
        client.close(CloseCode.Forbidden);
      }
    }
  }

  /**
   * A document became read-only for everyone, or writable again (archive / unarchive;
   * server/lifecycle). A room not loaded learns it when it loads (`readOnlyOf`). In a loaded
   * room the sockets of those who could write close with 4403, as on a role change: the
   * client re-reads the document (now saying why it is read-only) and reconnects.
   */
  async setReadOnly(documentId: string, reason: ReadOnlyReason | null): Promise<void> {
    const room = await this.rooms.get(documentId)?.catch(() => null);
    if (!room) return;
    // A reason the document itself gives (schema too new) outlives an unarchive.
    if (reason === null && room.readOnly && room.readOnly.code !== 'document.archived') return;
    room.readOnly = reason;
    for (const client of [...room.clients]) {
      if (client.role === 'viewer') continue;
      this.leave(room, client);
      client.close(CloseCode.Forbidden);
    }
  }

  /**
   * A document is gone (deleted; server/lifecycle): every socket on it closes with `code`
   * (4404) at once. Gone for good (its workspace went with its last member's account),
   * `discard` also drops the room unstored: there is no row left to store or compact into.
   */
  async closeDocument(documentId: string, code: CloseCode, discard = false): Promise<void> {
    const pending = this.rooms.get(documentId);
    if (discard) {
      this.cancelIdle(documentId);
      this.rooms.delete(documentId);
    }
    const room = await pending?.catch(() => null);
    if (!room) return;
    for (const client of [...room.clients]) {
      if (discard) room.leave(client, true);
      else this.leave(room, client);
      client.close(code);
    }
    if (discard) room.destroy();
  }

  private scheduleIdle(documentId: string): void {
    this.cancelIdle(documentId);
    this.idleTimers.set(
      documentId,
      setTimeout(() => {
        this.idleTimers.delete(documentId);
        this.unloadQueue.push(documentId);
        void this.drainUnloads();
      }, this.options.idleMs),
    );
  }

  private cancelIdle(documentId: string): void {
    const timer = this.idleTimers.get(documentId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(documentId);
    const queued = this.unloadQueue.indexOf(documentId);
    if (queued >= 0) this.unloadQueue.splice(queued, 1);
  }

  /**
   * When many rooms go idle together (a workshop ends, a network drops), unloading them all
   * at once would compact them back to back and stall every live room. One room per turn,
   * with I/O and other rooms' messages in between.
   */
  private async drainUnloads(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let next = this.unloadQueue.shift(); next !== undefined; next = this.unloadQueue.shift()) {
        await this.unload(next);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.draining = false;
    }
  }

  private async unload(documentId: string): Promise<void> {
    const pending = this.rooms.get(documentId);
    if (!pending) return;
    const room = await pending.catch(() => null);
    if (!room || room.clients.size > 0) return;
    this.rooms.delete(documentId);
    const done = room
      .flush()
      .finally(() => room.destroy())
      .finally(() => this.options.lease?.release(documentId))
      .finally(() => this.unloading.delete(documentId));
    this.unloading.set(documentId, done);
    await done;
  }

  /** Documents in memory: loaded, or still storing their last state on the way out. */
  get loadedCount(): number {
    if (this.unloading.size === 0) return this.rooms.size;
    return new Set([...this.rooms.keys(), ...this.unloading.keys()]).size;
  }

  /** Graceful shutdown: close every connection, store and compact every room. */
  async closeAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    this.unloadQueue.length = 0;
    const rooms = await Promise.all([...this.rooms.values()].map((room) => room.catch(() => null)));
    this.rooms.clear();
    for (const room of rooms) {
      if (!room) continue;
      for (const client of [...room.clients]) {
        room.leave(client);
        client.close(CloseCode.ServiceRestart);
      }
      await room.flush();
      room.destroy();
    }
    await Promise.all(this.unloading.values());
  }
}

/** The store as rooms see it, noting each update's document and time before storing it. */
function notingEdits(store: DocumentStore, onEdit: (documentId: string, at: number) => void): DocumentStore {
  return {
    load: (documentId) => store.load(documentId),
    append(documentId, update, meta) {
      onEdit(documentId, meta.at);
      return store.append(documentId, update, meta);
    },
    compact: (documentId, state, upTo, at, schemaVersion) => store.compact(documentId, state, upTo, at, schemaVersion),
    pendingUpdates: (documentId) => store.pendingUpdates(documentId),
  };
}
