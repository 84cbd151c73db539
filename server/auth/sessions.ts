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
import type { Kdb } from '../db/kysely.js';
import { precompiled } from '../db/precompiled.js';
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

/** The session check on every request and upgrade: built once (server/db/precompiled.ts). */
const findSession = precompiled(1, (kdb, id: string) =>
  kdb.selectFrom('sessions').select(['id', 'user_id as userId', 'created_at as createdAt', 'last_used_at as lastUsedAt']).where('id', '=', id),
);

/**
 * Sessions in `kdb` (SQLite or PostgreSQL), timed by `now` (the injected clock). The last
 * use is written at most once per `touchMs` (a minute, or less for short idle limits), so a
 * busy session costs one write a minute, not one per request; the idle limit is that much
 * less exact. Ending several sessions is one DELETE … RETURNING: atomic without a transaction.
 */
export function createSessions(kdb: Kdb, now: () => number, lifetime: SessionLifetime): Sessions {
  const touchMs = Math.min(60_000, lifetime.idleMs / 100);
  const expiresAt = (row: SessionRow) => Math.min(row.createdAt + lifetime.absoluteMs, row.lastUsedAt + lifetime.idleMs);
  const find = (id: string): Promise<SessionRow | undefined> => findSession.first(kdb, id);
  const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
  return {
    async create(userId) {
      const token = newToken();
      const at = now();
      await kdb.insertInto('sessions').values({ id: hashToken(token), user_id: userId, created_at: at, last_used_at: at }).execute();
      return token;
    },
    async validate(token) {
      const id = hashToken(token);
      const row = await find(id);
      const at = now();
      // An expired row is left for the sweep, which also closes the sockets it opened.
      if (!row || at >= expiresAt(row)) return null;
      if (at - row.lastUsedAt >= touchMs) await kdb.updateTable('sessions').set({ last_used_at: at }).where('id', '=', id).execute();
      return { userId: row.userId, sessionId: id };
    },
    async isLive(sessionId) {
      const row = await find(sessionId);
      return row !== undefined && now() < expiresAt(row);
    },
    async invalidate(token) {
      const id = hashToken(token);
      await kdb.deleteFrom('sessions').where('id', '=', id).execute();
      return id;
    },
    async invalidateUser(userId, keepSessionId = null) {
      const query = kdb.deleteFrom('sessions').where('user_id', '=', userId);
      const kept = keepSessionId === null ? query : query.where('id', '!=', keepSessionId);
      return ids(await kept.returning('id').execute());
    },
    async listOf(userId) {
      const rows = await kdb
        .selectFrom('sessions')
        .select(['id', 'user_id as userId', 'created_at as createdAt', 'last_used_at as lastUsedAt'])
        .where('user_id', '=', userId)
        .orderBy('last_used_at', 'desc')
        .execute();
      const at = now();
      return rows.filter((row) => at < expiresAt(row)).map((row) => ({ id: row.id, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, expiresAt: expiresAt(row) }));
    },
    async sweepExpired() {
      const at = now();
      const swept = await kdb
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('created_at', '<=', at - lifetime.absoluteMs), eb('last_used_at', '<=', at - lifetime.idleMs)]))
        .returning('id')
        .execute();
      return ids(swept);
    },
  };
}
