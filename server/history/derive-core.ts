/**
 * The CPU side of the per-field history (docs/history.md): reads committed updates after a
 * cursor, applies them run by run (consecutive updates of one author) to shadow copies of
 * their documents, and compares each run's before and after with shared/compare: an action
 * plan only in the items the run touched (plan-tracker.ts), other kinds whole (tracker.ts).
 * Writes nothing: the main thread stores what this returns (deriver.ts). Runs in a worker
 * thread (derive-worker.mjs) on its own connection — read-only SQLite, or its own PostgreSQL
 * pool (source.ts) — because a whole compare of a 1 000-item document takes ~0.1–0.2 s.
 */
import { documentKind } from '../../shared/model/document.js';
import { HISTORY_MERGE_WINDOW_MS } from '../../shared/history/entries.js';
import { Shadows, type Shadow } from './shadows.js';
import { createTracker } from './tracker.js';
import type { LoggedUpdate, StoredState, UpdateSource } from './source.js';
import type { DerivedEntry } from './store.js';

export interface DeriveResult {
  entries: DerivedEntry[];
  /** The newest update id read (the cursor after storing `entries`); the old cursor when none was new. */
  upTo: number;
  read: number;
  /**
   * Update ids below `upTo`, ascending, where the batch may be cut: no run of updates spans
   * one (every entry with `updateId <= cut` comes from updates up to it, every other from
   * updates after it), so the cursor may stand there between two stored chunks and a
   * deriver started afresh from it rebuilds exactly the state those entries end at.
   */
  cuts: number[];
}

/**
 * Updates of one run, in bytes, before the run ends anyway, so a bulk paste's entries can
 * be stored in chunks (deriver.ts) instead of one transaction of 20 000 (red team, "legal
 * bulk writer": 500 small cost items are ~12 KB, one run each). A typing burst past it (a
 * few hundred keystrokes) becomes two steps, which the store's merge rule joins again for
 * text; only a number or date changed on both sides of the cut keeps two entries.
 */
export const RUN_MAX_BYTES = 8 * 1024;

/**
 * Encoded bytes of shadows the deriver keeps between batches (shadows.ts): ~60–80 MB as
 * Y.Docs; the demo plan is ~10 KB, a plan at the 20 000-activity cap ~8 MB (kept alone
 * while it is the one being derived).
 */
export const SHADOW_MAX_BYTES = 4 * 1024 * 1024;

export class DeriveCore {
  private readonly shadows = new Shadows({ max: 32, idleMs: 5 * 60_000, maxBytes: SHADOW_MAX_BYTES });
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
    const spans: Array<[number, number]> = [];
    const stretch = stretchesOf(rows);
    for (const [documentId, updates] of byDocument) {
      const runs = runsOf(updates, stretch);
      for (const run of runs) spans.push([run[0]?.id ?? 0, run.at(-1)?.id ?? 0]);
      entries.push(...this.deriveDocument(documentId, runs, states.get(documentId)));
    }
    entries.sort((a, b) => a.updateId - b.updateId);
    const upTo = rows.at(-1)?.id ?? cursor;
    const result = { entries, upTo, read: rows.length, cuts: cutsOf(spans, upTo) };
    this.at = result.upTo;
    this.shadows.trim(this.now());
    return result;
  }

  /** The entries of one document's runs of updates (in id order), run by run of one author. */
  private deriveDocument(documentId: string, runs: readonly LoggedUpdate[][], stored: StoredState | undefined): DerivedEntry[] {
    const entries: DerivedEntry[] = [];
    try {
      const shadow = this.shadows.get(documentId, stored, this.now());
      for (const run of runs) {
        const rest = shadow.tracker === null ? this.applyCreation(documentId, shadow, run) : run;
        // A document's creation lists nothing (no tracker before it): from it on, edits are compared.
        if (shadow.tracker === null) {
          shadow.tracker = createTracker(shadow.doc);
          shadow.touched.clear();
        }
        this.shadows.apply(documentId, rest.map((update) => update.data));
        const tracker = shadow.tracker;
        const changes = tracker?.step(shadow.doc, shadow.touched) ?? [];
        shadow.touched.clear();
        // A kind set anew (or removed) is read afresh; no kind: the next run is a creation again.
        if (tracker && tracker.kind !== documentKind(shadow.doc)) shadow.tracker = createTracker(shadow.doc);
        const end = run[run.length - 1];
        if (!end) continue;
        for (const change of changes) entries.push({ ...change, documentId, userId: end.userId, at: end.at, updateId: end.id });
      }
    } catch (error) {
      // A document whose updates cannot be applied loses these entries, never the others'.
      console.error(`History: document ${documentId} could not be derived; skipped`, error);
      this.shadows.drop(documentId);
      return [];
    }
    return entries;
  }

  /**
   * Applies a new document's leading updates up to the one that makes it a document (its
   * kind set), and returns the rest of `run`. The creator's first edits come seconds after
   * the creation, by the same person, so they shared its run, and a run compared from
   * nothing (null) lists nothing: the first cost lines of a new plan were never in its
   * history (red team x12).
   */
  private applyCreation(documentId: string, shadow: Shadow, run: readonly LoggedUpdate[]): readonly LoggedUpdate[] {
    for (let i = 0; i < run.length; i++) {
      const update = run[i];
      if (update) this.shadows.apply(documentId, [update.data]);
      if (documentKind(shadow.doc) !== null) return run.slice(i + 1);
    }
    return [];
  }

  close(): void {
    this.shadows.clear();
  }
}

