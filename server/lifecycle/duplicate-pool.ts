/**
 * Duplicating a document without stalling the server (DESIGN "Limits every boundary
 * enforces"; docs/security.md "Bounded requests"). Red team: ten parallel duplicates of a
 * 1 000-activity plan held everyone's edits 8 s, because the copy was decoded, edited and
 * encoded on the main thread. Now the main thread only reads the source's stored bytes and
 * hands them to a thread (duplicate-worker.mjs runs duplicate.ts's `duplicateState`); the
 * copy comes back as one update. One thread at a time, a few waiting, more 503 `busy`; each
 * person's duplicates per minute and each workspace's documents are capped by the route.
 */
import { AppError } from '../errors.js';
import { ThreadPool, type ThreadPoolOptions } from '../workers/thread-pool.js';

interface CopyRequest {
  updates: Uint8Array[];
  title: string;
  amounts: boolean;
}

/** The copy's full state as one update, and the thread that built it (never 0). */
export interface CopyResult {
  state: Uint8Array;
  threadId: number;
}

const WORKER = new URL('./duplicate-worker.mjs', import.meta.url);

const ERRORS = {
  busy: () => new AppError(503, 'busy', 'Servern kopierar redan flera dokument. Försök igen om en stund.', { 'Retry-After': '10' }),
  timeout: () => new AppError(503, 'busy', 'Kopieringen tog för lång tid. Försök igen om en stund.', { 'Retry-After': '30' }),
  outOfMemory: () => new AppError(413, 'document.too-large', 'Dokumentet är för stort att kopiera.'),
  failed: (_code: string, message: string) => new Error(`duplicate worker: ${message}`),
};

export class DuplicatePool {
  private readonly pool: ThreadPool<CopyRequest, { state: Uint8Array }>;

  constructor({ concurrency = 1, queue = 8, timeoutMs = 60_000, maxHeapMb = 512, idleMs = 30_000 }: Partial<ThreadPoolOptions> = {}) {
    this.pool = new ThreadPool(WORKER, { concurrency, queue, timeoutMs, maxHeapMb, idleMs }, ERRORS);
  }

  /**
   * The copy of a document whose stored bytes (snapshot, then updates) are `updates`, with
   * `title` and, unless `amounts`, no money (duplicate.ts). Throws 503 `busy` (with
   * `Retry-After`) when the queue is full or the copy took over 60 s, 413 past the thread's heap.
   */
  async copy(updates: readonly Uint8Array[], options: { title: string; amounts: boolean }): Promise<CopyResult> {
    // Handed over, not copied, when a buffer of its own; a view into a bigger one is copied
    // so that nothing else is detached.
    const own = updates.map((u) => (u.byteOffset === 0 && u.byteLength === u.buffer.byteLength ? u : u.slice()));
    return this.pool.run({ updates: own, ...options }, own.map((u) => u.buffer as ArrayBuffer));
  }
}
