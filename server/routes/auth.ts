/** Sign-up, log-in, log-out and `/api/me` (DESIGN.md "HTTP API"). */
import { Hono } from 'hono';
import { z } from 'zod';
import { Limits } from '../../shared/limits.js';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords.js';
import { clearSessionCookie, requireUser, setSessionCookie } from '../auth/middleware.js';
import type { AppEnv, Deps } from '../context.js';
import { createUser, emailTaken, findUserByEmail } from '../db/users.js';
import { workspacesOf } from '../db/workspaces.js';
import { AppError } from '../errors.js';
import { addressKey, clientAddress } from '../http/client-address.js';
import { rateLimited } from '../http/per-address-limit.js';
import { EmailSchema, NameSchema, parseJson } from '../validation.js';

export const PasswordSchema = z
  .string()
  .min(Limits.minPasswordLength, `Lösenordet måste ha minst ${Limits.minPasswordLength} tecken.`)
  .max(Limits.maxPasswordLength);
const SignupSchema = z.strictObject({ email: EmailSchema, password: PasswordSchema, name: NameSchema });
// Any two strings are a credential to check: one that cannot be an account's (not an
// address, a password longer than any) is a bad credential like a wrong one, 401 (DESIGN).
const LoginSchema = z.strictObject({ email: z.string().trim().toLowerCase(), password: z.string() });

const BAD_CREDENTIALS = 'Fel e-postadress eller lösenord.';

export function authRoutes(deps: Deps) {
  const { kdb, clock, config, sessions, loginLimits } = deps;
  const app = new Hono<AppEnv>();

  /**
   * `POST /api/auth/signup {email, password, name}` → 201 `{user}` and the session cookie;
   * 403 `signup-closed`, 409 `email-taken`, 400 `validation`; 429 `rate-limited` with
   * `Retry-After` past SIGNUPS_PER_MINUTE from one address (counted in app.ts, before this
   * runs; DESIGN "Limits every boundary enforces").
   */
  app.post('/auth/signup', async (c) => {
    if (!config.signupOpen) throw new AppError(403, 'signup-closed', 'Registreringen är stängd. Be en samordnare om en inbjudan.');
    const input = await parseJson(c, SignupSchema);
    if (await findUserByEmail(kdb, input.email)) throw emailTaken();
    const passwordHash = await hashPassword(input.password);
    // No workspace is joined by email here: addresses are not verified, so only the holder
    // of an invitation link joins, by accepting it (DESIGN "Invitations are links").
    const user = await createUser(kdb, { email: input.email, name: input.name, passwordHash }, clock.now());
    setSessionCookie(c, await sessions.create(user.id), config);
    return c.json({ user }, 201);
  });

  /**
   * `POST /api/auth/login {email, password}` → 200 `{user}` and the session cookie; 401
   * `invalid-credentials` (one message for a wrong password and an unknown account); 429
   * `rate-limited` with `Retry-After` (seconds) while this address must wait — failures
   * count per (account, address) and per address, never per account alone, so a stranger's
   * failures never lock the owner out (DESIGN "Accounts, sessions, the browser boundary").
   */
  app.post('/auth/login', async (c) => {
    const input = await parseJson(c, LoginSchema);
    const address = clientAddress(c, config.trustProxy);
    const failures = loginLimits.failures;
    // A refusal by the failure throttle does not count as an attempt against the address.
    // Failures are counted per account as typed, cut to an address's length (bounded keys).
    const account = input.email.slice(0, Limits.maxEmailLength);
    const throttled = await failures.retryAfter(account, address);
    const wait = throttled > 0 ? throttled : await loginLimits.perIp.take(addressKey(address));
    if (wait > 0) throw rateLimited(wait, `För många inloggningsförsök. Försök igen om ${wait} sekunder.`);
    const found = await accountOf(deps, input.email, input.password);
    if (!found) {
      await failures.failed(account, address);
      throw new AppError(401, 'invalid-credentials', BAD_CREDENTIALS);
    }
    await failures.succeeded(account, address);
    setSessionCookie(c, await sessions.create(found.id), config);
    return c.json({ user: { id: found.id, email: found.email, name: found.name } });
  });

  /**
   * `POST /api/auth/logout` → 204, cookie cleared: the session ends and every socket it
   * opened closes with 4401 at once (DESIGN "Accounts, sessions"). 401 without a session.
   */
  app.post('/auth/logout', async (c) => {
    requireUser(c);
    const token = c.get('sessionToken');
    if (token) deps.sockets.closeSession(await sessions.invalidate(token));
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  /**
   * `GET /api/me` → `{user, workspaces: [{id, name, role, country}]}` (DESIGN's shape plus
   * `country`, "SE" or "NO": README "Contract notes"); 401 signed out.
   */
  app.get('/me', async (c) => {
    const user = requireUser(c);
    const workspaces = (await workspacesOf(kdb, user.id)).map(({ id, name, role, country }) => ({ id, name, role, country }));
    return c.json({ user, workspaces });
  });

  return app;
}

/**
 * The account `email` and `password` are, or undefined: at once for an address no account
 * can have or a password longer than any (never hashed: its cost is bounded), after a decoy
 * hash for an unknown account, so that answer takes as long as a wrong password's.
 */
async function accountOf({ kdb }: Pick<Deps, 'kdb'>, email: string, password: string) {
  if (!EmailSchema.safeParse(email).success || password.length > Limits.maxPasswordLength) return undefined;
  const found = await findUserByEmail(kdb, email);
  const ok = await verifyPassword(found?.passwordHash ?? (await decoyHash()), password);
  return ok ? found : undefined;
}
