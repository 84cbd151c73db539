/**
 * Derives the per-field history (DESIGN "Audit and exports"; docs/history.md) from the
 * update log, off the edit path: rooms store and broadcast updates exactly as before; this
 * reads what they committed, in id order after a stored cursor, on a timer. The CPU work
 * (applying updates to shadow copies, `toJSON`, shared/compare) runs in a worker thread
 * (derive-core.ts); the main thread only stores the entries it returns, with the cursor, in
 * bounded chunks (chunks.ts), one transaction each with the event loop free between them —
 * restart-safe: nothing is lost or stored twice. Kept after compaction: compaction derives
 * first (`catchUp`, see with-history.ts). A chunk the database refuses (refusal.ts) is tried
 * `refusedAttempts` times, then stored without the refused documents' entries (one log line
 * each, no text of theirs); any other failure is retried with backoff (pacing.ts).
 *
 * On PostgreSQL (docs/database.md "Field history on PostgreSQL") the worker opens its own
 * small pool from DATABASE_URL; every process runs a deriver, and the cursor row decides
 * which one's batch is stored (store.ts `postgresHistoryWriter`): none is stored twice.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/database.js';
import type { Kdb } from '../db/kysely.js';
import { DeriveCore, type DeriveResult } from './derive-core.js';
import { CHUNK_ENTRIES, chunksOf, type Chunk } from './chunks.js';
import { PassPacing } from './pacing.js';
import { errorCode, storeFailure } from './refusal.js';
import { postgresSource, sqliteSource } from './source.js';
import { postgresHistoryWriter, sqliteHistoryWriter, type HistoryWriter } from './store.js';

/** Where the history lives: the SQLite connection, or PostgreSQL (its Kysely, and its URL for the worker's own pool). */
export type HistoryDatabase = Db | { kdb: Kdb; databaseUrl: string };

export interface HistoryDeriverOptions {
  /** How often (ms) the background pass looks for new updates. */
  intervalMs: number;
  /** Updates derived per request; the main thread stores each batch in one transaction. */
  batchSize: number;
  /** false: derive on the calling thread (no worker), e.g. for a one-off tool. */
  thread: boolean;
  now: () => number;
  /** Entries stored per transaction, where the batch's cuts allow (chunks.ts). */
  chunkEntries: number;
  /** Times a chunk the database refuses is tried whole before the refused documents' entries are left out. */
  refusedAttempts: number;
  /** Where the structured lines go (one JSON object each; never an entry's text). */
  log: (line: Record<string, unknown>) => void;
  /** A seam for tests: wraps the writer (e.g. one that fails after a chunk, as a crash would). */
  wrapWriter: (writer: HistoryWriter) => HistoryWriter;
  /** A worker whose heap passed this many bytes after a request is retired once idle (`retireIdleMs`). */
  retireHeapBytes: number;
  /** How long (ms) such a worker waits for the next request before it is retired. */
  retireIdleMs: number;
}

const DEFAULTS: HistoryDeriverOptions = {
  intervalMs: 500,
  batchSize: 500,
  thread: true,
  now: () => Date.now(),
  chunkEntries: CHUNK_ENTRIES,
  refusedAttempts: 3,
  log: (line) => console.error(JSON.stringify(line)),
  wrapWriter: (writer) => writer,
  // A worker holding plans at the item cap keeps ~250 MB of heap after the work is done (V8
  // collects an idle isolate's garbage only when it allocates again): retired, the process
  // gives it back; the next request starts a worker and rebuilds what it needs from the store.
  // As long as a room stays loaded without clients (ROOM_IDLE_SECONDS), so a typist's pauses
  // do not rebuild a big plan's shadow each time.
  retireHeapBytes: 64 * 1024 * 1024,
  retireIdleMs: 30_000,
};
const WORKER = new URL('./derive-worker.mjs', import.meta.url);

/** The worker's answer; `heapBytes`: its own V8 heap after the request. */
type Reply = ({ ok: true; heapBytes?: number } & DeriveResult) | { ok: false; message: string } | { ready: true };

