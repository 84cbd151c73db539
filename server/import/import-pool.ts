/**
 * Plan-table imports off the event loop (DESIGN "Limits every boundary enforces": parsing
 * never blocks other users for more than ~50 ms). A 20 000-row table takes seconds of CPU
 * to read and turn into a Y.Doc; on the main thread that stalled every room (issue 15,
 * item 5). Here imports run in worker threads — a crash, out-of-memory or time-out there
 * ends that import (and its thread) only; a thread that answered is kept warm for the next
 * import a while — and at most `concurrency` run at once, so imports never take every
 * core from the rooms; a few more wait, and past that the server answers 503 `busy`
 * instead of queueing without bound.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';
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

export interface ImportOutcome extends BuiltImport {
  /** The worker thread that did the work (never 0, the main thread). */
  threadId: number;
}

type WorkerReply = ({ ok: true } & ImportOutcome) | { ok: false; threadId: number; code: string; message: string };

const WORKER = new URL('./import-worker.mjs', import.meta.url);

export class ImportPool {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly concurrency: number;
  private readonly queue: number;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly idleMs: number;
  private idle: Array<{ worker: Worker; timer: NodeJS.Timeout }> = [];

  constructor({ concurrency = 1, queue = 4, timeoutMs = 60_000, maxHeapMb = 768, idleMs = 30_000 }: ImportPoolOptions = {}) {
    this.concurrency = concurrency;
    this.queue = queue;
    this.timeoutMs = timeoutMs;
    this.maxHeapMb = maxHeapMb;
    this.idleMs = idleMs;
  }

  /**
   * Reads a plan table and builds its document in a worker thread. Throws `AppError`:
   * 400 `import.unreadable`, 413 `import.too-large` (rows, or the thread's heap), 422
   * `import.timeout`, 503 `busy` (too many imports at once, with `Retry-After`).
   */
  async run(request: ImportRequest): Promise<ImportOutcome> {
    await this.slot();
    try {
      return await this.inWorker(request);
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  private async slot(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running += 1;
      return;
    }
    if (this.waiting.length >= this.queue) {
      throw new AppError(503, 'busy', 'Servern importerar redan flera tabeller. Försök igen om en stund.', { 'Retry-After': '10' });
    }
    // The finishing import hands its slot over directly (running stays counted).
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** A warm thread if one is idle (loading the parser costs ~0.5 s), else a new one. */
  private take(): Worker {
    const idle = this.idle.pop();
    if (idle) {
      clearTimeout(idle.timer);
      return idle.worker;
    }
    const worker = new Worker(WORKER, {
      // Plain JavaScript that loads its TypeScript itself: none of the server's flags.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
    });
    // An idle import thread never keeps the process alive.
    worker.unref();
    return worker;
  }

  /** Keeps a thread that answered for the next import, for a while. */
  private giveBack(worker: Worker): void {
    const timer = setTimeout(() => {
      this.idle = this.idle.filter((entry) => entry.worker !== worker);
      void worker.terminate();
    }, this.idleMs);
    timer.unref();
    this.idle.push({ worker, timer });
  }

  private inWorker(request: ImportRequest): Promise<ImportOutcome> {
    const worker = this.take();
    return new Promise((resolve, reject) => {
      const done = (outcome: () => void, keep: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        // A thread that failed, ran out of memory or time is never reused.
        if (keep) this.giveBack(worker);
        else void worker.terminate();
        outcome();
      };
      const onMessage = (reply: WorkerReply) => done(() => (reply.ok ? resolve(outcomeOf(reply)) : reject(errorOf(reply))), true);
      const onError = (error: Error & { code?: string }) =>
        done(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge('Tabellen är för stor att importera.') : error), false);
      const onExit = (code: number) => done(() => reject(new Error(`import worker exited with code ${code}`)), false);
      const timer = setTimeout(
        () => done(() => reject(new AppError(422, 'import.timeout', 'Tabellen tog för lång tid att läsa och importerades inte.')), false),
        this.timeoutMs,
      );
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
    });
  }
}

function outcomeOf(reply: ImportOutcome): ImportOutcome {
  return { update: reply.update, title: reply.title, report: reply.report, threadId: reply.threadId };
}

function tooLarge(message: string): AppError {
  return new AppError(413, 'import.too-large', message);
}

function errorOf(reply: { code: string; message: string }): Error {
  if (reply.code === 'import.too-large') return tooLarge(reply.message);
  if (reply.code.startsWith('import.')) return new AppError(400, reply.code, reply.message);
  return new Error(`import worker: ${reply.message}`);
}
