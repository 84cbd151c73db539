/**
 * `/ws/:docId`: authenticates the upgrade (session cookie or single-use ticket), checks
 * membership, then speaks y-websocket with the document's room. One bad socket never
 * affects another.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { parse as parseCookie } from 'hono/utils/cookie';
import { SESSION_COOKIE } from '../auth/sessions.js';
import type { Deps } from '../context.js';
import { findDocument } from '../db/documents.js';
import { roleOf } from '../db/workspaces.js';
import type { Role } from '../../shared/roles.js';
import { CloseCode } from './close-codes.js';
import type { RoomClient } from './client.js';
import type { Room } from './room.js';

const PING_INTERVAL_MS = 30_000;

type Admission = { ok: true; userId: string; role: Role; documentId: string } | { ok: false; close: CloseCode };

async function admit(deps: Deps, request: IncomingMessage): Promise<Admission> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const documentId = decodeURIComponent(url.pathname.slice('/ws/'.length));
  let userId: string | null = null;
  const ticket = url.searchParams.get('ticket');
  if (ticket) userId = deps.tickets.redeem(ticket, documentId, deps.clock.now());
  if (!userId) {
    const token = parseCookie(request.headers.cookie ?? '', SESSION_COOKIE)[SESSION_COOKIE];
    userId = token ? ((await deps.sessions.validate(token))?.userId ?? null) : null;
  }
  if (!userId) return { ok: false, close: CloseCode.Unauthorized };
  const document = findDocument(deps.db, documentId);
  if (!document) return { ok: false, close: CloseCode.NotFound };
  const role = roleOf(deps.db, document.workspaceId, userId);
  if (!role) return { ok: false, close: CloseCode.Forbidden };
  return { ok: true, userId, role, documentId };
}

export function attachWebsocket(server: Server, deps: Deps): { close(): void; connections(): number } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.config.maxMessageBytes, perMessageDeflate: false });
  let serial = 0;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!(request.url ?? '').startsWith('/ws/')) {
      socket.destroy();
      return;
    }
    socket.on('error', destroySocket);
    admit(deps, request)
      .catch((): Admission => ({ ok: false, close: CloseCode.LoadFailed }))
      .then((admission) => {
        wss.handleUpgrade(request, socket, head, (ws) => {
          // Refusals are close codes, since browsers cannot read the status of a failed upgrade.
          if (!admission.ok) ws.close(admission.close.code, admission.close.reason);
          else connect(ws, socket, admission, ++serial);
        });
      });
  });

  function connect(ws: WebSocket, socket: Duplex, admission: Extract<Admission, { ok: true }>, id: number): void {
    const client: RoomClient = {
      id,
      userId: admission.userId,
      role: admission.role,
      awarenessIds: new Set(),
      awarenessBudget: { tokens: 20, refilledAt: deps.clock.now() },
      // Frames go straight to the socket `ws` speaks on: `ws` writes each of its own
      // frames in one synchronous call, so the two never interleave, and nothing is
      // written once `ws` has begun closing.
      send: (message, written) => {
        if (ws.readyState === ws.OPEN && socket.writable) socket.write(message, written);
        else written?.();
      },
      close: (code) => ws.close(code.code, code.reason),
    };
    let room: Room | null = null;
    let closed = false;
    const backlog: Uint8Array[] = [];
    let alive = true;
    const ping = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, PING_INTERVAL_MS);

    ws.on('pong', () => (alive = true));
    ws.on('error', () => undefined); // `ws` closes the socket itself (1009 for oversized frames).
    ws.on('message', (data, isBinary) => {
      alive = true;
      if (!isBinary) return client.close(CloseCode.InvalidMessage);
      const bytes = toBytes(data);
      if (room) room.receive(client, bytes);
      else backlog.push(bytes);
    });
    ws.on('close', () => {
      closed = true;
      clearInterval(ping);
      if (room) deps.rooms.leave(room, client);
    });

    deps.rooms
      .join(admission.documentId, client)
      .then((joined) => {
        if (closed) return deps.rooms.leave(joined, client);
        room = joined;
        for (const bytes of backlog.splice(0)) joined.receive(client, bytes);
      })
      .catch((error: unknown) => {
        console.error(`Could not load document ${admission.documentId}`, error);
        client.close(CloseCode.LoadFailed);
      });
  }

  return {
    close: () => {
      for (const ws of wss.clients) ws.close(CloseCode.GoingAway.code, CloseCode.GoingAway.reason);
      wss.close();
    },
    connections: () => wss.clients.size,
  };
}

/**
 * A named function, not an arrow in the upgrade handler: an arrow there would share that
 * handler's scope, and keep the upgrade request (headers, parser state; ~1 KB) alive for
 * as long as the socket is open.
 */
function destroySocket(this: Duplex): void {
  this.destroy();
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
