/**
 * Forwarding a websocket upgrade to the process that owns its document (issue 21 design
 * (b), docs/cluster.md). The load balancer routes by document (nginx `hash $document
 * consistent`), so forwarding is the exception: while a process restarts, or right after
 * the ring changed. The upgrade is passed on untouched — request line, headers, the bytes
 * already read — and the two sockets are then piped: the owner authenticates it exactly as
 * if the client had come to it directly, so no identity is ever vouched for between
 * processes. One hop only: a forwarded upgrade carries FORWARDED_HEADER, and a process that
 * gets one for a document it does not own answers 503 (the client retries) instead of
 * forwarding it on, so a stale owner address can never make a loop.
 */
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { writeRawAnswer } from '../http/raw-answer.js';

/** Marks an upgrade a process has passed on; its value is the forwarding process's address. */
export const FORWARDED_HEADER = 'x-samplan-forwarded';

/** How long the owner may take to accept the TCP connection before the client is told to retry. */
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * How long the owner may take to answer the upgrade once connected: a frozen owner (or one
 * whose machine is gone while PostgreSQL still shows its lease) accepts and never answers,
 * and the client, which has no deadline of its own, would wait for ever.
 */
const ANSWER_TIMEOUT_MS = 10_000;

/** How long the owner's last frames (its close frame) may take to reach a slow client after the owner ended the pipe. */
const FLUSH_MS = 5_000;

/** `host:port` → its parts; IPv6 hosts in brackets (`[::1]:3101`). */
export function parseAddress(address: string): { host: string; port: number } | null {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(address);
  const port = Number(match?.[3]);
  const host = match?.[1] ?? match?.[2];
  return host && port > 0 && port < 65_536 ? { host, port } : null;
}

/** The upgrade request as it arrived, plus the one-hop mark. */
function requestHead(request: IncomingMessage, from: string): string {
  const lines = [`${request.method ?? 'GET'} ${request.url ?? '/'} HTTP/${request.httpVersion}`];
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if ((raw[i] ?? '').toLowerCase() !== FORWARDED_HEADER) lines.push(`${raw[i]}: ${raw[i + 1]}`);
  }
  lines.push(`${FORWARDED_HEADER}: ${from}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** A 503 in place of the upgrade: the client's provider reconnects, and the owner will have changed or come up. */
export function answerRetry(socket: Duplex, processLine: string): void {
  writeRawAnswer(socket, { status: 503, code: 'draining', message: 'Dokumentet flyttar mellan servrar; anslut igen.', retryAfter: 1 }, processLine);
}

/**
 * Passes the upgrade `request` (its `socket` and the `head` bytes already read) on to the
 * process at `owner` and pipes both ways until either side closes. When the owner cannot
 * be reached, or gives no answer (not a byte in ANSWER_TIMEOUT_MS, or hangs up first), the
 * client gets a 503 Retry-After and retries. `from` is this process's address.
 * `pipes` holds the client's socket while it is piped, so a process that shuts down can
 * end them (`endPipes`): an upgraded socket keeps the HTTP server from closing.
 */
export function forwardUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, owner: string, from: string, processLine: string, pipes?: Set<Duplex>): void {
  const target = parseAddress(owner);
  if (!target) return answerRetry(socket, processLine);
  pipes?.add(socket);
  socket.once('close', () => pipes?.delete(socket));
  const upstream: Socket = connect({ host: target.host, port: target.port });
  let answered = false;
  upstream.setTimeout(CONNECT_TIMEOUT_MS, () => upstream.destroy(new Error('no answer')));
  upstream.once('connect', () => {
    upstream.setTimeout(ANSWER_TIMEOUT_MS);
    upstream.setNoDelay(true);
    upstream.write(requestHead(request, from));
    if (head.length > 0) upstream.write(head);
    upstream.once('data', () => {
      answered = true;
      upstream.setTimeout(0);
    });
    // Not ended by the pipe: an owner that hangs up before answering gets the client a 503 instead.
    upstream.pipe(socket, { end: false });
    socket.pipe(upstream);
  });
  // 'close' follows every 'error'; `on`, not `once`: an error without a listener would end the process.
  upstream.on('error', () => undefined);
  upstream.on('close', () => {
    if (socket.destroyed) return;
    if (!answered) return answerRetry(socket, processLine);
    // After the owner's last frames (a close frame among them): let them reach a slow client, then cut it.
    socket.end();
    setTimeout(() => socket.destroy(), FLUSH_MS).unref();
  });
  socket.on('error', () => upstream.destroy());
  socket.on('close', () => upstream.destroy());
}

/**
 * Ends every socket in `pipes` (and so its pipe to the owner). A pipe carries the owner's
 * websocket frames untouched, so no close frame can be put between them: the client sees
 * the connection drop (1006) and reconnects. A draining process first asks the owners to
 * close them 1012 (`Cluster.drain`); this cuts only what is left after that.
 */
export function endPipes(pipes: Set<Duplex>): void {
  for (const socket of [...pipes]) socket.destroy();
  pipes.clear();
}
