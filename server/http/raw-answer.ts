/**
 * An HTTP answer written straight to a socket, where no Hono route runs: what Node's parser
 * refuses (client-errors.ts) and an upgrade refused or not passed on (sync/websocket.ts,
 * cluster/forward-upgrade.ts). It carries what every answer of the app carries (DESIGN
 * "Accounts, sessions, the browser boundary": security headers on every response; "Many
 * processes": `X-Samplan-Process`) and the API's error shape, then closes the connection.
 */
import type { Duplex } from 'node:stream';
import { errorBody } from '../errors.js';
import { PROCESS_HEADER } from './readiness.js';

/**
 * The security headers of security-headers.ts for an answer that is only a JSON error: the
 * same policy, `connect-src 'self'` (no Host is read here), no HSTS (the scheme is unknown).
 */
const SECURITY_LINES = [
  "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options: nosniff',
  'Referrer-Policy: no-referrer',
  'X-Frame-Options: DENY',
];

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  503: 'Service Unavailable',
};

export interface RawAnswer {
  status: number;
  code: string;
  message: string;
  /** Seconds for `Retry-After`, when the client should ask again. */
  retryAfter?: number;
}

/** The `X-Samplan-Process: <name>` line of process `processName`. */
export const processLineOf = (processName: string): string => `${PROCESS_HEADER}: ${processName}`;

/** `answer` as a whole HTTP/1.1 response carrying `processLine` (`processLineOf`), ending the socket. */
export function writeRawAnswer(socket: Duplex, answer: RawAnswer, processLine: string): void {
  const body = JSON.stringify(errorBody(answer.code, answer.message));
  const head = [
    `HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? 'Error'}`,
    'Connection: close',
    processLine,
    ...SECURITY_LINES,
    ...(answer.retryAfter === undefined ? [] : [`Retry-After: ${answer.retryAfter}`]),
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}
