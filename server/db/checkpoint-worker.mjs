// Runs WAL checkpoints on a thread of its own (see checkpointer.ts for why). Plain
// JavaScript, so it loads the same under `node --import tsx`, Vitest and a built server.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs } = workerData;
const db = new Database(file);

function checkpoint() {
  try {
    // PASSIVE never waits for the main thread's writers or readers; what it cannot copy
    // now is copied next time.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort?.postMessage({ error: String(error) });
  }
}

const timer = setInterval(checkpoint, intervalMs);
parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort?.close();
});
