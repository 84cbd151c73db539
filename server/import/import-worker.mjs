// One plan-table import, in a worker thread (see import-pool.ts). Plain JavaScript, so it
// starts the same under `npm start`, `tsx` and the tests: it loads the TypeScript it needs
// through tsx's own API instead of relying on the parent's loader flags.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { buildImport } = await tsImport('./build-import.ts', import.meta.url);
try {
  const built = buildImport(workerData);
  parentPort?.postMessage({ ok: true, threadId, ...built }, [built.update.buffer]);
} catch (error) {
  const known = error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && error.code.startsWith('import.');
  parentPort?.postMessage({ ok: false, threadId, code: known ? error.code : 'internal', message: known ? error.message : String(error) });
}
