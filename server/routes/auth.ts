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
    const passwordHash = await loginLimits.hashing.run(() => hashPassword(input.password));
    // No workspace is joined by email here: addresses are not verified, so only the holder
    // of an invitation link joins, by accepting it (DESIGN "Invitations are links").
    const user = await createUser(kdb, { email: input.email, name: input.name, passwordHash }, clock.now());
    setSessionCookie(c, await sessions.create(user.id), config);
    return c.json({ user }, 201);
  });

  /**
   * `POST /api/auth/login {email, password}` → 200 `{user}` and the session cookie; 401
   * `invalid-credentials` (wrong password and unknown account alike); 429 `rate-limited` or
   * 503 `busy` with `Retry-After` (seconds) within the limits of `throttledCheck`, where
   * neither a stranger's failures nor someone else's log-ins lock the owner out (DESIGN).
   */
  app.post('/auth/login', async (c) => {
    const input = await parseJson(c, LoginSchema);
    // Counted per account as typed, cut to an address's length (bounded keys).
    const account = input.email.slice(0, Limits.maxEmailLength);
    const found = await throttledCheck(deps, account, clientAddress(c, config.trustProxy), () => accountOf(deps, input.email, input.password));
    if (!found) throw new AppError(401, 'invalid-credentials', BAD_CREDENTIALS);
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
 * Runs `check` (one password hash: `accountOf`) for `account` from `address` within the
 * log-in limits, and counts its outcome. Refused before anything is hashed: 429 while the
 * failure throttle makes the pair or the address wait (refusals count nothing), past the
 * attempts per (account, address) and minute, or past the address's attempts; 503 `busy`
 * from the hash gate. The address's attempt is given back when the password is right (or
 * nothing was hashed): only failures use up what everyone behind that address shares.
 */
async function throttledCheck<T>(deps: Deps, account: string, address: string, check: () => Promise<T | undefined>): Promise<T | undefined> {
  const { failures, perIp, perAccount, hashing } = deps.loginLimits;
  const key = addressKey(address);
  const throttled = await failures.retryAfter(account, address);
  const pairWait = throttled > 0 ? throttled : await perAccount.take(JSON.stringify([account, key]));
  const takenAt = deps.clock.now();
  const wait = pairWait > 0 ? pairWait : await perIp.take(key);
  if (wait > 0) throw rateLimited(wait, `För många inloggningsförsök. Försök igen om ${wait} sekunder.`);
  let found: T | undefined;
  try {
    found = await hashing.run(check);
  } catch (error) {
    await perIp.refund(key, takenAt);
    throw error;
  }
  if (!found) {
    await failures.failed(account, address);
    return undefined;
  }
  await perIp.refund(key, takenAt);
  await failures.succeeded(account, address);
  return found;
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
