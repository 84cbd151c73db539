/**
 * Helpers for tests of sessions that end (issue 16 item 2): one person signed in on
 * several devices, each with an open document socket, and a deterministic check of
 * whether a socket is still served.
 */
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { ApiClient, email, newDocument } from './api.js';
import { openRaw, type RawSocket } from './raw-socket.js';

export const PASSWORD = 'lösenord-123';

export interface Device {
  api: ApiClient;
  socket: RawSocket;
}

/** A person with a document, signed in on `devices` devices (separate sessions), each with a socket open on it. */
export async function personOnDevices(baseUrl: string, devices: number): Promise<{ documentId: string; email: string; userId: string; devices: Device[] }> {
  const first = await newDocument(baseUrl, 'enheter', 'action-plan', 'Plan');
  const me = await first.api.json<{ user: { id: string; email: string } }>('GET', '/api/me', undefined, 200);
  const apis = [first.api];
  for (let i = 1; i < devices; i++) {
    const api = new ApiClient(baseUrl);
    await api.json('POST', '/api/auth/login', { email: me.user.email, password: PASSWORD }, 200);
    apis.push(api);
  }
  const opened = await Promise.all(apis.map(async (api) => ({ api, socket: await openRaw(baseUrl, first.id, api.sessionCookie) })));
  return { documentId: first.id, email: me.user.email, userId: me.user.id, devices: opened };
}

/** A socket opened with a websocket ticket (no cookie), as a non-browser client does. */
export async function openWithTicket(baseUrl: string, api: ApiClient, documentId: string): Promise<RawSocket> {
  const { ticket } = await api.json<{ ticket: string }>('POST', `/api/documents/${documentId}/ticket`, undefined, 200);
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws/${documentId}?ticket=${encodeURIComponent(ticket)}`);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, closed, received };
}

/** A sync step 1 with an empty state vector: every server answers it with a step 2. */
function syncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, new Uint8Array([0]));
  return encoding.toUint8Array(encoder);
}

const isStep2 = (message: Uint8Array) => message[0] === 0 && message[1] === 1;

/**
 * Whether the server still serves `socket`: it is asked for the document and either answers
 * with a sync step 2 (true) or has closed it (the close code). No timing: a server that
 * closed the socket before this is called never answers it, and one that did not answers.
 */
export function stillServed(socket: RawSocket): Promise<true | number> {
  if (socket.ws.readyState !== WebSocket.OPEN) return socket.closed;
  const answered = () => socket.received.filter(isStep2).length;
  const before = answered();
  return new Promise((resolve) => {
    // Registered after openRaw's listener, so `received` already holds the message.
    const onMessage = () => {
      if (answered() === before) return;
      socket.ws.off('message', onMessage);
      resolve(true);
    };
    socket.ws.on('message', onMessage);
    void socket.closed.then(resolve);
    socket.ws.send(syncStep1());
  });
}

/** A fresh unique address, for tests that need one. */
export { email };
