/**
 * Queries built and compiled once, for the hot paths (docs/database.md "Hot paths"): the
 * session check on every request and the websocket upgrade's lookups. Building a query with
 * Kysely and compiling it costs more than running it; the SQL text of a query never changes,
 * only its parameters, so it is built once with placeholder arguments and every call only
 * fills in the parameters.
 *
 * On SQLite, when no async transaction is open on the connection, a read runs at once on the
 * cached prepared statement (server/db/database.ts): no mutex, no promise chain, as the
 * synchronous code did. That is what Kysely's mutex would also have given it (nothing else
 * runs between its start and end, and outside a transaction it sees only committed rows).
 * While a transaction is open, and on PostgreSQL, it goes through Kysely, which waits for
 * the connection. A `Transaction` is a Kysely of its own, so queries on one always take the
 * transaction's connection.
 */
import type { Compilable, CompiledQuery } from 'kysely';
import type Database from 'better-sqlite3';
import { cachedStatement, hasAsyncTransaction, type Db } from './database.js';
import type { Kdb } from './kysely.js';

/** A value a precompiled query takes as a parameter. */
export type Param = string | number | null;

/** A read built once: `all` gives every row, `first` the first or undefined. */
export interface Precompiled<A extends Param[], R> {
  all(kdb: Kdb, ...args: A): Promise<R[]>;
  first(kdb: Kdb, ...args: A): Promise<R | undefined>;
}

/** The SQLite connection under each Kysely made by `sqliteKysely` (server/db/kysely.ts). */
const sqliteConnections = new WeakMap<Kdb, Db>();

/** Records that `kdb` runs on the SQLite connection `db`, so precompiled reads may use it directly. */
export function bindSqliteConnection(kdb: Kdb, db: Db): void {
  sqliteConnections.set(kdb, db);
}

/** Marks argument `i` while the query is built; never a value a caller could pass. */
const placeholder = (i: number) => `\u0000precompiled-argument-${i}`;

interface Template {
  compiled: CompiledQuery;
  /** For each parameter of the compiled query: the argument it takes (its index), or a constant. */
  slots: Array<{ argument: number } | { constant: unknown }>;
  /** The arguments are the parameters, in order (the usual case): passed on as they are. */
  direct: boolean;
  /** On SQLite: the connection and the statement prepared once on it; null on PostgreSQL and in transactions. */
  sqlite: { db: Db; statement: Database.Statement } | null;
}

/** Builds and compiles `build` once on `kdb`; every argument must end up as a parameter. */
function compileTemplate<A extends Param[], R>(kdb: Kdb, arity: number, build: (kdb: Kdb, ...args: A) => Compilable<R>): Template {
  const placeholders = Array.from({ length: arity }, (_, i) => placeholder(i));
  // The builder only carries the arguments into the parameter list; their type does not matter there.
  const compiled = build(kdb, ...(placeholders as unknown as A)).compile();
  const slots = compiled.parameters.map((value) => {
    const argument = typeof value === 'string' ? placeholders.indexOf(value) : -1;
    return argument >= 0 ? { argument } : { constant: value };
  });
  placeholders.forEach((_, i) => {
    if (!slots.some((slot) => 'argument' in slot && slot.argument === i)) throw new Error(`Precompiled query: argument ${i} is not a parameter of ${compiled.sql}`);
  });
  const direct = slots.length === arity && slots.every((slot, i) => 'argument' in slot && slot.argument === i);
  const db = sqliteConnections.get(kdb);
  return { compiled, slots, direct, sqlite: db ? { db, statement: cachedStatement(db, compiled.sql) } : null };
}

/** `run()`'s promise, or a rejected one if it throws: callers get errors the same way on every path. */
function settle<T>(run: () => Promise<T>): Promise<T> {
  try {
    return run();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * A read (a SELECT, or anything returning rows) built by `build` with `arity` arguments,
 * compiled once per Kysely instance it runs on (per dialect and per transaction). `build`
 * may use its arguments only as values (never in `sql.raw`, never to choose the query's
 * shape): they are placeholders while it runs. Rows come back exactly as Kysely's
 * `execute()` gives them (no plugins are configured). Throws what the driver throws.
 * The direct SQLite path allocates no promise chain: this runs on every request.
 */
export function precompiled<A extends Param[], R>(arity: number, build: (kdb: Kdb, ...args: A) => Compilable<R>): Precompiled<A, R> {
  const templates = new WeakMap<Kdb, Template>();
  const templateOf = (kdb: Kdb): Template => {
    let template = templates.get(kdb);
    if (!template) templates.set(kdb, (template = compileTemplate(kdb, arity, build)));
    return template;
  };
  const parametersOf = (template: Template, args: A): readonly unknown[] =>
    template.direct ? args : template.slots.map((slot) => ('argument' in slot ? args[slot.argument] : slot.constant));
  const viaKysely = (kdb: Kdb, template: Template, args: A) => kdb.executeQuery<R>({ ...template.compiled, parameters: parametersOf(template, args) });
  return {
    all: (kdb, ...args) =>
      settle(() => {
        const template = templateOf(kdb);
        const { sqlite } = template;
        if (sqlite && !hasAsyncTransaction(sqlite.db)) return Promise.resolve(sqlite.statement.all(parametersOf(template, args)) as R[]);
        return viaKysely(kdb, template, args).then((result) => result.rows);
      }),
    first: (kdb, ...args) =>
      settle(() => {
        const template = templateOf(kdb);
        const { sqlite } = template;
        if (sqlite && !hasAsyncTransaction(sqlite.db)) return Promise.resolve(sqlite.statement.get(parametersOf(template, args)) as R | undefined);
        return viaKysely(kdb, template, args).then((result) => result.rows[0]);
      }),
  };
}
