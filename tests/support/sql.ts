/**
 * Raw SQL in tests on either dialect (docs/database.md "Tests on PostgreSQL"): a test that
 * checks what a server stored reads it through the server's async layer (`deps.kdb`), never
 * the SQLite file, so the same assertion runs on SQLite and on PostgreSQL. The text keeps
 * SQLite's `?` placeholders; on PostgreSQL they become `$1, $2, …` (tests' texts hold no `?`
 * inside string literals). COUNT(*) is a number on both (server/db/pg-pool.ts reads BIGINT
 * as numbers); a SUM needs `CAST(… AS BIGINT)` to be one on PostgreSQL.
 */
import { CompiledQuery } from 'kysely';
import { dialectOf, type Kdb } from '../../server/db/kysely.js';

function compiled(kdb: Kdb, text: string, parameters: readonly unknown[]): CompiledQuery {
  if (dialectOf(kdb) === 'sqlite') return CompiledQuery.raw(text, [...parameters]);
  let n = 0;
  return CompiledQuery.raw(
    text.replace(/\?/g, () => `$${++n}`),
    [...parameters],
  );
}

/** Every row `text` returns, with `parameters` for its `?`s. */
export async function sqlRows<R>(kdb: Kdb, text: string, ...parameters: unknown[]): Promise<R[]> {
  const result = await kdb.executeQuery<R>(compiled(kdb, text, parameters));
  return [...result.rows];
}

/** The first row `text` returns, or undefined. */
export async function sqlRow<R>(kdb: Kdb, text: string, ...parameters: unknown[]): Promise<R | undefined> {
  return (await sqlRows<R>(kdb, text, ...parameters))[0];
}

/** The number in column `n` of the first row (e.g. `SELECT COUNT(*) AS n …`); 0 when there is none. */
export async function sqlCount(kdb: Kdb, text: string, ...parameters: unknown[]): Promise<number> {
  return Number((await sqlRow<{ n: unknown }>(kdb, text, ...parameters))?.n ?? 0);
}

/** Runs a write (INSERT, UPDATE, DELETE); resolves with the rows it changed. */
export async function sqlRun(kdb: Kdb, text: string, ...parameters: unknown[]): Promise<number> {
  const result = await kdb.executeQuery(compiled(kdb, text, parameters));
  return Number(result.numAffectedRows ?? 0);
}

/** Every table of the database (SQLite's `sqlite_master`, PostgreSQL's `public` schema), to scan them all. */
export async function tableNames(kdb: Kdb): Promise<string[]> {
  const text =
    dialectOf(kdb) === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
      : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";
  return (await sqlRows<{ name: string }>(kdb, text)).map((row) => row.name);
}
