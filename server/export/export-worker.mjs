// Exports and validation of big documents in a worker thread (see export-pool.ts and
// server/workers/thread-pool.ts): one request at a time, each answered with the response
// body or the reason there is none. Plain JavaScript that loads its TypeScript through
// tsx's own API, like import-worker.mjs, so it starts the same under `npm start`, `tsx`
// and the tests.
import { parentPort, threadId } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { buildExport } = await tsImport('./build-export.ts', import.meta.url);

parentPort?.on('message', (request) => {
  try {
    parentPort?.postMessage({ ok: true, threadId, ...buildExport(request) });
  } catch (error) {
    const known = error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && error.code.startsWith('export.');
    parentPort?.postMessage({ ok: false, threadId, code: known ? error.code : 'internal', message: known ? error.message : String(error) });
  }
});
