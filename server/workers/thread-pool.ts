/**
 * CPU-heavy work off the event loop, in worker threads (DESIGN "Limits every boundary
 * enforces": work on one big document never blocks other users). Built for plan-table
 * imports (issue 15, item 5) and shared with exports and validation of big documents
 * (red-team F1): a crash, out-of-memory or time-out ends that task (and its thread) only;
 * a thread that answered is kept warm for the next task a while; at most `concurrency`
 * run at once, so tasks never take every core from the rooms; a few more wait, and past
 * that the caller gets `errors.busy()` instead of a queue without bound.
 *
 * The worker script is plain JavaScript that loads its TypeScript itself (see
 * import-worker.mjs), so it starts the same under `npm start`, `tsx` and the tests. It
 * answers each message with `{ ok: true, threadId, ...result }` or
 * `{ ok: false, threadId, code, message }`; either may say `retire: true` (its heap grew
 * large), and then the thread is ended instead of kept warm, so the memory goes back to the
 * system (red team S9 finding 3: RSS stayed at 1.38 GB after the largest import).
 */
import { Worker, type Transferable } from 'node:worker_threads';

export interface ThreadPoolOptions {
  /** Tasks running at once (each one a thread). */
  concurrency: number;
  /** Tasks waiting for a thread; more are refused with `errors.busy()`. */
  queue: number;
  /** Longest a task may run before its thread is stopped (`errors.timeout()`). */
  timeoutMs: number;
  /** Heap of one thread, MB; past it that task fails (`errors.outOfMemory()`). */
  maxHeapMb: number;
  /** How long an idle thread is kept for the next task. */
  idleMs: number;
}

/** What the caller throws for each way a task can fail. */
export interface ThreadPoolErrors {
  busy(): Error;
  timeout(): Error;
  outOfMemory(): Error;
  /** The worker answered `{ ok: false, code, message }`. */
  failed(code: string, message: string): Error;
}

/** A task's result, with the worker thread that computed it (never 0, the main thread). */
export type ThreadResult<T> = T & { threadId: number };

type WorkerReply<T> = (({ ok: true } & ThreadResult<T>) | { ok: false; threadId: number; code: string; message: string }) & { retire?: boolean };

export class ThreadPool<Request, Result extends object> {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private idle: Array<{ worker: Worker; timer: NodeJS.Timeout }> = [];

  constructor(
    private readonly script: URL,
    private readonly options: ThreadPoolOptions,
    private readonly errors: ThreadPoolErrors,
  ) {}

  /** Tasks the pool holds at once, running and waiting; one more is refused with `errors.busy()`. */
  get capacity(): number {
    return this.options.concurrency + this.options.queue;
  }

  /** Threads kept warm for the next task (a thread that asked to retire is not among them). */
  get warmThreads(): number {
    return this.idle.length;
  }

  /** Runs one task in a thread; `transfer` lists buffers handed over rather than copied. Throws `errors.*`. */
  async run(request: Request, transfer: readonly Transferable[] = []): Promise<ThreadResult<Result>> {
    await this.slot();
    try {
      return await this.inWorker(request, transfer);
    } finally {
      // The slot goes straight to the next waiting task (still counted as running); only
      // with none waiting is it freed. Freeing it first let a new task run beside the waiter.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  private async slot(): Promise<void> {
    if (this.running < this.options.concurrency) {
      this.running += 1;
      return;
    }
    if (this.waiting.length >= this.options.queue) throw this.errors.busy();
    // The finishing task hands its slot over directly (running stays counted).
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** A warm thread if one is idle (loading the TypeScript costs ~0.5 s), else a new one. */
  private take(): Worker {
    const idle = this.idle.pop();
    if (idle) {
      clearTimeout(idle.timer);
      return idle.worker;
    }
    const worker = new Worker(this.script, {
      // Plain JavaScript that loads its TypeScript itself: none of the server's flags.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
    });
    // An idle thread never keeps the process alive.
    worker.unref();
    return worker;
  }

  /** Keeps a thread that answered for the next task, for a while. */
  private giveBack(worker: Worker): void {
    const timer = setTimeout(() => {
      this.idle = this.idle.filter((entry) => entry.worker !== worker);
      void worker.terminate();
    }, this.options.idleMs);
    timer.unref();
    this.idle.push({ worker, timer });
  }

  private inWorker(request: Request, transfer: readonly Transferable[]): Promise<ThreadResult<Result>> {
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
      const onMessage = (reply: WorkerReply<Result>) =>
        done(() => (reply.ok ? resolve(withoutOk(reply)) : reject(this.errors.failed(reply.code, reply.message))), reply.retire !== true);
      const onError = (error: Error & { code?: string }) =>
        done(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.errors.outOfMemory() : error), false);
      const onExit = (code: number) => done(() => reject(new Error(`worker ${this.script.pathname} exited with code ${code}`)), false);
      const timer = setTimeout(() => done(() => reject(this.errors.timeout()), false), this.options.timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(request, [...transfer]);
    });
  }
}

function withoutOk<T>(reply: { ok: true; retire?: boolean } & ThreadResult<T>): ThreadResult<T> {
  const { ok: _ok, retire: _retire, ...result } = reply;
  return result as unknown as ThreadResult<T>;
}
