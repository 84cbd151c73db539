/**
 * Derives the per-field history (DESIGN "Audit and exports"; docs/history.md) from the
 * update log, off the edit path: rooms store and broadcast updates exactly as before, and
 * this reads what they committed, in id order since its stored cursor, a batch at a time
 * on a timer. Each run of consecutive updates by one person in one document is applied to
 * that document's shadow, and the export shape before and after is compared with
 * shared/compare; the changes are stored with the run's author and time.
 *
 * Restart-safe: entries and the cursor are written in one transaction. Kept after
 * compaction: compaction derives first (`catchUp`, see with-history.ts).
 */
import * as Y from 'yjs';
import { toJSON } from '../../shared/model/document.js';
import { HISTORY_MERGE_WINDOW_MS, historyChanges } from '../../shared/history/entries.js';
import { statement, type Db } from '../db/database.js';
import { Shadows } from './shadows.js';
import { historyCursor, storeEntries, type DerivedEntry } from './store.js';

export interface HistoryDeriverOptions {
  /** How often (ms) the background pass looks for new updates. */
  intervalMs: number;
  /** Updates read per batch (one transaction each); a pass yields to the event loop between batches. */
  batchSize: number;
  now: () => number;
}

interface LoggedUpdate {
  id: number;
  documentId: string;
  data: Buffer;
  userId: string | null;
  at: number;
}

const DEFAULTS: HistoryDeriverOptions = { intervalMs: 500, batchSize: 500, now: () => Date.now() };

export class HistoryDeriver {
  private readonly options: HistoryDeriverOptions;
  private readonly shadows: Shadows;
  private timer: NodeJS.Timeout | null = null;
  private passing = false;

  constructor(
    private readonly db: Db,
    options: Partial<HistoryDeriverOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.shadows = new Shadows(db, { max: 32, idleMs: 5 * 60_000 });
  }

  /** Starts the background pass (the timer does not keep the process alive). */
  start(): this {
    this.timer ??= setInterval(() => void this.pass(), this.options.intervalMs).unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.shadows.clear();
  }

  /**
   * Derives every committed update up to `upTo` (default: all of them) now. Called before
   * a compaction drops updates, and before the history is read, so answers are current.
   * Synchronous work; normally only what arrived since the last background pass.
   */
  catchUp(upTo = Number.MAX_SAFE_INTEGER): void {
    while (historyCursor(this.db) < upTo && this.batch() > 0);
  }

  /** One background pass: batches until caught up, yielding between them so rooms run in between. */
  private async pass(): Promise<void> {
    if (this.passing) return;
    this.passing = true;
    try {
      while (this.batch() === this.options.batchSize) await new Promise<void>((resolve) => setImmediate(resolve));
      this.shadows.trim(this.options.now());
    } catch (error) {
      console.error('History: deriving failed; trying again on the next pass', error);
    } finally {
      this.passing = false;
    }
  }

  /** Derives the next batch of logged updates; returns how many were read. */
  private batch(): number {
    const cursor = historyCursor(this.db);
    const rows = statement(
      this.db,
      'SELECT id, document_id AS documentId, data, user_id AS userId, created_at AS at FROM document_updates WHERE id > ? ORDER BY id LIMIT ?',
    ).all(cursor, this.options.batchSize) as LoggedUpdate[];
    const last = rows.at(-1);
    if (!last) return 0;
    const byDocument = new Map<string, LoggedUpdate[]>();
    for (const row of rows) {
      const list = byDocument.get(row.documentId);
      if (list) list.push(row);
      else byDocument.set(row.documentId, [row]);
    }
    const entries: DerivedEntry[] = [];
    for (const [documentId, updates] of byDocument) entries.push(...this.derive(documentId, updates, cursor));
    entries.sort((a, b) => a.updateId - b.updateId);
    storeEntries(this.db, entries, last.id);
    return rows.length;
  }

  /** The entries of one document's updates (in id order), run by run of one author. */
  private derive(documentId: string, updates: readonly LoggedUpdate[], cursor: number): DerivedEntry[] {
    const entries: DerivedEntry[] = [];
    try {
      const shadow = this.shadows.get(documentId, cursor, this.options.now());
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