export class HistoryDeriver {
  private readonly options: HistoryDeriverOptions;
  private timer: NodeJS.Timeout | null = null;
  /** Derivations run one after another: each starts from the cursor the previous one stored. */
  private chain: Promise<void> = Promise.resolve();
  private worker: Promise<Worker> | null = null;
  private inline: DeriveCore | null = null;
  private answer: ((reply: Reply) => void) | null = null;
  /** Retires a worker with a big heap once it has been idle `retireIdleMs`. */
  private retireTimer: NodeJS.Timeout | null = null;
  /** When the background pass may run (pacing.ts). */
  private readonly pacing = new PassPacing();
  /** The newest catch-up, while it waits for the one before it to finish. */
  private queued: { run: Promise<void>; upTo: number } | null = null;

  private readonly writer: HistoryWriter;
  /** The cursor whose chunk the database refused, and how many times in a row. */
  private refused: { from: number; attempts: number } | null = null;

  constructor(
    private readonly database: HistoryDatabase,
    options: Partial<HistoryDeriverOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.writer = this.options.wrapWriter('kdb' in database ? postgresHistoryWriter(database.kdb) : sqliteHistoryWriter(database));
  }

  /** Starts the background pass (the timer does not keep the process alive). */
  start(): this {
    this.timer ??= setInterval(() => void this.backgroundPass(), this.options.intervalMs).unref();
    return this;
  }

  /**
   * One background pass, if its pacing allows (pacing.ts: a quarter of the time at most, so a
   * bulk writer's updates are derived in a few batches, not one whole-document JSON per
   * interval). Readers and compaction still catch up at once (`catchUp`).
   */
  private async backgroundPass(): Promise<void> {
    const started = this.options.now();
    if (!this.pacing.ready(started)) return;
    let failed: 'refused' | 'transient' | null = null;
    try {
      await this.catchUp();
    } catch (error) {
      failed = storeFailure(error);
      // A refused value's message or detail may quote it: only its code is logged then.
      const { message } = failed === 'transient' && error instanceof Error ? error : { message: undefined };
      this.options.log({ level: 'error', event: 'history.pass_failed', kind: failed, code: errorCode(error), message, attempts: this.refused?.attempts });
    }
    this.pacing.ran(started, this.options.now(), failed === 'transient');
  }

  /** Stops the background pass and the worker; a later `catchUp` starts a worker again. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.cancelRetire();
    const worker = this.worker;
    this.worker = null;
    // A request in flight fails rather than waiting for good: later ones chain after it.
    const answer = this.answer;
    this.answer = null;
    answer?.({ ok: false, message: 'stopped' });
    void worker?.then((w) => w.terminate()).catch(() => undefined);
    this.inline?.close();
    this.inline = null;
  }

  /**
   * Resolves once every update committed up to `upTo` (default: all of them) is derived and
   * its entries stored. Called before a compaction drops updates and before the history is
   * read, so answers are never behind; normally only what came since the last pass is left.
   */
  catchUp(upTo = Number.MAX_SAFE_INTEGER): Promise<void> {
    // A catch-up that has not started yet derives everything committed before it starts,
    // so a caller that arrives meanwhile joins it: thirty readers at once cost one pass
    // after the running one, not thirty (red team: 30 parallel readers, 8 s stall).
    const queued = this.queued;
    if (queued && queued.upTo >= upTo) return queued.run;
    const run = this.chain.then(async () => {
      if (this.queued?.run === run) this.queued = null;
      // Nothing new (an idle server): no worker is started or asked.
      for (let cursor = await this.writer.cursor(); ; cursor = await this.writer.cursor()) {
        const horizon = await this.writer.horizon(cursor);
        if (cursor >= Math.min(upTo, horizon)) return;
        const result = await this.derive(cursor, horizon);
        if (result.read === 0) return;
        for (const chunk of chunksOf(result.entries, result.cuts, cursor, result.upTo, this.options.chunkEntries)) {
          // Not moved: another process stored this batch first; the loop goes on from its cursor.
          if (!(await this.storeChunk(chunk))) break;
          // Rooms are served between two chunks (red team, "legal bulk writer").
          if (chunk.upTo < result.upTo) await yieldToEventLoop();
        }
      }
    });
    this.chain = run.catch(() => undefined);
    this.queued = { run, upTo };
    return run;
  }

