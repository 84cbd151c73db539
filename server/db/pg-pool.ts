/**
 * A `pg` pool as every PostgreSQL connection of ours reads its values (docs/database.md):
 * BIGINT as numbers, as better-sqlite3 reads INTEGER. Its own small module, so the history
 * worker (server/history/derive-worker.mjs) opens a pool without loading the rest of the
 * database layer.
 */
import pg from 'pg';

/** int8 (BIGINT, COUNT(*)) as a number: every integer we store (ms times, ids, counts) is far below 2^53. */
function int8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`Integer out of range for JavaScript: ${text}`);
  return value;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary' ? int8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A pool on `url` (at most `max` connections) with BIGINT read as numbers. A connection
 * PostgreSQL ends while it sits idle in the pool (a restart, `pg_terminate_backend`, a
 * dropped database: 57P01) is an 'error' event of the pool; unheard, Node ends the whole
 * process. It is said once in the log and the pool opens a new connection when next asked;
 * queries in flight still fail to their callers, who answer as for any database error.
 */
export function postgresPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types });
  pool.on('error', (error: Error & { code?: string }) => console.error(`PostgreSQL: an idle connection was ended (${error.code ?? error.message}); the next query opens a new one`));
  return pool;
}
