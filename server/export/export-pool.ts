/**
 * Exports and validation of a document without stalling the server (red-team F1: one
 * `export.json` of a 20 000-row plan froze every room for 27 s). The caller encodes the
 * document's state on the main thread (cheap, linear); a small state is turned into its
 * answer right there, a big one (over `workerAboveBytes`) in an export thread of a
 * `ThreadPool` (server/workers/thread-pool.ts, the pool imports use), one at a time by
 * default so exports never take every core from the rooms.
 */
import { AppError } from '../errors.js';
import { ThreadPool, type ThreadPoolOptions } from '../workers/thread-pool.js';
import { buildExport, ExportError, type BuiltExport, type ExportRequest } from './build-export.js';

/** Above this many stored bytes, the answer is built in a thread (a 20 000-row plan is ~12 MB). */
export const EXPORT_IN_THREAD_BYTES = 1024 * 1024;

export interface ExportPoolOptions extends Partial<ThreadPoolOptions> {
  /** Documents of more stored bytes are exported in a thread; smaller ones on the main thread. */
  workerAboveBytes?: number;
}

/** An answer and where it was built: `threadId` 0 is the main thread. */
export type ExportOutcome = BuiltExport & { threadId: number };

const WORKER = new URL('./export-worker.mjs', import.meta.url);

const EXPORT_ERRORS = {
  busy: () => new AppError(503, 'busy', 'Servern exporterar redan flera stora dokument. Försök igen om en stund.', { 'Retry-After': '10' }),
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

export class ExportPool {
  private readonly pool: ThreadPool<ExportRequest, BuiltExport>;
  private readonly workerAboveBytes: number;

  constructor({ workerAboveBytes = EXPORT_IN_THREAD_BYTES, concurrency = 1, queue = 8, timeoutMs = 60_000, maxHeapMb = 1024, idleMs = 30_000 }: ExportPoolOptions = {}) {
    this.workerAboveBytes = workerAboveBytes;
    this.pool = new ThreadPool(WORKER, { concurrency, queue, timeoutMs, maxHeapMb, idleMs }, EXPORT_ERRORS);
  }

  /**
   * The answer for `request` (see build-export.ts). Throws `AppError`: 400
   * `export.unsupported`, 404 `not-found` (minutes of no such meeting), 500 `internal` (a document without a kind), 503 `busy` (too many
   * big exports at once, with `Retry-After`), 503 `export.timeout` (60 s), 413
   * `export.too-large` (the thread's heap).
   */
  async run(request: ExportRequest): Promise<ExportOutcome> {
    const bytes = request.updates.reduce((sum, update) => sum + update.byteLength, 0);
    if (bytes <= this.workerAboveBytes) {
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
