// Runs WAL checkpoints on a thread of its own (see checkpointer.ts for why). Plain
// JavaScript, so it loads the same under `node --import tsx`, Vitest and a built server.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs, restartAfterFrames } = workerData;
const db = new Database(file);
let awaitingHold = false;

/** PASSIVE never waits for the main thread's writers or readers; what it cannot copy now is copied next time. */
function checkpoint() {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  return result;
}

function tick() {
  if (awaitingHold) return;
  try {
    // The main connection writes from the start of the log again only when it finds every
    // frame already in the database file; under a steady stream of commits that never
    // happens by itself, and the log grows without end. So once it is long, ask the
    // main thread to hold its commits while the last few frames are copied.
    if (checkpoint().log >= restartAfterFrames) {
      awaitingHold = true;
      parentPort?.postMessage({ hold: true });
    }
  } catch (error) {
    parentPort?.postMessage({ error: String(error) });
  }
}

const timer = setInterval(tick, intervalMs);
parentPort?.on('message', (message) => {
  if (message === 'held') {
    try {
      checkpoint();
    } catch (error) {
      parentPort?.postMessage({ error: String(error) });
    } finally {
      awaitingHold = false;
      parentPort?.postMessage({ open: true });
    }
    return;
  }
  if (message !== 'stop') return;
  clearInterval(timer);
  try {
    checkpoint();
  } finally {
    db.close();
    parentPort?.close();
  }
});
