/**
 * Compares, change lists and restores off the event loop (issue 17, red team F1: 16
 * compares of a 2 000-activity plan held every HTTP answer of the process up to 24 s; a
 * restore of a 20 000-item plan held them too, figures in docs/versions.md). Two states of
 * more than `inThreadAbove` bytes are compared in a compare thread of a `ThreadPool`
 * (server/workers/thread-pool.ts, as exports and imports); smaller ones here, where a thread
 * would cost more than the work. How many run or wait is bounded before this, by the routes'
 * `HeavyRequests` (server/http/heavy-limit.ts); the pool's own queue only backs that up.
 */
import { AppError } from '../errors.js';
import { ThreadPool } from '../workers/thread-pool.js';
import { buildCompare, type CompareRequest } from './compare-task.js';
import { buildRestore, type RestoreRequest } from './restore-task.js';

/** States together above this many bytes go to the thread (as exports: ~60 activities). */
export const COMPARE_IN_THREAD_BYTES = 32 * 1024;

const WORKER = new URL('./compare-worker.mjs', import.meta.url);

const ERRORS = {
  busy: () => new AppError(503, 'busy', 'Servern jämför redan flera dokument. Försök igen om en stund.', { 'Retry-After': '5' }),
  timeout: () => new AppError(503, 'busy', 'Jämförelsen tog för lång tid. Försök igen om en stund.', { 'Retry-After': '30' }),
  outOfMemory: () => new AppError(413, 'compare.too-large', 'Dokumentet är för stort att jämföra.'),
  failed: (_code: string, message: string): Error => new Error(`compare worker: ${message}`),
};

/** An answer and where it was built: `threadId` 0 is the main thread. */
export type CompareOutcome = { body: string; threadId: number };
/** A restore's update (null: nothing to change) and where it was built: `threadId` 0 is the main thread. */
export type RestoreOutcome = { update: Uint8Array | null; threadId: number };

/** A restore that waited or ran too long: the pool's 503 `busy`, worded for a restore. */
const restoreBusy = (error: unknown): unknown =>
  error instanceof AppError && error.status === 503 ? new AppError(503, 'busy', 'Servern hann inte återställa versionen nu. Försök igen om en stund.', error.headers) : error;

export class ComparePool {
  private readonly pool: ThreadPool<CompareRequest | RestoreRequest, { body: string } | { update: Uint8Array | null }>;

  /** `queue`: tasks waiting for the one thread (the heavy bound admits at most that many more); `timeoutMs` per task. */
  constructor(
    queue: number,
    private readonly inThreadAbove = COMPARE_IN_THREAD_BYTES,
    timeoutMs = 60_000,
  ) {
    this.pool = new ThreadPool(WORKER, { concurrency: 1, queue, timeoutMs, maxHeapMb: 1024, idleMs: 30_000 }, ERRORS);
  }

  /**
   * The update that makes the live state `request.live` hold version `request.version`'s
   * content (restore-task.ts), built in the thread when both together are big. The bytes are
   * copied, never handed over: the caller still stores them. Throws 503 `busy` (queue, time),
   * 413 `compare.too-large` (the thread's heap).
   */
  async restore(request: Omit<RestoreRequest, 'task'>): Promise<RestoreOutcome> {
    const task: RestoreRequest = { task: 'restore', ...request };
    if (request.live.byteLength + request.version.byteLength <= this.inThreadAbove) return { ...buildRestore(task), threadId: 0 };
    const outcome = await this.pool.run(task).catch((error: unknown) => Promise.reject(restoreBusy(error)));
    if (!('update' in outcome)) throw new Error('compare worker: a restore answered without an update');
    return outcome;
  }

  /** `{changes, totals?, ...extra}` as JSON text. Throws 503 `busy` (queue, 60 s), 413 `compare.too-large`. */
  async run(request: CompareRequest): Promise<CompareOutcome> {
    const bytes = (request.before?.byteLength ?? 0) + (request.after?.byteLength ?? 0);
    if (bytes <= this.inThreadAbove) return { ...buildCompare(request), threadId: 0 };
    // Handed over, not copied, when each is a buffer of its own; a view into more is copied.
    const own = (u: Uint8Array | null) => (u === null || (u.byteOffset === 0 && u.byteLength === u.buffer.byteLength) ? u : u.slice());
    const before = own(request.before);
    // The same buffer twice cannot be handed over: the second is copied.
    const after = request.after !== null && request.after.buffer === before?.buffer ? request.after.slice() : own(request.after);
    const moved = { ...request, before, after };
    const transfer = [moved.before, moved.after].flatMap((u) => (u === null ? [] : [u.buffer as ArrayBuffer]));
    const outcome = await this.pool.run(moved, transfer);
    if (!('body' in outcome)) throw new Error('compare worker: a compare answered without a body');
    return outcome;
  }
}
