// Per-field history in a worker thread (see deriver.ts and derive-core.ts): the main
// thread asks `{cursor, limit, horizon}`, this answers `{ok: true, entries, upTo, read, heapBytes}` (or
// `{ok: false, message}`) from its own connection: a read-only SQLite one (`file`), or its
// own small PostgreSQL pool (`databaseUrl`). Plain JavaScript, so it starts the same built,
// under tsx and in the tests (see ../workers/load-module.mjs).
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { loadSibling } from '../workers/load-module.mjs';

const { DeriveCore } = await loadSibling('derive-core', import.meta.url);
const { postgresSource, sqliteSource } = await loadSibling('source', import.meta.url);

async function openSource() {
  if (workerData.databaseUrl) {
    const { Kysely, PostgresDialect } = await import('kysely');
    const { postgresPool } = await loadSibling('../db/pg-pool', import.meta.url);
    const kdb = new Kysely({ dialect: new PostgresDialect({ pool: postgresPool(workerData.databaseUrl, 2) }) });
    return postgresSource(kdb, () => kdb.destroy());
  }
  const { default: Database } = await import('better-sqlite3');
  return sqliteSource(new Database(workerData.file, { readonly: true, fileMustExist: true }));
}

const core = new DeriveCore(await openSource());

parentPort?.on('message', (request) => {
  core.derive(request.cursor, request.limit, request.horizon).then(
    // Its own heap (an isolate's, not the process's): a big one is retired once idle (deriver.ts).
    (result) => parentPort?.postMessage({ ok: true, ...result, heapBytes: getHeapStatistics().total_heap_size }),
    (error) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
parentPort?.postMessage({ ready: true });
