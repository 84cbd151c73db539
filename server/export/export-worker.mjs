// Exports and validation of big documents in a worker thread (see export-pool.ts and
// server/workers/thread-pool.ts): one request at a time, each answered with the response
// body or the reason there is none. Plain JavaScript that loads its module with
// loadSibling (built `.js`, or `.ts` through tsx), so it starts the same in a built
// server, under `tsx` and in the tests.
import { parentPort, threadId } from 'node:worker_threads';
import { loadSibling } from '../workers/load-module.mjs';

const { buildExport } = await loadSibling('build-export', import.meta.url);

parentPort?.on('message', async (request) => {
  try {
    parentPort?.postMessage({ ok: true, threadId, ...(await buildExport(request)) });
  } catch (error) {
    const known = error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && error.code.startsWith('export.');
    parentPort?.postMessage({ ok: false, threadId, code: known ? error.code : 'internal', message: known ? error.message : String(error) });
  }
});
