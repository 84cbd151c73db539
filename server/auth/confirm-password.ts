/**
 * Re-authentication for what a stolen session must not do alone (OWASP ASVS 3.3.2/2.1.5:
 * changing the password, deleting the account): the current password, throttled like log-in
 * per (account, address) and per address (server/http/login-throttle.ts; shared by every
 * process on PostgreSQL), so a session cannot be used to guess the password either.
 */
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../context.js';
import { passwordHashOf, type UserRow } from '../db/users.js';
import { AppError } from '../errors.js';
import { clientAddress } from '../http/client-address.js';
import { rateLimited } from '../http/per-address-limit.js';
import { verifyPassword } from './passwords.js';

/** Resolves when `password` is the user's; else 400 `wrong-password`, 429 `rate-limited` or 503 `busy` (the hash gate), both with `Retry-After`. */
export async function confirmPassword(deps: Deps, c: Context<AppEnv>, user: UserRow, password: string): Promise<void> {
  const address = clientAddress(c, deps.config.trustProxy);
  const failures = deps.loginLimits.failures;
  const wait = await failures.retryAfter(user.email, address);
  if (wait > 0) throw rateLimited(wait, `För många försök med fel lösenord. Försök igen om ${wait} sekunder.`);
  const hash = await passwordHashOf(deps.kdb, user.id);
  // 400, not 401: the session is fine, only the password typed is wrong (a 401 would read as "signed out").
  if (!hash || !(await deps.loginLimits.hashing.run(() => verifyPassword(hash, password)))) {
    await failures.failed(user.email, address);
    throw new AppError(400, 'wrong-password', 'Lösenordet stämmer inte.');
  }
  await failures.succeeded(user.email, address);
}
