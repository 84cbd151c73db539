// Plan-table imports in a worker thread (see import-pool.ts): one request at a time, each
// answered with the built document or the reason it was not built. Plain JavaScript, so it
// starts the same in a built server, under `tsx` and in the tests: it loads its module
// with loadSibling (built `.js`, or `.ts` through tsx) instead of the parent's loader flags.
import { getHeapStatistics } from 'node:v8';
import { parentPort, threadId } from 'node:worker_threads';
import { loadSibling } from '../workers/load-module.mjs';

/** Heap (bytes) past which this thread asks to be ended after its answer, not kept warm. */
const RETIRE_ABOVE_BYTES = 64 * 1024 * 1024;

/**
 * Whether this thread's heap grew past RETIRE_ABOVE_BYTES (a big import: hundreds of MB).
 * Such a thread is ended (its heap goes back to the system) rather than kept warm holding
 * it; a thread that read a small table stays warm for the next one.
 */
function heapIsLarge() {
  return getHeapStatistics().total_heap_size > RETIRE_ABOVE_BYTES;
}

const { buildImport } = await loadSibling('build-import', import.meta.url);

parentPort?.on('message', (request) => {
  try {
    const built = buildImport(request);
    parentPort?.postMessage({ ok: true, threadId, ...built, retire: heapIsLarge() }, [...new Set(built.updates.map((update) => update.buffer))]);
  } catch (error) {
    const known = error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && error.code.startsWith('import.');
    parentPort?.postMessage({ ok: false, threadId, retire: heapIsLarge(), code: known ? error.code : 'internal', message: known ? error.message : String(error) });
  }
});
