/**
 * Server-side sessions, Lucia-style. Lucia v3 (with its SQLite adapter) keeps the
 * sessions table and sliding expiry; we hand it the SHA-256 of the cookie's token as the
 * session id, so the database never holds a usable token.
 *
 * Lucia v3 is deprecated upstream in favour of a small hand-written session module on
 * `@oslojs/crypto` / `@oslojs/encoding`. Everything Lucia does for us is behind this file's
 * `Sessions` interface, so that swap changes this one module.
 */
import { BetterSqlite3Adapter } from '@lucia-auth/adapter-sqlite';
import { Lucia, TimeSpan } from 'lucia';
import { type Db, statement } from '../db/database.js';
import { hashToken, newToken } from './tokens.js';

export const SESSION_COOKIE = 'samplan_session';
export const SESSION_DAYS = 30;

export interface Sessions {
  /** A new session; returns the token for the cookie. */
  create(userId: string): Promise<string>;
  /** The session's user, and whether its expiry was just extended (then re-send the cookie). */
  validate(token: string): Promise<{ userId: string; refreshed: boolean } | null>;
  invalidate(token: string): Promise<void>;
}

export function createSessions(db: Db): Sessions {
  const lucia = new Lucia(new BetterSqlite3Adapter(preparingOnce(db), { user: 'users', session: 'sessions' }), {
    sessionExpiresIn: new TimeSpan(SESSION_DAYS, 'd'),
  });
  return {
    async create(userId) {
      const token = newToken();
      await lucia.createSession(userId, {}, { sessionId: hashToken(token) });
      return token;
    },
    async validate(token) {
      const { session } = await lucia.validateSession(hashToken(token));
      return session ? { userId: session.userId, refreshed: session.fresh } : null;
    },
    async invalidate(token) {
      await lucia.invalidateSession(hashToken(token));
    },
  };
}

/**
 * `db` as Lucia's adapter sees it: its `prepare` hands back our cached statement, because
 * the adapter prepares its SQL on every call and a session is checked on every request.
 * The adapter uses nothing but `prepare`, and its SQL texts are fixed (we give sessions no
 * attributes), so the cache stays one entry per query.
 */
function preparingOnce(db: Db): Db {
  return Object.create(db, { prepare: { value: (sql: string) => statement(db, sql) } }) as Db;
}
