// Per-field history in a worker thread (see deriver.ts and derive-core.ts): the main
// thread asks `{cursor, limit}`, this answers `{ok: true, entries, upTo, read}` (or
// `{ok: false, message}`) from its own read-only connection. Plain JavaScript, so it
// starts the same built, under tsx and in the tests (see ../workers/load-module.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { loadSibling } from '../workers/load-module.mjs';

const { DeriveCore } = await loadSibling('derive-core', import.meta.url);

const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
const core = new DeriveCore(db);

parentPort?.on('message', (request) => {
  try {
    parentPort?.postMessage({ ok: true, ...core.derive(request.cursor, request.limit) });
  } catch (error) {
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
parentPort?.postMessage({ ready: true });
