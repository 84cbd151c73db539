/**
 * WAL checkpoints off the event loop. SQLite copies the write-ahead log back into the
 * database file (and syncs it) in whichever commit crosses 1 000 pages of log; on this
 * machine that commit took 10–20 ms, and every room waited for it — the largest cause of
 * slow edits under load. So the main connection never checkpoints; a worker thread with
 * its own connection does, a few times a second. If the worker fails, the main connection
 * checkpoints for itself again, so the log never grows without bound.
 */
import { Worker } from 'node:worker_threads';
import type { Db } from './database.js';

const AUTOCHECKPOINT_PAGES = 1000;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(db: Db, intervalMs = 250): Checkpointer {
  if (db.memory) return { stop: async () => undefined };
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), { workerData: { file: db.name, intervalMs } });
  // The worker never keeps the process alive on its own.
  worker.unref();
  let stopping = false;
  const fallBack = (why: string) => {
    if (stopping || !db.open) return;
    console.error(`WAL checkpointer: ${why}; the server checkpoints on its own again`);
    db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  worker.on('message', (message: { error?: string }) => {
    if (message.error) fallBack(message.error);
  });
  worker.on('error', (error) => fallBack(String(error)));
  worker.on('exit', (code) => fallBack(`exited with code ${code}`));
  return {
    stop: () => {
      stopping = true;
      return new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      });
    },
  };
}
