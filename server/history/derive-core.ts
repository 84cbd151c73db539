/**
 * The CPU side of the per-field history (docs/history.md): reads committed updates after a
 * cursor, applies them run by run (consecutive updates of one author) to shadow copies of
 * their documents, and compares the export shape before and after each run with
 * shared/compare. Writes nothing: the main thread stores what this returns (deriver.ts).
 * Runs in a worker thread (derive-worker.mjs) on its own connection — read-only SQLite, or
 * its own PostgreSQL pool (source.ts) — because `toJSON` and the compare of a 1 000-activity
 * plan take ~0.1–0.2 s.
 */
import * as Y from 'yjs';
import { toJSON } from '../../shared/model/document.js';
import { HISTORY_MERGE_WINDOW_MS, historyChanges } from '../../shared/history/entries.js';
import { Shadows } from './shadows.js';
import type { LoggedUpdate, StoredState, UpdateSource } from './source.js';
import type { DerivedEntry } from './store.js';

export interface DeriveResult {
  entries: DerivedEntry[];
  /** The newest update id read (the cursor after storing `entries`); the old cursor when none was new. */
  upTo: number;
  read: number;
}

export class DeriveCore {
  private readonly shadows = new Shadows({ max: 32, idleMs: 5 * 60_000 });
  /** The cursor the shadows stand at; a request from another one means they are stale. */
  private at: number | null = null;

  constructor(
    private readonly source: UpdateSource,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Derives up to `limit` updates after `cursor` and at most `horizon` (the newest id known
   * to have no uncommitted ids below it). Everything is read in one read transaction, so a
   * compaction committed meanwhile cannot take updates from under it.
   */
  async derive(cursor: number, limit: number, horizon = Number.MAX_SAFE_INTEGER): Promise<DeriveResult> {
    if (this.at !== cursor) this.shadows.clear();
    this.at = null;
    const { rows, states } = await this.source.read(cursor, limit, horizon, (documentId) => !this.shadows.has(documentId));
    const byDocument = new Map<string, LoggedUpdate[]>();
    for (const row of rows) {
      const list = byDocument.get(row.documentId);
      if (list) list.push(row);
      else byDocument.set(row.documentId, [row]);
    }
    const entries: DerivedEntry[] = [];
    for (const [documentId, updates] of byDocument) entries.push(...this.deriveDocument(documentId, updates, states.get(documentId)));
    entries.sort((a, b) => a.updateId - b.updateId);
    const result = { entries, upTo: rows.at(-1)?.id ?? cursor, read: rows.length };
    this.at = result.upTo;
    this.shadows.trim(this.now());
    return result;
  }

  /** The entries of one document's updates (in id order), run by run of one author. */
  private deriveDocument(documentId: string, updates: readonly LoggedUpdate[], stored: StoredState | undefined): DerivedEntry[] {
    const entries: DerivedEntry[] = [];
    try {
      const shadow = this.shadows.get(documentId, stored, this.now());
      for (const run of runsOf(updates)) {
        shadow.doc.transact(() => {
          for (const update of run) Y.applyUpdate(shadow.doc, update.data);
        });
        const after = toJSON(shadow.doc);
        const end = run[run.length - 1];
        if (!end) continue;
        for (const change of historyChanges(shadow.json, after)) {
          entries.push({ ...change, documentId, userId: end.userId, at: end.at, updateId: end.id });
        }
        shadow.json = after;
      }
    } catch (error) {
      // A document whose updates cannot be applied loses these entries, never the others'.
      console.error(`History: document ${documentId} could not be derived; skipped`, error);
      this.shadows.drop(documentId);
      return [];
    }
    return entries;
  }

  close(): void {
    this.shadows.clear();
  }
}

/**
 * Consecutive updates by the same author with gaps of at most the merge window: one step
 * of history each (the merge rule of shared/history/entries.ts, within one batch).
 */
function runsOf(updates: readonly LoggedUpdate[]): LoggedUpdate[][] {
  const runs: LoggedUpdate[][] = [];
  for (const update of updates) {
    const current = runs.at(-1);
    const previous = current?.at(-1);
    if (current && previous && previous.userId === update.userId && update.at - previous.at <= HISTORY_MERGE_WINDOW_MS) current.push(update);
    else runs.push([update]);
  }
  return runs;
}
