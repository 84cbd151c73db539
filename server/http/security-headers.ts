/**
 * Security headers on every response — HTML, API JSON, static assets, errors and 404s
 * (DESIGN "Accounts, sessions, the browser boundary"), through Hono's own `secureHeaders`.
 *
 * - CSP: scripts only from this origin (the built client has no inline script); styles
 *   also inline, because CodeMirror injects its theme as `<style>` elements and Solid
 *   writes `style` attributes; `connect-src` names this origin's websocket explicitly
 *   (older browsers do not count ws:/wss: as 'self'); `frame-ancestors 'none'` and
 *   `X-Frame-Options: DENY`, so no other site can frame the signed-in UI.
 * - `Referrer-Policy: no-referrer`: share links carry their secret in the path.
 * - `X-Content-Type-Options: nosniff`.
 * - HSTS only when the browser came over https (itself, or the proxy's last
 *   `X-Forwarded-Proto` with TRUST_PROXY): sent over plain http it would be ignored at
 *   best, and on a loopback dev server it would pin `localhost` to https.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { requestHost, requestScheme } from './client-address.js';

/** What a Host header may hold to be written into the CSP (no `;`, quotes or spaces). */
const PLAIN_HOST = /^[A-Za-z0-9.\-:[\]]{1,255}$/;

/** `wss://host` (or `ws://`) of this very request, for `connect-src`. */
function websocketOrigin(trustProxy: boolean) {
  return (c: Context): string => {
    const host = requestHost(c, trustProxy);
    if (!host || !PLAIN_HOST.test(host)) return "'self'";
    return `${requestScheme(c, trustProxy) === 'https' ? 'wss' : 'ws'}://${host}`;
  };
}

function headersFor(trustProxy: boolean, https: boolean): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", websocketOrigin(trustProxy)],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: true,
    strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
  });
}

/**
 * The headers above for every response of the app; mount it first, so that errors and
 * not-found answers of every route get them too.
 * @example app.use(securityHeaders(deps.config.trustProxy))
 */
export const securityHeaders = (trustProxy: boolean): MiddlewareHandler => {
  const overHttp = headersFor(trustProxy, false);
  const overHttps = headersFor(trustProxy, true);
  return async function securityHeaders(c, next) {
    return requestScheme(c, trustProxy) === 'https' ? overHttps(c, next) : overHttp(c, next);
  };
};
