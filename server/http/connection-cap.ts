/**
 * Open TCP connections per client address, and how long one may take to send its request's
 * headers (red team X15, critical: one anonymous client held 20 000 idle connections, each
 * opened again when Node closed it after 60–90 s; the process ran out of file descriptors
 * and every new visitor's connection was reset). Behind `TRUST_PROXY` every connection comes
 * from the proxy, which bounds its clients itself (docs/deploy.md: nginx `limit_conn`), so the
 * per-address cap is off; the header timeout and a process-wide ceiling always hold.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { addressKey } from './client-address.js';

export interface ConnectionLimits {
  /** Open connections one address (an IPv6 /64) may hold; past it a new one is closed at once. */
  openConnectionsPerAddress: number;
  /** Milliseconds a connection may take to send a request's headers (Node's `headersTimeout`). */
  headersTimeoutMs: number;
  trustProxy: boolean;
}

/**
 * Connections the process holds at most (Node's `maxConnections`): below the usual 20 000
 * file descriptors, so the database, logs and the export threads always have theirs.
 */
export const MAX_CONNECTIONS = 16_000;

/** Node's server options for the header timeout: checked often enough to act on it in time. */
export function timeoutOptions(limits: Pick<ConnectionLimits, 'headersTimeoutMs'>): { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number } {
  const headersTimeout = limits.headersTimeoutMs;
  // A request's whole body (an import of 5 MiB on a slow line) may take longer than its headers.
  return { headersTimeout, requestTimeout: Math.max(headersTimeout, 300_000), connectionsCheckingInterval: Math.min(5_000, Math.max(250, Math.floor(headersTimeout / 2))) };
}

/**
 * Closes each new connection of `server` whose address already holds
 * `openConnectionsPerAddress` (unless behind a trusted proxy), and caps the process's connections.
 */
export function capConnections(server: Server, limits: ConnectionLimits): void {
  server.maxConnections = MAX_CONNECTIONS;
  if (limits.trustProxy) return;
  const held = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const key = addressKey(socket.remoteAddress ?? 'unknown');
    const count = held.get(key) ?? 0;
    if (count >= limits.openConnectionsPerAddress) {
      socket.destroy();
      return;
    }
    held.set(key, count + 1);
    socket.once('close', () => {
      const left = (held.get(key) ?? 1) - 1;
      if (left > 0) held.set(key, left);
      else held.delete(key);
    });
  });
}
