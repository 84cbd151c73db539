/**
 * `/ws/:docId`: authenticates the upgrade (session cookie or single-use ticket), checks
 * membership, then speaks y-websocket with the document's room. One bad socket never
 * affects another.
 *
 * Refusals a browser page could abuse are HTTP answers before the upgrade (DESIGN
 * "Accounts": a cookie upgrade from another origin is 403; DESIGN "Limits": past the
 * connections per user or address, 429). The rest are close codes (4401/4403/4404),
 * since browsers cannot read the status of a failed upgrade. A non-member gets 4404 whether
 * or not the document exists (docs/security.md "What a non-member learns").
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { parse as parseCookie } from 'hono/utils/cookie';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { hashToken } from '../auth/tokens.js';
import { FORWARDED_HEADER } from '../cluster/forward-upgrade.js';
import type { Deps } from '../context.js';
import { findDocument } from '../db/documents.js';
import { findUserById } from '../db/users.js';
import { roleOf } from '../db/workspaces.js';
import { addressKey, clientAddressOf } from '../http/client-address.js';
import { originOf, ownOriginOf, type OriginSettings } from '../http/own-origin.js';
import { hasNulInUrl } from '../http/nul-in-url.js';
import { processLineOf, writeRawAnswer } from '../http/raw-answer.js';
import type { Role } from '../../shared/roles.js';
import { CloseCode } from './close-codes.js';
import { LiveSockets } from './live-sockets.js';
import { SocketClient } from './socket-client.js';
import { admitShareToken } from '../share/access.js';
import { conflictingParameter } from '../http/repeated-query.js';

interface Admitted {
  ok: true;
  userId: string;
  userName: string;
  sessionId: string | null;
  role: Role;
  documentId: string;
  /** Set for a guest's socket opened with `?share=<token>`. */
  shareLinkId: string | null;
}
type Refusal = { ok: false; status: 403 | 429 | 503; code: string; message: string };
type Admission = Admitted | { ok: false; close: CloseCode } | Refusal;

const FOREIGN_ORIGIN = { ok: false, status: 403, code: 'origin', message: 'Anslutningen kommer från en annan webbplats och avvisades.' } as const;
const TOO_MANY = { ok: false, status: 429, code: 'rate-limited', message: 'För många öppna anslutningar.' } as const;
const DRAINING = { ok: false, status: 503, code: 'draining', message: 'Servern startar om; anslut igen.' } as const;

/** Who is connecting: a ticket's user, else the session cookie's (then Origin must be ours). */
async function authenticate(deps: Deps, request: IncomingMessage, documentId: string, ticket: string | null): Promise<{ userId: string; sessionId: string | null } | 'foreign-origin' | null> {
  const holder = ticket ? await deps.tickets.redeem(ticket, documentId, deps.clock.now()) : null;
  // A ticket lives no longer than the session that asked for it (logout ends both).
  if (holder) return holder.sessionId === null || (await deps.sessions.isLive(holder.sessionId)) ? holder : null;
  const token = parseCookie(request.headers.cookie ?? '', SESSION_COOKIE)[SESSION_COOKIE];
  if (!token) return null;
  if (!isOwnOrigin(request, deps.config)) return 'foreign-origin';
  const session = await deps.sessions.validate(token);
  return session ? { userId: session.userId, sessionId: hashToken(token) } : null;
}

/** Whether the upgrade's `Origin` is the app's own (http/own-origin.ts: PUBLIC_ORIGIN, else the request's scheme and host). */
function isOwnOrigin(request: IncomingMessage, settings: OriginSettings): boolean {
  const origin = request.headers.origin;
  const own = ownOriginOf(request.headers, 'http', settings);
  return origin !== undefined && own !== null && originOf(origin) === own;
}

/**
 * The document id of a `/ws/:docId` path (percent-encoded, as sent); null when it is not
 * valid percent-encoding or holds a NUL, which no document id does.
 */
function documentIdOf(pathname: string): string | null {
  if (hasNulInUrl(pathname)) return null;
  try {
    return decodeURIComponent(pathname.slice('/ws/'.length));
  } catch {
    return null;
  }
}

/**
 * The document id to route an upgrade by (many processes); null when the URL holds a NUL
 * anywhere or the id is malformed: admission then refuses it here, before any lease lookup.
 */
function routedDocumentIdOf(requestUrl: string | undefined): string | null {
  if (hasNulInUrl(requestUrl ?? '')) return null;
  try {
    return documentIdOf(new URL(requestUrl ?? '/', 'http://localhost').pathname);
  } catch {
    return null;
  }
}

async function admit(deps: Deps, sockets: LiveSockets, request: IncomingMessage, address: string): Promise<Admission> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  // One value per parameter, as on every REST route (http/repeated-query.ts): `share=A&share=B` is refused, not read as A.
  if (conflictingParameter(url.searchParams) !== null) return { ok: false, close: CloseCode.PolicyViolation };
  const documentId = documentIdOf(url.pathname);
  // A link of junk (a NUL, spaces, too long) is an unknown link: 4401, as REST's 404 (red
  // team X14); admitGuest reads it by shape, and never looks up the document id.
  const share = url.searchParams.get('share');
  if (share !== null) return admitGuest(deps, sockets, documentId ?? '', share, address);
  // No document holds a NUL; PostgreSQL would refuse it as a parameter (http/nul-in-url.ts).
  if (documentId === null) return { ok: false, close: CloseCode.NotFound };
  // A ticket is only ever hashed (never a query parameter itself), so a junk one is just unknown.
  const who = await authenticate(deps, request, documentId, url.searchParams.get('ticket'));
  if (who === 'foreign-origin') return FOREIGN_ORIGIN;
  if (!who) return { ok: false, close: CloseCode.Unauthorized };
  if (!sockets.admits(who.userId, address)) return TOO_MANY;
  const document = await findDocument(deps.kdb, documentId);
  if (!document) return { ok: false, close: CloseCode.NotFound };
  const role = await roleOf(deps.kdb, document.workspaceId, who.userId);
  // A non-member is told 4404, as REST answers them 404 (DESIGN "HTTP API": existence is not
  // leaked); a 4403 here told anyone signed in which document ids exist (red team X14).
  if (!role) return { ok: false, close: CloseCode.NotFound };
  const user = await findUserById(deps.kdb, who.userId);
  if (!user) return { ok: false, close: CloseCode.Unauthorized };
  return { ok: true, ...who, userName: user.name, role, documentId, shareLinkId: null };
}

