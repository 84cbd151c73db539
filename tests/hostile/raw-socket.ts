/**
 * An attacker's socket: `ws` speaking the y-websocket wire format by hand
 * (server/sync/protocol.ts), with what it saw (the close code, bytes received).
 */
import type { Socket } from 'node:net';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

export const MessageType = { Sync: 0, Awareness: 1, QueryAwareness: 3 } as const;
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const;

export interface RawSocket {
  ws: WebSocket;
  /** Resolves with the close code (1006 when the connection just ended). */
  closed: Promise<number>;
  /** The close code once closed, else null. */
  code(): number | null;
  /** The HTTP status when the upgrade was refused (429, 403 …), else null. */
  refusedWith(): number | null;
  /** Stops reading: the kernel's buffers fill and the server's sends queue up. */
  stopReading(): void;
  resumeReading(): void;
  /** Sends while the socket is open; false once it is not. */
  send(message: Uint8Array): boolean;
}

/** Opens a socket to `/ws/<documentId>` with the session cookie and the app's Origin. */
export function openRaw(baseUrl: string, documentId: string, cookie: string): RawSocket {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws/${documentId}`, {
    headers: { cookie, origin: new URL(baseUrl).origin },
    perMessageDeflate: false,
    maxPayload: 512 * 1024 * 1024,
  });
  let code: number | null = null;
  let refused: number | null = null;
  ws.on('error', () => undefined);
  ws.on('unexpected-response', (_request, response) => {
    refused = response.statusCode ?? 0;
    response.resume();
    ws.terminate();
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (c: number) => resolve((code = c))));
  const socket = () => (ws as unknown as { _socket?: Socket })._socket;
  return {
    ws,
    closed,
    code: () => code,
    refusedWith: () => refused,
    stopReading: () => socket()?.pause(),
    resumeReading: () => socket()?.resume(),
    send: (message) => {
      if (ws.readyState !== WebSocket.OPEN) return false;
      ws.send(message);
      return true;
    },
  };
}

export function opened(socket: RawSocket, timeoutMs = 10_000): Promise<boolean> {
  if (socket.ws.readyState === WebSocket.OPEN) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    socket.ws.once('open', () => (clearTimeout(timer), resolve(true)));
    socket.ws.once('close', () => (clearTimeout(timer), resolve(false)));
  });
}

/** Waits up to `ms` for the socket to close; its code, or 'open' if it never did. */
export async function closeCodeWithin(socket: RawSocket, ms: number): Promise<number | 'open'> {
  const timeout = new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), ms).unref());
  return Promise.race([socket.closed, timeout]);
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, payload);
  });
}

export const queryAwarenessMessage = (): Uint8Array => message((e) => encoding.writeVarUint(e, MessageType.QueryAwareness));

/** An awareness message with one client's state as JSON text. */
export function awarenessMessage(clientId: number, clock: number, state: string): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MessageType.Awareness);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, state);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  });
}

/** A state vector of `entries` made-up clients (the integration tests' own builder). */
export { stateVectorOf as stateVector } from '../support/raw-socket.js';

/** Resolves after `ms`, or at once when `ms` ≤ 0. */
export const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Gives the event loop a turn, so that the harness's own timers (the bystanders) run. */
export const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
