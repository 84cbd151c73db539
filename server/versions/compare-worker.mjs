// Compares and restores of big documents in a worker thread (see compare-pool.ts and
// server/workers/thread-pool.ts): one request at a time, a compare answered with the
// answer's JSON text, a restore (`task: 'restore'`) with its update. Plain JavaScript that loads its module with loadSibling, so it starts the same
// in a built server, under `tsx` and in the tests.
import { parentPort, threadId } from 'node:worker_threads';
import { loadSibling } from '../workers/load-module.mjs';

const { buildCompare } = await loadSibling('compare-task', import.meta.url);
const { buildRestore } = await loadSibling('restore-task', import.meta.url);

parentPort?.on('message', (request) => {
  try {
    const result = request.task === 'restore' ? buildRestore(request) : buildCompare(request);
    parentPort?.postMessage({ ok: true, threadId, ...result });
  } catch (error) {
    parentPort?.postMessage({ ok: false, threadId, code: 'internal', message: String(error) });
  }
});
