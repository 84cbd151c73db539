/**
 * `/ws/:docId`: authenticates the upgrade (session cookie or single-use ticket), checks
 * membership, then speaks y-websocket with the document's room. One bad socket never
 * affects another.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { parse as parseCookie } from 'hono/utils/cookie';
import { SESSION_COOKIE } from '../auth/sessions.js';
import type { Deps } from '../context.js';
import { findDocument } from '../db/documents.js';
import { roleOf } from '../db/workspaces.js';
import type { Role } from '../../shared/roles.js';
import { CloseCode } from './close-codes.js';
import { SocketClient } from './socket-client.js';

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
  // Our own set of clients rather than `ws`'s tracking, which adds a listener per socket.
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.config.maxMessageBytes, perMessageDeflate: false, clientTracking: false });
  const clients = new Set<SocketClient>();
  const forget = (client: SocketClient) => clients.delete(client);
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
          // From here `ws` handles the socket's errors (and destroys it) itself.
          socket.off('error', destroySocket);
          // Refusals are close codes, since browsers cannot read the status of a failed upgrade.
          if (!admission.ok) return ws.close(admission.close.code, admission.close.reason);
          const { userId, role, documentId } = admission;
          const client = new SocketClient(ws, socket, { id: ++serial, userId, role, rooms: deps.rooms, now: deps.clock.now(), onClose: forget });
          clients.add(client);
          client.start(documentId);
        });
      });
  });

  return {
    close: () => {
      for (const client of clients) client.close(CloseCode.GoingAway);
      wss.close();
    },
    connections: () => clients.size,
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
