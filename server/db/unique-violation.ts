/**
 * A unique or primary-key violation, told apart the same way on both dialects (docs/database.md
 * "SQLite and PostgreSQL differences"): better-sqlite3 throws `SQLITE_CONSTRAINT_UNIQUE` or
 * `SQLITE_CONSTRAINT_PRIMARYKEY`, `pg` SQLSTATE 23505. Callers map it to one AppError, so a
 * client gets the same answer whichever database is behind the server.
 */
const CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);

/** Whether `error` is a unique or primary-key violation from SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return typeof error.code === 'string' && CODES.has(error.code);
}
