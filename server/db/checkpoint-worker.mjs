// Runs WAL checkpoints on a thread of its own (see checkpointer.ts for why). Plain
// JavaScript, so it loads the same under `node --import tsx`, Vitest and a built server.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { checkpointDue } from './checkpoint-policy.mjs';

const { file, intervalMs, restartAfterFrames, commits, policy } = workerData;
const db = new Database(file);
let awaitingHold = false;
/** The commit count and the time at the last checkpoint. */
let last = { commits: 0, at: Date.now() };

/** PASSIVE never waits for the main thread's writers or readers; what it cannot copy now is copied next time. */
function checkpoint() {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  return result;
}

/** Whether enough has happened since the last checkpoint; if so, it counts from now. */
function due() {
  const now = { commits: commits ? Atomics.load(commits, 0) : 0, at: Date.now() };
  // `| 0`: the shared count is an Int32 and wraps; the difference stays right across it.
  if (!checkpointDue({ commitsSince: (now.commits - last.commits) | 0, msSince: now.at - last.at }, policy)) return false;
  last = now;
  return true;
}

function tick() {
  if (awaitingHold || !due()) return;
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
