/** Reads the session cookie on every request; `requireUser` guards signed-in routes. */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, Deps } from '../context.js';
import { findUserById, type UserRow } from '../db/users.js';
import { unauthorized } from '../errors.js';
import { requestScheme } from '../http/client-address.js';
import { SESSION_COOKIE } from './sessions.js';
import { hashToken } from './tokens.js';

/** Whether the request came over https (as the trusted proxy says, when there is one). */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  // Behind a trusted proxy, the scheme it appended last (a client can write its own first).
  return requestScheme(c, trustProxy) === 'https';
}

/**
 * Sets the session cookie: HttpOnly, SameSite=Lax, Secure over https, living as long as the
 * session's absolute limit (`config.sessionAbsoluteMs`); the idle limit is the server's to
 * enforce (server/auth/sessions.ts), so the cookie is never re-sent to slide.
 */
export function setSessionCookie(c: Context, token: string, config: { trustProxy: boolean; sessionAbsoluteMs: number }): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, config.trustProxy),
    path: '/',
    maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
  });
}

/** Deletes the session cookie (log-out, or a cookie whose session has ended). */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Sets `user` and `sessionToken` from a live session's cookie, and clears a dead one's cookie. */
export const session = (deps: Deps): MiddlewareHandler<AppEnv> =>
  async function session(c, next) {
    c.set('user', null);
    c.set('sessionToken', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const valid = await deps.sessions.validate(token);
      const user = valid ? await findUserById(deps.kdb, valid.userId) : undefined;
      if (valid && user) {
        c.set('user', user);
        c.set('sessionToken', token);
      } else {
        clearSessionCookie(c);
      }
    }
    await next();
  };

/** The id of the request's session (the SHA-256 of its token, as the socket registry knows it), or null. */
export function currentSessionId(c: Context<AppEnv>): string | null {
  const token = c.get('sessionToken');
  return token ? hashToken(token) : null;
}

/** The signed-in user; throws 401 `unauthorized` without one. */
export function requireUser(c: Context<AppEnv>): UserRow {
  const user = c.get('user');
  if (!user) throw unauthorized();
  return user;
}
