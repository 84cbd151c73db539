/**
 * Who is asking, and over what: the client's address, scheme and host, read the one way
 * every limit, cookie and Origin check in Samplan must read them (DESIGN "Accounts,
 * sessions, the browser boundary": behind `TRUST_PROXY` the client address is the entry
 * the proxy appended, never one the client wrote).
 *
 * A client can send `X-Forwarded-For: <anything>` itself; a proxy such as nginx
 * (`$proxy_add_x_forwarded_for`) or Caddy appends the address it saw to whatever came in.
 * So only the rightmost entry is the proxy's word; the leftmost is the client's. The same
 * holds for `X-Forwarded-Proto` and `X-Forwarded-Host` when a client sends its own.
 */
import { isIP } from 'node:net';
import type { Context } from 'hono';

/** Request headers as Node's `IncomingMessage.headers` or a plain record hold them. */
export type RawHeaders = Record<string, string | string[] | undefined>;

/** The last entry of a comma-separated header, over repeated header lines too. */
export function lastEntry(value: string | string[] | undefined): string | undefined {
  const joined = Array.isArray(value) ? value.join(',') : value;
  if (joined === undefined) return undefined;
  const entries = joined.split(',').map((entry) => entry.trim());
  const last = entries[entries.length - 1];
  return last ? last : undefined;
}

/** `1.2.3.4:5678`, `[::1]:80`, `"[::1]"` → the bare address; null when it is none. */
function bareAddress(entry: string): string | null {
  const unquoted = entry.replace(/^"|"$/g, '');
  if (isIP(unquoted)) return unquoted;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(unquoted);
  if (bracketed?.[1] && isIP(bracketed[1])) return bracketed[1];
  const withPort = /^([^:]+):\d+$/.exec(unquoted);
  if (withPort?.[1] && isIP(withPort[1]) === 4) return withPort[1];
  return null;
}

/**
 * The client's address from raw headers and the socket's peer address — for the
 * websocket upgrade (`IncomingMessage`), where there is no Hono context.
 * With `trustProxy`, the rightmost well-formed `X-Forwarded-For` entry; otherwise (or
 * when the proxy sent none) the socket's address; `"unknown"` when neither is known.
 * @example clientAddressOf(request.headers, request.socket.remoteAddress, config.trustProxy)
 */
export function clientAddressOf(headers: RawHeaders, remoteAddress: string | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = lastEntry(headers['x-forwarded-for']);
    const address = forwarded ? bareAddress(forwarded) : null;
    if (address) return address;
  }
  return remoteAddress ?? 'unknown';
}

/** The socket's peer address of a request served by @hono/node-server (undefined in-process). */
function socketAddress(c: Context): string | undefined {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  const incoming = env.incoming as { socket?: { remoteAddress?: string } } | undefined;
  return incoming?.socket?.remoteAddress;
}

/** A Hono request's headers as a record of lower-case names, as Node gives them. */
function headersOf(c: Context): RawHeaders {
  return c.req.header();
}

/**
 * The client's address of an HTTP request (see `clientAddressOf`).
 * @example const ip = clientAddress(c, deps.config.trustProxy)
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  return clientAddressOf(headersOf(c), socketAddress(c), trustProxy);
}

/** `https` or `http` as the browser used it: the proxy's last `X-Forwarded-Proto` when trusted. */
export function requestSchemeOf(headers: RawHeaders, ownScheme: 'http' | 'https', trustProxy: boolean): 'http' | 'https' {
  if (ownScheme === 'https' || !trustProxy) return ownScheme;
  return lastEntry(headers['x-forwarded-proto'])?.toLowerCase() === 'https' ? 'https' : 'http';
}

/** The host the browser addressed: the proxy's last `X-Forwarded-Host` when trusted, else `Host`. */
export function requestHostOf(headers: RawHeaders, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? lastEntry(headers['x-forwarded-host']) : undefined;
  return forwarded ?? lastEntry(headers.host);
}

/** `requestSchemeOf` for a Hono request. */
export function requestScheme(c: Context, trustProxy: boolean): 'http' | 'https' {
  const own = new URL(c.req.url).protocol === 'https:' ? 'https' : 'http';
  return requestSchemeOf(headersOf(c), own, trustProxy);
}

/** `requestHostOf` for a Hono request. */
export function requestHost(c: Context, trustProxy: boolean): string | undefined {
  return requestHostOf(headersOf(c), trustProxy);
}

/**
 * The key a per-address limit counts under: an IPv4 address as is (also when written as
 * `::ffff:a.b.c.d`), an IPv6 address by its /64 — one subscriber gets a whole /64, so
 * counting single IPv6 addresses would give one attacker 2^64 fresh allowances.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
