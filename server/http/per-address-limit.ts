/** A request limit per client address, as middleware (DESIGN "Limits every boundary enforces"). */
import type { MiddlewareHandler } from 'hono';
import type { AddressLimiter } from './shared-limit.js';
import { AppError } from '../errors.js';
import { addressKey, clientAddress } from './client-address.js';

/** The 429 every limit answers: code `rate-limited`, and when to try again. */
export function rateLimited(seconds: number, message = `För många förfrågningar. Försök igen om ${seconds} sekunder.`): AppError {
  return new AppError(429, 'rate-limited', message, { 'Retry-After': String(seconds) });
}

/**
 * Counts each request against `limiter` (in memory, or shared by every process: shared-limit.ts) under the client's address (behind `trustProxy`,
 * the proxy's; an IPv6 client by its /64) before any other work is done for it; past the
 * limit: 429 `rate-limited` with `Retry-After` (seconds).
 * @example api.use('/auth/signup', perAddressLimit(deps.requestLimits.signup, deps.config.trustProxy))
 */
export const perAddressLimit = (limiter: AddressLimiter, trustProxy: boolean, methods: readonly string[] = ['POST']): MiddlewareHandler =>
  async function perAddressLimit(c, next) {
    if (methods.includes(c.req.method)) {
      const wait = await limiter.take(addressKey(clientAddress(c, trustProxy)));
      if (wait > 0) throw rateLimited(wait);
    }
    await next();
  };