/**
 * Consecutive updates by the same author with gaps of at most the merge window, and less
 * than `RUN_MAX_BYTES` before the last: one step of history each (the merge rule of
 * shared/history/entries.ts, within one batch).
 */
export function runsOf(updates: readonly LoggedUpdate[], stretch: (id: number) => number = () => 0): LoggedUpdate[][] {
  const runs: LoggedUpdate[][] = [];
  let bytes = 0;
  for (const update of updates) {
    const current = runs.at(-1);
    const previous = current?.at(-1);
    const joins = previous && bytes < RUN_MAX_BYTES && stretch(previous.id) === stretch(update.id);
    if (current && previous && joins && previous.userId === update.userId && update.at - previous.at <= HISTORY_MERGE_WINDOW_MS) {
      current.push(update);
      bytes += update.data.byteLength;
    } else {
      runs.push([update]);
      bytes = update.data.byteLength;
    }
  }
  return runs;
}

/**
 * Updates of every document, in bytes, in one stretch of a batch (`stretchesOf`): adding an
 * empty item costs a client ~8 bytes, so a stretch holds at most ~500 such entries, one
 * chunk's worth (chunks.ts CHUNK_ENTRIES).
 */
export const STRETCH_MAX_BYTES = 4 * 1024;

/**
 * Which stretch of the batch each update falls in (by id; `rows` in id order): a stretch
 * ends once its updates, of every document, reach `maxBytes`, and no run crosses into the
 * next one (`runsOf`). So the batch can be cut at least at every stretch's end: one
 * person's typing run in one plan no longer spans a bulk writer's thousands of entries in
 * another, which then had to be stored in one transaction (red team "full-document flood",
 * docs/security-hostile.md). Only one update's own entries stay indivisible.
 */
export function stretchesOf(rows: readonly LoggedUpdate[], maxBytes = STRETCH_MAX_BYTES): (id: number) => number {
  const stretchOf = new Map<number, number>();
  let stretch = 0;
  let bytes = 0;
  for (const row of rows) {
    if (bytes >= maxBytes) {
      stretch++;
      bytes = 0;
    }
    stretchOf.set(row.id, stretch);
    bytes += row.data.byteLength;
  }
  return (id) => stretchOf.get(id) ?? stretch;
}

/**
 * The ends of runs (`[first id, last id]` each, of every document) below `upTo` that no
 * run spans (first <= cut < last), ascending.
 * @example cutsOf([[1, 3], [2, 2], [4, 6], [5, 5]], 6) // [3]
 */
export function cutsOf(spans: ReadonlyArray<readonly [number, number]>, upTo: number): number[] {
  const byFirst = [...spans].sort((a, b) => a[0] - b[0]);
  const ends = [...new Set(spans.map(([, last]) => last))].filter((end) => end < upTo).sort((a, b) => a - b);
  const cuts: number[] = [];
  let reach = 0; // The furthest last id of the runs starting at or before the candidate.
  let next = 0;
  for (const end of ends) {
    for (; next < byFirst.length && (byFirst[next]?.[0] ?? Infinity) <= end; next++) reach = Math.max(reach, byFirst[next]?.[1] ?? 0);
    if (reach <= end) cuts.push(end);
  }
  return cuts;
}
