/**
 * Server-side sessions with an absolute and an idle limit (DESIGN "Accounts, sessions, the
 * browser boundary"; issue 16 item 8; OWASP ASVS 3.3). The cookie holds a random token;
 * the database holds only its SHA-256, which is also the session id the socket registry
 * knows (server/sync/live-sockets.ts), so ending a session can close its sockets.
 *
 * Written after Lucia's own session guide (Lucia v3, used here before, is deprecated
 * upstream in favour of exactly this): Lucia's sessions had one sliding expiry read from
 * the system clock, which could neither hold an absolute limit nor be tested with the
 * injected clock. Everything about sessions is behind the `Sessions` interface.
 */
import { type Db, statement } from '../db/database.js';
import { hashToken, newToken } from './tokens.js';

export const SESSION_COOKIE = 'samplan_session';

export interface SessionLifetime {
  /** A session ends this long after it was created, however much it is used, ms. */
  absoluteMs: number;
  /** A session ends this long after its last use, ms. */
  idleMs: number;
}

/** A session as its owner may see it (never the token). Times in ms since the epoch. */
export interface SessionInfo {
  id: string;
  createdAt: number;
  lastUsedAt: number;
  /** When it ends if not used again: the earlier of the absolute and the idle limit. */
  expiresAt: number;
}

export interface Sessions {
  /** A new session; returns the token for the cookie. */
  create(userId: string): Promise<string>;
  /** The live session's user and id (the token's hash), or null; counts as a use. */
  validate(token: string): Promise<{ userId: string; sessionId: string } | null>;
  /** Whether session `sessionId` (a token's hash) is live: not ended, not past a limit. */
  isLive(sessionId: string): Promise<boolean>;
  /** Ends one session; returns its id. */
  invalidate(token: string): Promise<string>;
  /** Ends every session of `userId` but `keepSessionId`; returns the ended ids. */
  invalidateUser(userId: string, keepSessionId?: string | null): Promise<string[]>;
  /** The user's live sessions, most recently used first. */
  listOf(userId: string): Promise<SessionInfo[]>;
  /** Deletes every session past a limit; returns their ids, so their sockets can be closed. */
  sweepExpired(): Promise<string[]>;
}

interface SessionRow {
  id: string;
  userId: string;
  createdAt: number;
  lastUsedAt: number;
}

const COLUMNS = 'id, user_id AS userId, created_at AS createdAt, last_used_at AS lastUsedAt';

/**
 * Sessions in `db`, timed by `now` (the injected clock). The last use is written at most
 * once per `touchMs` (a minute, or less for short idle limits), so a busy session costs
 * one write a minute, not one per request; the idle limit is that much less exact.
 */
export function createSessions(db: Db, now: () => number, lifetime: SessionLifetime): Sessions {
  const touchMs = Math.min(60_000, lifetime.idleMs / 100);
  const expiresAt = (row: SessionRow) => Math.min(row.createdAt + lifetime.absoluteMs, row.lastUsedAt + lifetime.idleMs);
  const remove = (ids: string[]) => {
    for (const id of ids) statement(db, 'DELETE FROM sessions WHERE id = ?').run(id);
    return ids;
  };
  return {
    async create(userId) {
      const token = newToken();
      const at = now();
      statement(db, 'INSERT INTO sessions (id, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?)').run(hashToken(token), userId, at, at);
      return token;
    },
    async validate(token) {
      const id = hashToken(token);
      const row = statement(db, `SELECT ${COLUMNS} FROM sessions WHERE id = ?`).get(id) as SessionRow | undefined;
      const at = now();
      // An expired row is left for the sweep, which also closes the sockets it opened.
      if (!row || at >= expiresAt(row)) return null;
      if (at - row.lastUsedAt >= touchMs) statement(db, 'UPDATE sessions SET last_used_at = ? WHERE id = ?').run(at, id);
      return { userId: row.userId, sessionId: id };
    },
    async isLive(sessionId) {
      const row = statement(db, `SELECT ${COLUMNS} FROM sessions WHERE id = ?`).get(sessionId) as SessionRow | undefined;
      return row !== undefined && now() < expiresAt(row);
    },
    async invalidate(token) {
      return remove([hashToken(token)])[0] ?? '';
    },
    async invalidateUser(userId, keepSessionId = null) {
      const rows = statement(db, 'SELECT id FROM sessions WHERE user_id = ?').all(userId) as Array<{ id: string }>;
      return db.transaction(() => remove(rows.map((r) => r.id).filter((id) => id !== keepSessionId)))();
    },
    async listOf(userId) {
      const rows = statement(db, `SELECT ${COLUMNS} FROM sessions WHERE user_id = ? ORDER BY last_used_at DESC`).all(userId) as SessionRow[];
      const at = now();
      return rows.filter((row) => at < expiresAt(row)).map((row) => ({ id: row.id, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, expiresAt: expiresAt(row) }));
    },
    async sweepExpired() {
      const at = now();
      const rows = statement(db, 'SELECT id FROM sessions WHERE created_at <= ? OR last_used_at <= ?').all(at - lifetime.absoluteMs, at - lifetime.idleMs) as Array<{ id: string }>;
      return db.transaction(() => remove(rows.map((r) => r.id)))();
    },
  };
}
