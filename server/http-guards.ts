/** Middleware every request passes: same-origin for changes, and a size limit on bodies. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, errorBody } from './errors.js';
import { requestHost } from './http/client-address.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests a browser sends from another origin (CSRF). Requests
 * without an Origin header come from non-browser clients, which carry no ambient cookie risk.
 */
export const sameOrigin = (trustProxy: boolean): MiddlewareHandler =>
  async function sameOrigin(c, next) {
    const origin = c.req.header('origin');
    if (!SAFE_METHODS.has(c.req.method) && origin !== undefined) {
      // Behind a trusted proxy, the host it appended last (a client can write its own first).
      const host = requestHost(c, trustProxy);
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
      if (originHost === null || originHost !== host) throw new AppError(403, 'origin', 'Begäran kommer från en annan webbplats och avvisades.');
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
