// Compares of big documents in a worker thread (see compare-pool.ts and
// server/workers/thread-pool.ts): one request at a time, each answered with the answer's
// JSON text. Plain JavaScript that loads its module with loadSibling, so it starts the same
// in a built server, under `tsx` and in the tests.
import { parentPort, threadId } from 'node:worker_threads';
import { loadSibling } from '../workers/load-module.mjs';

const { buildCompare } = await loadSibling('compare-task', import.meta.url);

parentPort?.on('message', (request) => {
  try {
    parentPort?.postMessage({ ok: true, threadId, ...buildCompare(request) });
  } catch (error) {
    parentPort?.postMessage({ ok: false, threadId, code: 'internal', message: String(error) });
  }
});
