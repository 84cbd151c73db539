// Copies of documents in a worker thread (see duplicate-pool.ts): the main thread sends the
// source's stored bytes `{updates, title, amounts}`, this answers `{ok: true, threadId,
// state}` (the copy as one update, handed over, not copied) or `{ok: false, …}`. Plain
// JavaScript that loads its module with loadSibling, like the export worker.
import { parentPort, threadId } from 'node:worker_threads';
import { loadSibling } from '../workers/load-module.mjs';

const { duplicateState } = await loadSibling('duplicate', import.meta.url);

parentPort?.on('message', ({ updates, title, amounts }) => {
  try {
    const state = duplicateState(updates, { title, amounts });
    const own = state.byteOffset === 0 && state.byteLength === state.buffer.byteLength;
    parentPort?.postMessage({ ok: true, threadId, state }, own ? [state.buffer] : []);
  } catch (error) {
    parentPort?.postMessage({ ok: false, threadId, code: 'internal', message: error instanceof Error ? error.message : String(error) });
  }
});
