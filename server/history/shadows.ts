/**
 * Shadow copies of documents as far as the history is derived (docs/history.md): a Y.Doc
 * per document plus what history compares of it (tracker.ts), kept in memory while it is in use and rebuilt from
 * the store when it is not. Separate from the live rooms on purpose: the edit path never
 * waits for them, and they may lag the room by a moment.
 *
 * Bounded by count and by weight: a count alone let 32 documents at the 20 000-item cap
 * (~110–150 MB each as a Y.Doc) stay in the worker for minutes after one editor filled
 * them. The weight is the encoded bytes the shadow was built from and has applied since
 * (a Y.Doc holds ~15–20× its encoded size).
 */
import * as Y from 'yjs';
import type { StoredState } from './source.js';
import { createTracker, type HistoryTracker } from './tracker.js';
import { Touched, watchTouched } from './touched.js';

export interface Shadow {
  doc: Y.Doc;
  /** What history compares of `doc` now, kept between runs (tracker.ts); null: not a document yet. */
  tracker: HistoryTracker | null;
  /** What the updates applied since the tracker's last step touched (the caller clears it after each step). */
  touched: Touched;
  usedAt: number;
  /** Encoded bytes behind `doc`: what it was rebuilt from plus every update applied since. */
  bytes: number;
}

export interface ShadowOptions {
  /** Shadows kept at most; the least recently used goes first. */
  max: number;
  /** A shadow unused this long (ms) is dropped. */
  idleMs: number;
  /**
   * Encoded bytes kept at most over all shadows; past it the least recently used go first.
   * The most recently used one stays even alone over it (it is the one being derived; the
   * content limits bound its size).
   */
  maxBytes: number;
}

export class Shadows {
  private readonly shadows = new Map<string, Shadow>();
  private totalBytes = 0;

  constructor(private readonly options: ShadowOptions) {}

  /** Whether a shadow of the document is kept (else `get` needs its stored state). */
  has(documentId: string): boolean {
    return this.shadows.has(documentId);
  }

  /**
   * The document as it was after the history's cursor: kept, or rebuilt from `stored` (its
   * snapshot plus its logged updates up to the cursor, read with the batch: source.ts).
   * Never drops another shadow: call `trim` once the batch is derived.
   * Compaction waits for the deriver (see with-history.ts), so a snapshot never covers
   * more than the cursor; if one was written some other way, the shadow starts from it.
   */
  get(documentId: string, stored: StoredState | undefined, now: number): Shadow {
    const kept = this.shadows.get(documentId);
    if (kept) {
      kept.usedAt = now;
      // Map order is use order: re-inserted, it is the most recently used.
      this.shadows.delete(documentId);
      this.shadows.set(documentId, kept);
      return kept;
    }
    const state = stored ?? { snapshot: null, updates: [] };
    const doc = rebuild(state);
    const shadow: Shadow = { doc, tracker: createTracker(doc), touched: new Touched(), usedAt: now, bytes: bytesOf(state) };
    watchTouched(doc, shadow.touched);
    this.shadows.set(documentId, shadow);
    this.totalBytes += shadow.bytes;
    // Not trimmed here: a batch read its stored states for the documents without a shadow
    // then, so one dropped mid-batch would be rebuilt from nothing. `trim` runs after it.
    return shadow;
  }

  /** Applies `updates` to the document's shadow (from `get`) in one transaction and counts their bytes. */
  apply(documentId: string, updates: readonly Uint8Array[]): void {
    const shadow = this.shadows.get(documentId);
    if (!shadow) throw new Error(`no shadow of ${documentId}`);
    shadow.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(shadow.doc, update);
    });
    const added = updates.reduce((sum, update) => sum + update.length, 0);
    shadow.bytes += added;
    this.totalBytes += added;
  }

  /** Forgets a shadow (its document failed to derive: it is rebuilt from the store next time). */
  drop(documentId: string): void {
    const shadow = this.shadows.get(documentId);
    if (!shadow) return;
    shadow.doc.destroy();
    this.totalBytes -= shadow.bytes;
    this.shadows.delete(documentId);
  }

  /** Drops idle shadows, then the least recently used while past `max` or `maxBytes` (never the most recent). */
  trim(now: number): void {
    for (const [documentId, shadow] of this.shadows) {
      if (now - shadow.usedAt > this.options.idleMs) this.drop(documentId);
    }
    for (const documentId of this.shadows.keys()) {
      const over = this.shadows.size > this.options.max || this.totalBytes > this.options.maxBytes;
      if (!over || this.shadows.size === 1) break;
      this.drop(documentId);
    }
  }

  clear(): void {
    for (const documentId of [...this.shadows.keys()]) this.drop(documentId);
  }

  get size(): number {
    return this.shadows.size;
  }

  /** Encoded bytes behind the kept shadows. */
  get bytes(): number {
    return this.totalBytes;
  }
}

function bytesOf(stored: StoredState): number {
  return (stored.snapshot?.length ?? 0) + stored.updates.reduce((sum, update) => sum + update.length, 0);
}

function rebuild(stored: StoredState): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
