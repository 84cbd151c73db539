// Plan-table imports in a worker thread (see import-pool.ts): one request at a time, each
// answered with the built document or the reason it was not built. Plain JavaScript, so it
// starts the same in a built server, under `tsx` and in the tests: it loads its module
// with loadSibling (built `.js`, or `.ts` through tsx) instead of the parent's loader flags.
import { parentPort, threadId } from 'node:worker_threads';
import { loadSibling } from '../workers/load-module.mjs';

const { buildImport } = await loadSibling('build-import', import.meta.url);

parentPort?.on('message', (request) => {
  try {
    const built = buildImport(request);
    parentPort?.postMessage({ ok: true, threadId, ...built }, [built.update.buffer]);
  } catch (error) {
    const known = error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && error.code.startsWith('import.');
    parentPort?.postMessage({ ok: false, threadId, code: known ? error.code : 'internal', message: known ? error.message : String(error) });
  }
});
