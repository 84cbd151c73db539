/**
 * Plan-table imports off the event loop (DESIGN "Limits every boundary enforces": parsing
 * never blocks other users for more than ~50 ms). A 20 000-row table takes seconds of CPU
 * to read and turn into a Y.Doc; on the main thread that stalled every room (issue 15,
 * item 5). Here imports run in worker threads — a crash, out-of-memory or time-out there ends that import (and
 * its thread) only; a thread that answered is kept warm for the next import a while, unless
 * its heap grew past 64 MB (a big table), when it is ended and its memory released — and at most `concurrency` run at once, so imports never take every
 * core from the rooms; a few more wait, and past that the server answers 503 `busy`
 * instead of queueing without bound. The pooling itself is server/workers/thread-pool.ts,
 * shared with exports of big documents.
 */
import { AppError } from '../errors.js';
import { ThreadPool, type ThreadResult } from '../workers/thread-pool.js';
import type { BuiltImport, ImportRequest } from './build-import.js';

export interface ImportPoolOptions {
  /** Imports running at once (each one a thread). */
  concurrency?: number;
  /** Imports waiting for a thread; more are refused with 503 `busy`. */
  queue?: number;
  /** Longest an import may run before its thread is stopped (422 `import.timeout`). */
  timeoutMs?: number;
  /** Heap of one import thread, MB; past it that import fails (413 `import.too-large`). */
  maxHeapMb?: number;
  /** How long an idle thread is kept for the next import. */
  idleMs?: number;
}

/** A built import and the worker thread that did the work (never 0, the main thread). */
export type ImportOutcome = ThreadResult<BuiltImport>;

const WORKER = new URL('./import-worker.mjs', import.meta.url);

const IMPORT_ERRORS = {
  busy: () => new AppError(503, 'busy', 'Servern importerar redan flera tabeller. Försök igen om en stund.', { 'Retry-After': '10' }),
  timeout: () => new AppError(422, 'import.timeout', 'Tabellen tog för lång tid att läsa och importerades inte.'),
  outOfMemory: () => tooLarge('Tabellen är för stor att importera.'),
  failed: (code: string, message: string): Error => {
    if (code === 'import.too-large') return tooLarge(message);
    if (code.startsWith('import.')) return new AppError(400, code, message);
    return new Error(`import worker: ${message}`);
  },
};

/** The import's thread pool (server/workers/thread-pool.ts), one import at a time by default. */
export class ImportPool {
  private readonly pool: ThreadPool<ImportRequest, BuiltImport>;

  constructor({ concurrency = 1, queue = 4, timeoutMs = 60_000, maxHeapMb = 768, idleMs = 30_000 }: ImportPoolOptions = {}) {
    this.pool = new ThreadPool(WORKER, { concurrency, queue, timeoutMs, maxHeapMb, idleMs }, IMPORT_ERRORS);
  }

  /**
   * Reads a plan table and builds its document in a worker thread. Throws `AppError`:
   * 400 `import.unreadable`, 413 `import.too-large` (rows, or the thread's heap), 422
   * `import.timeout`, 503 `busy` (too many imports at once, with `Retry-After`).
   */
  async run(request: ImportRequest): Promise<ImportOutcome> {
    const outcome = await this.pool.run(request, [request.bytes.buffer as ArrayBuffer]);
    return { updates: outcome.updates, title: outcome.title, report: outcome.report, threadId: outcome.threadId };
  }

  /** Threads kept warm for the next import: a thread whose heap grew large (a big table) is ended instead. */
  get warmThreads(): number {
    return this.pool.warmThreads;
  }
}

function tooLarge(message: string): AppError {
  return new AppError(413, 'import.too-large', message);
}
