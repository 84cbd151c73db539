/**
 * Shadow copies of documents as far as the history is derived (docs/history.md): a Y.Doc
 * per document plus its export shape, kept in memory while it is in use and rebuilt from
 * the store when it is not. Separate from the live rooms on purpose: the edit path never
 * waits for them, and they may lag the room by a moment.
 */
import * as Y from 'yjs';
import { toJSON, type DocumentJSON } from '../../shared/model/document.js';
import type { StoredState } from './source.js';

export interface Shadow {
  doc: Y.Doc;
  /** The export shape of `doc` now (so each derived step needs one `toJSON`, of the state after). */
  json: DocumentJSON | null;
  usedAt: number;
}

export interface ShadowOptions {
  /** Shadows kept at most; the least recently used goes first. */
  max: number;
  /** A shadow unused this long (ms) is dropped. */
  idleMs: number;
}

export class Shadows {
  private readonly shadows = new Map<string, Shadow>();

  constructor(private readonly options: ShadowOptions) {}

  /** Whether a shadow of the document is kept (else `get` needs its stored state). */
  has(documentId: string): boolean {
    return this.shadows.has(documentId);
  }

  /**
   * The document as it was after the history's cursor: kept, or rebuilt from `stored` (its
   * snapshot plus its logged updates up to the cursor, read with the batch: source.ts).
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
    const shadow = { doc: rebuild(stored ?? { snapshot: null, updates: [] }), json: null as DocumentJSON | null, usedAt: now };
    shadow.json = toJSON(shadow.doc);
    this.shadows.set(documentId, shadow);
    this.trim(now);
    return shadow;
  }

  /** Forgets a shadow (its document failed to derive: it is rebuilt from the store next time). */
  drop(documentId: string): void {
    this.shadows.get(documentId)?.doc.destroy();
    this.shadows.delete(documentId);
  }

  /** Drops idle shadows and, past `max`, the least recently used. */
  trim(now: number): void {
    for (const [documentId, shadow] of this.shadows) {
      if (this.shadows.size > this.options.max || now - shadow.usedAt > this.options.idleMs) this.drop(documentId);
    }
  }

  clear(): void {
    for (const documentId of [...this.shadows.keys()]) this.drop(documentId);
  }

  get size(): number {
    return this.shadows.size;
  }
}

function rebuild(stored: StoredState): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
