/** Reads the session cookie on every request; `requireUser` guards signed-in routes. */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, Deps } from '../context.js';
import { findUserById, type UserRow } from '../db/users.js';
import { unauthorized } from '../errors.js';
import { requestScheme } from '../http/client-address.js';
import { SESSION_COOKIE, SESSION_DAYS } from './sessions.js';

export function isHttps(c: Context, trustProxy: boolean): boolean {
  // Behind a trusted proxy, the scheme it appended last (a client can write its own first).
  return requestScheme(c, trustProxy) === 'https';
}

export function setSessionCookie(c: Context, token: string, trustProxy: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, trustProxy),
    path: '/',
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export const session = (deps: Deps): MiddlewareHandler<AppEnv> =>
  async function session(c, next) {
    c.set('user', null);
    c.set('sessionToken', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const valid = await deps.sessions.validate(token);
      const user = valid ? findUserById(deps.db, valid.userId) : undefined;
      if (valid && user) {
        c.set('user', user);
        c.set('sessionToken', token);
        // Sliding expiry: Lucia extended the session, so the cookie follows.
        if (valid.refreshed) setSessionCookie(c, token, deps.config.trustProxy);
      } else {
        clearSessionCookie(c);
      }
    }
    await next();
  };

export function requireUser(c: Context<AppEnv>): UserRow {
  const user = c.get('user');
  if (!user) throw unauthorized();
  return user;
}
