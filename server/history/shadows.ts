/**
 * Shadow copies of documents as far as the history is derived (docs/history.md): a Y.Doc
 * per document plus its export shape, kept in memory while it is in use and rebuilt from
 * the store when it is not. Separate from the live rooms on purpose: the edit path never
 * waits for them, and they may lag the room by a moment.
 */
import * as Y from 'yjs';
import { toJSON, type DocumentJSON } from '../../shared/model/document.js';
import { statement, type Db } from '../db/database.js';

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

  constructor(
    private readonly db: Db,
    private readonly options: ShadowOptions,
  ) {}

  /**
   * The document as it was after update `cursor` (the history's cursor): kept, or rebuilt
   * from its snapshot plus its logged updates up to `cursor`. Compaction waits for the
   * deriver (see with-history.ts), so a snapshot never covers more than the cursor; if one
   * was written some other way, the shadow starts from it and skips what it covers.
   */
  get(documentId: string, cursor: number, now: number): Shadow {
    const kept = this.shadows.get(documentId);
    if (kept) {
      kept.usedAt = now;
      // Map order is use order: re-inserted, it is the most recently used.
      this.shadows.delete(documentId);
      this.shadows.set(documentId, kept);
      return kept;
    }
    const shadow = { doc: this.rebuild(documentId, cursor), json: null as DocumentJSON | null, usedAt: now };
    shadow.json = toJSON(shadow.doc);
    this.shadows.set(documentId, shadow);
    this.trim(now);
    return shadow;
  }

  private rebuild(documentId: string, cursor: number): Y.Doc {
    const snapshot = statement(this.db, 'SELECT data, last_update_id AS lastUpdateId FROM document_snapshots WHERE document_id = ?').get(documentId) as
      | { data: Buffer; lastUpdateId: number }
      | undefined;
    const updates = statement(this.db, 'SELECT data FROM document_updates WHERE document_id = ? AND id > ? AND id <= ? ORDER BY id').all(
      documentId,
      snapshot?.lastUpdateId ?? 0,
      cursor,
    ) as Array<{ data: Buffer }>;
    const doc = new Y.Doc();
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot.data);
      for (const row of updates) Y.applyUpdate(doc, row.data);
    });
    return doc;
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
