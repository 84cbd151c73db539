/** Middleware every request passes: same-origin for changes, and a size limit on bodies. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, errorBody } from './errors.js';
import { isOwnRequestOrigin, type OriginSettings } from './http/own-origin.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * `Sec-Fetch-Site` values that say a browser sent the request from a page of another site
 * (`same-site`: a sibling subdomain or another port is still another origin). The browser
 * sets the header itself, so a page cannot write it away.
 */
const OTHER_SITE = new Set(['cross-site', 'same-site']);
const FOREIGN = 'Begäran kommer från en annan webbplats och avvisades.';

/**
 * Refuses state-changing requests a browser sends from another origin (CSRF): 403 `origin`
 * when `Sec-Fetch-Site` is `cross-site` or `same-site` (with or without an Origin — red
 * team S9: a cross-site POST without Origin was accepted), or when an Origin is sent that is
 * not the app's own (http/own-origin.ts: PUBLIC_ORIGIN, else the request's host). Requests
 * with neither header come from non-browser clients (scripts, the CLI), which carry no
 * ambient cookie risk, and pass; so do GET/HEAD/OPTIONS.
 */
export const sameOrigin = (settings: OriginSettings): MiddlewareHandler =>
  async function sameOrigin(c, next) {
    if (!SAFE_METHODS.has(c.req.method)) {
      if (OTHER_SITE.has(c.req.header('sec-fetch-site')?.trim().toLowerCase() ?? '')) throw new AppError(403, 'origin', FOREIGN);
      const origin = c.req.header('origin');
      if (origin !== undefined && !isOwnRequestOrigin(c, origin, settings)) throw new AppError(403, 'origin', FOREIGN);
    }
    await next();
  };

export const limitBody = (maxSize: number): MiddlewareHandler =>
  bodyLimit({
    maxSize,
    // The rest of the body is never read, so the connection cannot carry another request:
    // say so, or a client's pool may reuse it and fail on the next request.
    onError: (c) => c.json(errorBody('too-large', `Begäran är för stor (högst ${Math.round(maxSize / 1024)} KiB).`), 413, { connection: 'close' }),
  });
