/**
 * WAL checkpoints off the event loop. SQLite copies the write-ahead log back into the
 * database file (and syncs it) in whichever commit crosses 1 000 pages of log; on this
 * machine that commit took 10–20 ms, and every room waited for it — the largest cause of
 * slow edits under load. So the main connection never checkpoints; a worker thread with
 * its own connection does: every few seconds, up to four times a second when busy (see
 * checkpoint-policy.mjs). If the worker fails, the main connection checkpoints for itself
 * again, so the log never grows without bound.
 *
 * A checkpoint on another connection never catches up with a steady stream of commits, and
 * the log only starts over once it has: under sustained load it grew by 400 MB in 90 s.
 * So when the log is long, the worker asks for the store's commits to be held (through
 * the commit gate) while it copies the last frames; the next commit then starts the log over.
 */
import { Worker } from 'node:worker_threads';
import type { CommitGate } from './commit-gate.js';
import type { Db } from './database.js';

const AUTOCHECKPOINT_PAGES = 1000;
/** Longest that commits are held for the worker; it normally answers within a few ms. */
const MAX_HOLD_MS = 50;

export interface CheckpointerOptions {
  intervalMs?: number;
  /** Log length (pages) from which the worker holds commits to start the log over. */
  restartAfterFrames?: number;
  /**
   * Where commits are held and counted; without one, the log restarts only when writes
   * pause, and every tick checkpoints.
   */
  gate?: CommitGate;
  /** Commits after which a checkpoint is due at the next tick (see checkpoint-policy.mjs). */
  minCommits?: number;
  /** Longest a checkpoint waits for `minCommits` while anything may be in the log. */
  maxWaitMs?: number;
}

export interface Checkpointer {
  stop(): Promise<void>;
}

type WorkerMessage = { error: string } | { hold: true } | { open: true };

export function startCheckpointer(
  db: Db,
  { intervalMs = 250, restartAfterFrames = 4096, gate, minCommits = 256, maxWaitMs = 5000 }: CheckpointerOptions = {},
): Checkpointer {
  if (db.memory) return { stop: async () => undefined };
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    // Plain JavaScript: none of the server's own flags (`--import tsx` would load the
    // TypeScript loader into this thread too, 3–4 MB of memory for nothing).
    execArgv: [],
    workerData: {
      file: db.name,
      intervalMs,
      restartAfterFrames: gate ? restartAfterFrames : Infinity,
      // Without a gate nothing counts commits, so every tick is due.
      commits: gate?.commits ?? null,
      policy: { minCommits: gate ? minCommits : 0, maxWaitMs },
    },
  });
  // The worker never keeps the process alive on its own.
  worker.unref();
  let stopping = false;
  const fallBack = (why: string) => {
    gate?.open();
    if (stopping || !db.open) return;
    console.error(`WAL checkpointer: ${why}; the server checkpoints on its own again`);
    db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  worker.on('message', (message: WorkerMessage) => {
    if ('error' in message) fallBack(message.error);
    else if ('open' in message) gate?.open();
    else if (gate && !stopping) {
      gate.hold(MAX_HOLD_MS);
      worker.postMessage('held');
    }
  });
  worker.on('error', (error) => fallBack(String(error)));
  worker.on('exit', (code) => fallBack(`exited with code ${code}`));
  return {
    stop: () => {
      stopping = true;
      gate?.open();
      return new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      });
    },
  };
}
