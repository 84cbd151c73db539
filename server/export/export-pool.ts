/**
 * Exports and validation of a document without stalling the server (DESIGN "Limits every
 * boundary enforces"; docs/security.md "Bounded requests"). The main thread only reads the
 * stored bytes and hands them over: every file (xlsx, docx, csv, ics, minutes) and every
 * JSON / TSV / validation answer of more than a few dozen items is built in an export
 * thread of a `ThreadPool` (server/workers/thread-pool.ts). Red team: one `export.json` of a
 * 20 000-row plan froze every room for 27 s; a 1 000-activity plan (0.5 MB stored) exported
 * as docx on the main thread held a bystander's edit 2.2 s, three in parallel 14.7 s.
 *
 * Bounded three ways: `concurrency` threads at once (1: exports never take every core from
 * the rooms), `queue` waiting (past it 503 `export.busy`), and `perUser` running or waiting
 * per person (past it 429 `rate-limited`), so one member cannot fill the queue for everyone.
 */
import { AppError } from '../errors.js';
import { rateLimited } from '../http/per-address-limit.js';
import { ThreadPool, type ThreadPoolOptions } from '../workers/thread-pool.js';
import { buildExport, ExportError, type BuiltExport, type ExportRequest } from './build-export.js';

/**
 * JSON, TSV and validation answers of more stored bytes are built in a thread. Bytes stand
 * for items here: an activity is ~550 stored bytes, so 32 KiB is ~60 activities (a few ms
 * of work); counting items exactly would mean decoding the document on this thread.
 */
export const EXPORT_IN_THREAD_BYTES = 32 * 1024;

export interface ExportPoolOptions extends Partial<ThreadPoolOptions> {
  /** JSON, TSV and validation of more stored bytes are built in a thread; smaller ones here. */
  workerAboveBytes?: number;
  /** Files (xlsx, docx, csv, ics, minutes) of more stored bytes are built in a thread: by default all (-1). */
  filesWorkerAboveBytes?: number;
  /** Exports one user may have running or waiting at once; past it 429 `rate-limited`. */
  perUser?: number;
}

/** Everything on the calling thread: for tests that compare a thread's answer with the main thread's. */
export const ON_MAIN_THREAD: ExportPoolOptions = { workerAboveBytes: Infinity, filesWorkerAboveBytes: Infinity };

/** An answer and where it was built: `threadId` 0 is the main thread. */
export type ExportOutcome = BuiltExport & { threadId: number };

const WORKER = new URL('./export-worker.mjs', import.meta.url);
const TEXT_FORMATS: ReadonlySet<ExportRequest['format']> = new Set(['json', 'tsv', 'validation']);

const EXPORT_ERRORS = {
  busy: () => new AppError(503, 'export.busy', 'Servern exporterar redan flera dokument. Försök igen om en stund.', { 'Retry-After': '10' }),
  timeout: () => new AppError(503, 'export.timeout', 'Exporten tog för lång tid. Försök igen om en stund.', { 'Retry-After': '30' }),
  outOfMemory: () => new AppError(413, 'export.too-large', 'Dokumentet är för stort att exportera.'),
  failed: (code: string, message: string): Error => errorOf(code, message),
};

/** The HTTP error for an `ExportError` code, or a plain error (500) for anything else. */
function errorOf(code: string, message: string): Error {
  if (code === 'export.unsupported') return new AppError(400, code, message);
  if (code === 'export.no-meeting') return new AppError(404, 'not-found', message);
  if (code === 'export.unreadable') return new AppError(500, 'internal', message);
  return new Error(`export worker: ${message}`);
}

/**
 * The server's one export pool from its limits (README: EXPORT_THREADS, EXPORT_QUEUE,
 * EXPORTS_PER_USER): exports, a version's export.json and a guest's export.json share it,
 * so the bounds hold for all of them together.
 */
export function exportPoolOf(limits: { exportThreads: number; exportQueue: number; exportsPerUser: number }): ExportPool {
  return new ExportPool({ concurrency: limits.exportThreads, queue: limits.exportQueue, perUser: limits.exportsPerUser });
}

export class ExportPool {
  private readonly pool: ThreadPool<ExportRequest, BuiltExport>;
  private readonly workerAbove: { text: number; files: number };
  private readonly perUser: number;
  /** Exports running or waiting, per user who asked. */
  private readonly running = new Map<string, number>();

  constructor({ workerAboveBytes = EXPORT_IN_THREAD_BYTES, filesWorkerAboveBytes = -1, perUser = Infinity, concurrency = 1, queue = 8, timeoutMs = 60_000, maxHeapMb = 1024, idleMs = 30_000 }: ExportPoolOptions = {}) {
    this.workerAbove = { text: workerAboveBytes, files: filesWorkerAboveBytes };
    this.perUser = perUser;
    this.pool = new ThreadPool(WORKER, { concurrency, queue, timeoutMs, maxHeapMb, idleMs }, EXPORT_ERRORS);
  }

  /** Tasks this pool can hold at once (running and waiting); more are 503 `export.busy`. */
  get capacity(): number {
    return this.pool.capacity;
  }

  /**
   * The answer for `request` (see build-export.ts), counted against `userId`'s exports when
   * given. Throws `AppError`: 400 `export.unsupported`, 404 `not-found` (minutes of no such
   * meeting), 500 `internal` (a document without a kind), 429 `rate-limited` (the user
   * already has `perUser` exports going), 503 `export.busy` (the queue is full), 503
   * `export.timeout` (60 s), 413 `export.too-large` (the thread's heap); all with
   * `Retry-After` where trying again can help.
   */
  async run(request: ExportRequest, userId?: string): Promise<ExportOutcome> {
    const release = this.admit(userId);
    try {
      return await this.build(request);
    } finally {
      release();
    }
  }

  /** Counts an export for `userId`, or refuses it (429) past `perUser`; answers how to uncount it. */
  private admit(userId: string | undefined): () => void {
    if (userId === undefined) return () => undefined;
    const count = this.running.get(userId) ?? 0;
    if (count >= this.perUser) throw rateLimited(5, `Du har redan ${count} exporter igång. Försök igen när de är klara.`);
    this.running.set(userId, count + 1);
    return () => {
      const left = (this.running.get(userId) ?? 1) - 1;
      if (left > 0) this.running.set(userId, left);
      else this.running.delete(userId);
    };
  }

  private async build(request: ExportRequest): Promise<ExportOutcome> {
    const bytes = request.updates.reduce((sum, update) => sum + update.byteLength, 0);
    if (bytes <= (TEXT_FORMATS.has(request.format) ? this.workerAbove.text : this.workerAbove.files)) {
      try {
        return { ...(await buildExport(request)), threadId: 0 };
      } catch (error) {
        throw error instanceof ExportError ? errorOf(error.code, error.message) : error;
      }
    }
    // The bytes are handed over, not copied, when they are a buffer of their own (the
    // store's are); a view into something bigger is copied so nothing else is detached.
    const updates = request.updates.map((u) => (u.byteOffset === 0 && u.byteLength === u.buffer.byteLength ? u : u.slice()));
    return this.pool.run({ ...request, updates }, updates.map((u) => u.buffer as ArrayBuffer));
  }
}
