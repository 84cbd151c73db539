/**
 * The app's own origin, the one every cookie-carrying change and websocket upgrade must come
 * from (DESIGN "Accounts, sessions, the browser boundary") and every link the server writes
 * names. With `PUBLIC_ORIGIN` set it is that, and a request's `Host` never decides it: a page
 * whose own name was rebound to the server's address (DNS rebinding) sends its own origin
 * with a `Host` to match, and a Host of a client's choosing would go into the invitation link
 * the server mails (red team x14). Unset (a laptop, the demo), it is the scheme and host the
 * request came with (http/client-address.ts, behind `TRUST_PROXY` the proxy's word).
 */
import type { Context } from 'hono';
import { requestHost, requestHostOf, requestScheme, requestSchemeOf, type RawHeaders } from './client-address.js';

/** What decides the app's origin (server/config.ts). */
export interface OriginSettings {
  trustProxy: boolean;
  /** `https://host[:port]` or null: the request's own. */
  publicOrigin: string | null;
}

/** A host name, IPv4 address or bracketed IPv6 address with an optional port: all a link may carry. */
const PLAIN_HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** Whether `value` is an http(s) origin and nothing more (a trailing `/` aside): PUBLIC_ORIGIN's form. */
export function isPlainOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    const plain = !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash && !value.includes('?') && !value.includes('#');
    return (url.protocol === 'https:' || url.protocol === 'http:') && plain;
  } catch {
    return false;
  }
}

/** The origin an `Origin` header names (`null` and non-URLs: null). */
export function originOf(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The app's origin for an upgrade's raw headers: PUBLIC_ORIGIN, else `scheme://host` of the
 * request (`ownScheme`: how the server itself listens); null when the request names no host.
 */
export function ownOriginOf(headers: RawHeaders, ownScheme: 'http' | 'https', settings: OriginSettings): string | null {
  if (settings.publicOrigin !== null) return settings.publicOrigin;
  const host = requestHostOf(headers, settings.trustProxy);
  return host ? originOf(`${requestSchemeOf(headers, ownScheme, settings.trustProxy)}://${host}`) : null;
}

/**
 * Whether an `Origin` header of a state-changing request names the app: PUBLIC_ORIGIN
 * exactly, or unset, the request's host (the scheme may differ behind a proxy that does
 * not say it terminated TLS).
 */
export function isOwnRequestOrigin(c: Context, origin: string, settings: OriginSettings): boolean {
  if (settings.publicOrigin !== null) return originOf(origin) === settings.publicOrigin;
  const named = originOf(origin);
  return named !== null && new URL(named).host === requestHost(c, settings.trustProxy);
}

/**
 * The origin for absolute links (invitations, share links): PUBLIC_ORIGIN, else the
 * request's scheme and host — its own URL's host when the Host header is not a plain host.
 */
export function linkOrigin(c: Context, settings: OriginSettings): string {
  if (settings.publicOrigin !== null) return settings.publicOrigin;
  const host = requestHost(c, settings.trustProxy);
  return `${requestScheme(c, settings.trustProxy)}://${host && PLAIN_HOST.test(host) ? host : new URL(c.req.url).host}`;
}
