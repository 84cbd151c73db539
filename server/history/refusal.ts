/**
 * Telling a refused history write from a passing fault (issue 17 / 21; docs/database.md
 * "Field history on PostgreSQL"). A value the database refuses fails the same way every
 * time, so the deriver retries it a bounded number of times and then skips that document's
 * entries (deriver.ts); anything else (a lost connection, a busy or locked database, an
 * error we do not know) may pass, so it is retried with backoff for as long as it lasts —
 * history is never dropped for a fault that is not the data's.
 */

/**
 * PostgreSQL SQLSTATE classes of the data itself: 22 (data exception: NUL in text, a
 * number out of range, invalid text representation) and 23 (integrity: NOT NULL, CHECK,
 * unique, foreign key).
 */
const POSTGRES_DATA_CLASSES: ReadonlySet<string> = new Set(['22', '23']);

/** better-sqlite3 codes of the data itself: every constraint (CHECK, NOT NULL, trigger, …), a too-big value, a type mismatch. */
const SQLITE_DATA = /^SQLITE_(CONSTRAINT(_[A-Z]+)?|TOOBIG|MISMATCH)$/;

/** 'refused': the database refused the data (retry a bounded number of times, then skip); 'transient': anything else (retry with backoff). */
export type StoreFailure = 'refused' | 'transient';

/** The error's `code` when it is a string (pg's SQLSTATE or errno name, better-sqlite3's SQLITE_*); else null. */
export function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

/**
 * Which kind of failure a history write's `error` is, on SQLite or PostgreSQL.
 * @example storeFailure({ code: '22021' }) // 'refused' (NUL in text on PostgreSQL)
 * @example storeFailure(new Error('Connection terminated unexpectedly')) // 'transient'
 */
export function storeFailure(error: unknown): StoreFailure {
  const code = errorCode(error);
  if (code === null) return 'transient';
  if (/^[0-9A-Z]{5}$/.test(code) && POSTGRES_DATA_CLASSES.has(code.slice(0, 2))) return 'refused';
  return SQLITE_DATA.test(code) ? 'refused' : 'transient';
}

/** One document's entries of one stored chunk that the database refused and that were left out. */
export interface SkippedDocument {
  documentId: string;
  /** How many entries were left out. */
  entries: number;
  /** The database's error code only: its message may quote the refused value (personal data). */
  code: string | null;
}

/**
 * What of a failed history write may be logged: only the database's code when it refused the
 * data (PostgreSQL's detail quotes the failing row, which may hold personal data); a passing
 * fault as it is (a connection error says nothing of the content).
 */
export function loggableFailure(error: unknown): unknown {
  return storeFailure(error) === 'refused' ? { code: errorCode(error) } : error;
}
