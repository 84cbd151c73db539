/**
 * Which database a `Kdb` (or a transaction on one) talks to, for the few statements that
 * differ (docs/database.md): row locks (`FOR UPDATE`) exist on PostgreSQL only; SQLite's
 * single connection serialises writers already.
 */
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Tables } from './schema.js';

/** Whether `kdb` (a Kysely or a transaction on one) runs on PostgreSQL. */
export function isPostgres(kdb: Kysely<Tables>): boolean {
  return kdb.getExecutor().adapter instanceof PostgresAdapter;
}