  /**
   * Stores one chunk; after `refusedAttempts` refusals in a row at its cursor, without the
   * refused documents' entries (each logged once). Throws what the store threw otherwise.
   */
  private async storeChunk(chunk: Chunk): Promise<boolean> {
    const refused = this.refused?.from === chunk.from ? this.refused : null;
    const skipRefused = refused !== null && refused.attempts >= this.options.refusedAttempts;
    try {
      const outcome = await this.writer.store(chunk.entries, chunk.from, chunk.upTo, { skipRefused });
      this.refused = null;
      for (const skipped of outcome.skipped) {
        this.options.log({ level: 'error', event: 'history.entries_skipped', ...skipped, fromUpdateId: chunk.from, toUpdateId: chunk.upTo, attempts: refused?.attempts });
      }
      return outcome.moved;
    } catch (error) {
      if (storeFailure(error) === 'refused') this.refused = { from: chunk.from, attempts: (refused?.attempts ?? 0) + 1 };
      throw error;
    }
  }

  private async derive(cursor: number, horizon: number): Promise<DeriveResult> {
    if (!this.options.thread) {
      const database = this.database;
      this.inline ??= new DeriveCore('kdb' in database ? postgresSource(database.kdb, async () => undefined) : sqliteSource(database), this.options.now);
      return this.inline.derive(cursor, this.options.batchSize, horizon);
    }
    this.cancelRetire();
    const worker = await (this.worker ??= this.startWorker());
    const reply = await new Promise<Reply>((resolve) => {
      this.answer = resolve;
      worker.postMessage({ cursor, limit: this.options.batchSize, horizon });
    });
    if ('ready' in reply) throw new Error('History worker answered out of turn');
    if (!reply.ok) throw new Error(`History worker failed: ${reply.message}`);
    if ((reply.heapBytes ?? 0) > this.options.retireHeapBytes) this.retireWhenIdle();
    return reply;
  }

  /** Whether a worker thread is running or starting (tests: retirement). */
  get hasWorker(): boolean {
    return this.worker !== null;
  }

  private cancelRetire(): void {
    if (this.retireTimer) clearTimeout(this.retireTimer);
    this.retireTimer = null;
  }

  /** Ends the worker after `retireIdleMs` without a request (each request cancels it first). */
  private retireWhenIdle(): void {
    this.cancelRetire();
    this.retireTimer = setTimeout(() => {
      this.retireTimer = null;
      if (this.answer !== null) return; // A request is in flight: it re-arms when answered.
      const worker = this.worker;
      this.worker = null;
      void worker?.then((w) => w.terminate()).catch(() => undefined);
    }, this.options.retireIdleMs).unref();
  }

  /** A worker on its own connection (read-only SQLite, or its own pool); one that fails or exits is replaced on the next request. */
  private startWorker(): Promise<Worker> {
    const database = this.database;
    const worker = new Worker(WORKER, { workerData: 'kdb' in database ? { databaseUrl: database.databaseUrl } : { file: database.name } });
    worker.unref();
    const ready = new Promise<Worker>((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (reply: Reply) => {
        if ('ready' in reply) return resolve(worker);
        const answer = this.answer;
        this.answer = null;
        answer?.(reply);
      });
    });
    const lost = (error: Error) => {
      if (this.worker !== ready) return; // Already replaced (or stopped): nobody waits on it.
      this.worker = null;
      const answer = this.answer;
      this.answer = null;
      answer?.({ ok: false, message: error.message });
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`History worker exited (${code})`)));
    return ready;
  }
}