/**
 * A guest with a share link (DESIGN "Share links"): always a viewer, of the link's one
 * document. No Origin is needed: the link, not an ambient cookie, is the authority. The
 * per-address limit holds as for everyone; an unknown, expired or revoked link closes
 * 4401, a link used for another document 4403.
 */
async function admitGuest(deps: Deps, sockets: LiveSockets, documentId: string, token: string, address: string): Promise<Admission> {
  if (!sockets.admitsAddress(address)) return TOO_MANY;
  const admission = await admitShareToken(deps.kdb, token, deps.clock.now());
  if (!admission.ok) return { ok: false, close: CloseCode.Unauthorized };
  const { link } = admission;
  if (link.document.id !== documentId) return { ok: false, close: CloseCode.Forbidden };
  return { ok: true, userId: `share:${link.id}`, userName: 'Gäst', sessionId: null, role: 'viewer', documentId, shareLinkId: link.id };
}

/**
 * Where an upgrade is served when Samplan runs as many processes (server/cluster/cluster.ts):
 * true → here; false → it has answered or passed the socket on itself.
 */
export type UpgradeRoute = (request: IncomingMessage, socket: Duplex, head: Buffer, documentId: string, processLine: string) => Promise<boolean>;

/**
 * Serves `/ws/:docId` on `server`. `sockets` is the registry routes use to close a
 * session's sockets (logout) — see live-sockets.ts. `route` (many processes only) runs
 * before admission, so a socket passed on is authenticated by the process that serves it.
 */
export function attachWebsocket(server: Server, deps: Deps, sockets: LiveSockets, route?: UpgradeRoute): { close(): void; connections(): number } {
  // Our own registry of clients rather than `ws`'s tracking, which adds a listener per socket.
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.config.maxMessageBytes, perMessageDeflate: false, clientTracking: false });
  const processLine = processLineOf(deps.readiness.processName);
  wss.on('headers', (headers) => headers.push(processLine));
  const forget = (client: SocketClient) => sockets.delete(client);
  let serial = 0;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!(request.url ?? '').startsWith('/ws/')) {
      socket.destroy();
      return;
    }
    socket.on('error', destroySocket);
    // A malformed id is refused by admission, as on one process.
    const documentId = route && !deps.readiness.draining ? routedDocumentIdOf(request.url) : null;
    if (route && documentId !== null) {
      route(request, socket, head, documentId, processLine).then(
        (here) => here && serve(request, socket, head),
        () => socket.destroy(),
      );
      return;
    }
    serve(request, socket, head);
  });

  /** Admits the upgrade here (as on one process) and joins the document's room. */
  function serve(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Counted per /64 for IPv6, as every per-address limit is (http/client-address.ts).
    const address = addressKey(clientAddressOf(request.headers, request.socket.remoteAddress, deps.config.trustProxy));
    // Passed on by another process (many processes only): closed 1012 when that one drains (LiveSockets.closeVia).
    const forwarded = route ? request.headers[FORWARDED_HEADER] : undefined;
    const via = typeof forwarded === 'string' ? forwarded : null;
    const admitted = deps.readiness.draining ? Promise.resolve<Admission>(DRAINING) : admit(deps, sockets, request, address);
    admitted
      .catch((): Admission => ({ ok: false, close: CloseCode.LoadFailed }))
      .then((admission) => {
        if (!admission.ok && 'status' in admission) return refuseUpgrade(socket, admission, processLine);
        wss.handleUpgrade(request, socket, head, (ws) => {
          // From here `ws` handles the socket's errors (and destroys it) itself.
          socket.off('error', destroySocket);
          if (!admission.ok) return ws.close(admission.close.code, admission.close.reason);
          const { documentId, ...who } = admission;
          const client = new SocketClient(ws, socket, { ...who, id: ++serial, address, via, rooms: deps.rooms, limits: deps.config.sync, now: deps.clock.now(), onClose: forget });
          sockets.add(client);
          client.start(documentId);
        });
      });
  }

  return {
    close: () => {
      sockets.closeAll(CloseCode.ServiceRestart);
      wss.close();
    },
    connections: () => sockets.size,
  };
}

/** An HTTP error answer in place of the upgrade, in the API's error shape (raw-answer.ts). */
function refuseUpgrade(socket: Duplex, refusal: Refusal, processLine: string): void {
  writeRawAnswer(socket, { ...refusal, ...(refusal.status === 403 ? {} : { retryAfter: refusal.status === 429 ? 10 : 1 }) }, processLine);
}

/**
 * A named function, not an arrow in the upgrade handler: an arrow there would share that
 * handler's scope, and keep the upgrade request (headers, parser state; ~1 KB) alive for
 * as long as the socket is open.
 */
function destroySocket(this: Duplex): void {
  this.destroy();
}
