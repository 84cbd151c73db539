/**
 * No NUL character (`%00`) in an address (docs/database.md "SQLite and PostgreSQL
 * differences"): PostgreSQL refuses NUL in every text parameter ("invalid byte sequence for
 * encoding UTF8: 0x00"), so an id or token with one that reached a lookup answered 500 there
 * and 404 on SQLite. No id, token or query value the app makes holds one, so it is refused
 * at the boundary, before any lookup, alike on both.
 */
import type { MiddlewareHandler } from 'hono';
import { invalid } from '../errors.js';

/** Whether the request target (path and query, as sent: percent-encoded) holds a NUL. */
export function hasNulInUrl(target: string): boolean {
  return target.includes('%00') || target.includes('\u0000');
}

/**
 * Hono middleware for the API: 400 `validation` ("Adressen innehåller ett NUL-tecken …")
 * when the request's address holds a NUL; otherwise on to the routes.
 */
export function refuseNulInUrl(): MiddlewareHandler {
  return async (c, next) => {
    if (hasNulInUrl(c.req.url)) throw invalid('Adressen innehåller ett NUL-tecken (%00), som ingen länk i Samplan har.');
    await next();
  };
}
