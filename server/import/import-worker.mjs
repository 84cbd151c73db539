// Plan-table imports in a worker thread (see import-pool.ts): one request at a time, each
// answered with the built document or the reason it was not built. Plain JavaScript, so it
// starts the same under `npm start`, `tsx` and the tests: it loads the TypeScript it needs
// through tsx's own API instead of relying on the parent's loader flags.
import { parentPort, threadId } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { buildImport } = await tsImport('./build-import.ts', import.meta.url);

parentPort?.on('message', (request) => {
  try {
    const built = buildImport(request);
    parentPort?.postMessage({ ok: true, threadId, ...built }, [built.update.buffer]);
  } catch (error) {
    const known = error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && error.code.startsWith('import.');
    parentPort?.postMessage({ ok: false, threadId, code: known ? error.code : 'internal', message: known ? error.message : String(error) });
  }
});
