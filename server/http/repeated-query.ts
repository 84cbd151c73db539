/**
 * One value per query parameter (README "Contract notes"): `?currency=SEK&currency=NOK` on
 * an import silently took the first, so a script that built the address wrongly got a plan
 * in a currency it did not mean. Every route reads each parameter as one value, so a
 * parameter given twice with different values is refused at the API's boundary, before any
 * route, alike everywhere; the same value twice reads as once.
 */
import type { MiddlewareHandler } from 'hono';
import { invalid } from '../errors.js';

/** Longest parameter name quoted back in the message (the request line may hold 64 KiB). */
const MAX_QUOTED = 100;

/** The first parameter `params` gives twice with different values, or null when none. */
export function conflictingParameter(params: URLSearchParams): string | null {
  const first = new Map<string, string>();
  for (const [name, value] of params) {
    const seen = first.get(name);
    if (seen === undefined) first.set(name, value);
    else if (seen !== value) return name;
  }
  return null;
}

/**
 * Hono middleware for the API: 400 `validation` ("currency: anges flera gånger med olika
 * värden; ange ett.") when a query parameter is repeated with different values.
 */
export function refuseRepeatedQuery(): MiddlewareHandler {
  return async (c, next) => {
    const query = c.req.url.indexOf('?');
    const name = query < 0 ? null : conflictingParameter(new URLSearchParams(c.req.url.slice(query + 1).split('#')[0]));
    if (name !== null) throw invalid(`${[...name].slice(0, MAX_QUOTED).join('')}: anges flera gånger med olika värden; ange ett.`);
    await next();
  };
}
