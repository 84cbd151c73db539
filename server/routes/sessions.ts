/**
 * Sessions a person ends or looks at themselves (DESIGN "Accounts, sessions, the browser
 * boundary"; issue 16 items 2 and 8): password change, log out everywhere, the list of
 * their sessions. Log-out of one session is in auth.ts.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { Limits } from '../../shared/limits.js';
import { confirmPassword } from '../auth/confirm-password.js';
import { clearSessionCookie, currentSessionId, requireUser } from '../auth/middleware.js';
import { hashPassword } from '../auth/passwords.js';
import type { AppEnv, Deps } from '../context.js';
import { setPasswordHash } from '../db/users.js';
import { parseJson } from '../validation.js';
import { PasswordSchema } from './auth.js';

const PasswordChangeSchema = z.strictObject({ current: z.string().max(Limits.maxPasswordLength), next: PasswordSchema });
const iso = (ms: number) => new Date(ms).toISOString();

export function sessionRoutes(deps: Deps) {
  const { sessions } = deps;
  const app = new Hono<AppEnv>();

  /**
   * `POST /api/auth/password {current, next}` → 204: the new password holds from now on;
   * every other session of the user ends and their sockets (ticket-opened ones too) close
   * with 4401; this session and its sockets stay (DESIGN "Accounts, sessions"). 400
   * `wrong-password` (the session is kept: not 401), 400 `validation` for a too short
   * `next`, 429 `rate-limited` after repeated wrong passwords (as log-in), 401 signed out.
   */
  app.post('/auth/password', async (c) => {
    const user = requireUser(c);
    const input = await parseJson(c, PasswordChangeSchema);
    await confirmPassword(deps, c, user, input.current);
    await setPasswordHash(deps.kdb, user.id, await deps.loginLimits.hashing.run(() => hashPassword(input.next)));
    const keep = currentSessionId(c);
    await sessions.invalidateUser(user.id, keep);
    deps.sockets.closeUser(user.id, keep);
    return c.body(null, 204);
  });

  /**
   * `POST /api/auth/logout-everywhere` → 204, cookie cleared: every session of the user
   * ends, this one included, and all their sockets close with 4401. 401 signed out.
   */
  app.post('/auth/logout-everywhere', async (c) => {
    const user = requireUser(c);
    await sessions.invalidateUser(user.id);
    deps.sockets.closeUser(user.id);
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  /**
   * `GET /api/me/sessions` → `{sessions:[{createdAt, lastUsedAt, expiresAt, current}]}`
   * (ISO 8601 UTC; most recently used first; `current`: the session asking; never a token
   * or id). 401 signed out.
   */
  app.get('/me/sessions', async (c) => {
    const user = requireUser(c);
    const current = currentSessionId(c);
    const list = await sessions.listOf(user.id);
    return c.json({
      sessions: list.map((s) => ({ createdAt: iso(s.createdAt), lastUsedAt: iso(s.lastUsedAt), expiresAt: iso(s.expiresAt), current: s.id === current })),
    });
  });

  return app;
}
