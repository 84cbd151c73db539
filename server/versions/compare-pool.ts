/**
 * Compares and change lists off the event loop (issue 17, red team F1: 16 compares of a
 * 2 000-activity plan held every HTTP answer of the process up to 24 s). Two states of
 * more than `inThreadAbove` bytes are compared in a compare thread of a `ThreadPool`
 * (server/workers/thread-pool.ts, as exports and imports); smaller ones here, where a thread
 * would cost more than the work. How many run or wait is bounded before this, by the routes'
 * `HeavyRequests` (server/http/heavy-limit.ts); the pool's own queue only backs that up.
 */
import { AppError } from '../errors.js';
import { ThreadPool } from '../workers/thread-pool.js';
import { buildCompare, type CompareRequest } from './compare-task.js';

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

export class ComparePool {
  private readonly pool: ThreadPool<CompareRequest, { body: string }>;

  /** `queue`: compares waiting for the one thread (the heavy bound admits at most that many more). */
  constructor(
    queue: number,
    private readonly inThreadAbove = COMPARE_IN_THREAD_BYTES,
  ) {
    this.pool = new ThreadPool(WORKER, { concurrency: 1, queue, timeoutMs: 60_000, maxHeapMb: 1024, idleMs: 30_000 }, ERRORS);
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
    return this.pool.run(moved, transfer);
  }
}
