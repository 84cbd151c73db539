/**
 * Forwarding an HTTP request that changes a live document to the process that owns it
 * (issue 21 design (b), docs/cluster.md "How it works"), as upgrades are forwarded
 * (forward-upgrade.ts). Before, such a request on a non-owner answered 503
 * `document.elsewhere` and the client asked again until the balancer's ring had settled.
 *
 * Only the routes that change a live document through `Rooms.change` (the ones that could
 * answer `document.elsewhere`) are passed on: request line, headers (Host included, so the
 * owner's same-origin check sees what the client sent) and body untouched, plus the one-hop
 * mark (FORWARDED_HEADER). The owner authenticates and answers it, and that answer (its
 * X-Samplan-Process included) goes back as it is. Node's own `http.request`, not `fetch`
 * (Hono's proxy helper): `fetch` sets Host itself, and the owner would refuse the Origin.
 */
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { FORWARDED_HEADER, parseAddress } from './forward-upgrade.js';

/** Methods and paths (after `/api/documents/<id>`) of the routes that change a live document. */
const LIVE_CHANGES: ReadonlyArray<{ method: string; rest: RegExp }> = [
  { method: 'PATCH', rest: /^$/ }, // rename: server/routes/lifecycle.ts
  { method: 'POST', rest: /^\/versions\/[^/]+\/restore$/ }, // server/routes/versions.ts
  { method: 'POST', rest: /^\/rounds$/ }, // dot-vote rounds: server/routes/rounds.ts
  { method: 'PUT', rest: /^\/rounds\/[^/]+\/ballot$/ },
  { method: 'POST', rest: /^\/rounds\/[^/]+\/close$/ },
  { method: 'POST', rest: /^\/actions\/[^/]+\/to-plan$/ }, // server/routes/to-plan.ts (the agenda's owner)
];

/** A document id as Samplan makes them (UUIDs); any other is served where it lands, as before. */
const DOCUMENT_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Headers of one connection only (RFC 9110 7.6.1), never passed on. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** How long the owner may take to accept the connection before the request is served here. */
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * How long the owner may take to begin its answer once it has the request: a frozen owner
 * (or one whose machine is gone while PostgreSQL still shows its lease) accepts and never
 * answers, and the client would wait until its own deadline (client/api.ts CALL_TIMEOUT_MS,
 * 20 s) with nothing to say. Shorter than that, so the person learns what happened.
 */
const ANSWER_TIMEOUT_MS = 15_000;

/**
 * The answer when the owner took the request and gave none (hung up, or silent for
 * ANSWER_TIMEOUT_MS): 502 or 504. Whether the change was made is unknown, so the client is
 * not told to ask again (a second round or restore could be made twice); the person looks.
 */
function answerNoAnswer(outgoing: ServerResponse, status: 502 | 504): void {
  const message = 'Servern som har dokumentet svarade inte. Ändringen kan ha sparats: ladda om och kontrollera.';
  const body = JSON.stringify({ error: { code: 'document.owner-silent', message } });
  outgoing.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
}

/**
 * The document a request would change through `Rooms.change` (`method`, request target
 * `url`), or null: any other route, a malformed id, or a request some process already
 * forwarded (`forwarded`: its FORWARDED_HEADER value; one hop only).
 */
export function liveChangeOf(method: string, url: string, forwarded: string | string[] | undefined): string | null {
  if (forwarded !== undefined) return null;
  const pathname = url.split('?')[0] ?? '';
  const match = /^\/api\/documents\/([^/]+)(\/.*)?$/.exec(pathname);
  const id = match?.[1];
  if (!id || !DOCUMENT_ID.test(id)) return null;
  const rest = match[2] ?? '';
  return LIVE_CHANGES.some((route) => route.method === method && route.rest.test(rest)) ? id : null;
}

function passedOn(headers: IncomingHttpHeaders, from: string): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && name !== FORWARDED_HEADER) kept[name] = value;
  }
  kept[FORWARDED_HEADER] = from;
  return kept;
}

/**
 * Passes the request (`incoming`, its body not yet read) to the process at `owner`
 * (`host:port`) and pipes the owner's answer into `outgoing`. Resolves true once passed on;
 * false when the owner could not be reached, with nothing of the body read, so the request
 * can still be served here (which answers 503 `document.elsewhere` while the lease is held
 * elsewhere). An owner that takes the request and gives no answer (hangs up: 502; silent
 * for ANSWER_TIMEOUT_MS: 504) gets the client `document.owner-silent`; a connection that
 * breaks during the answer ends the client's connection too.
 */
export function forwardRequest(incoming: IncomingMessage, outgoing: ServerResponse, owner: string, from: string): Promise<boolean> {
  const target = parseAddress(owner);
  if (!target) return Promise.resolve(false);
  return new Promise((resolve) => {
    let connected = false;
    let answered = false;
    // A socket of its own (no keep-alive pool), so that "connected" means this request's.
    const upstream = httpRequest({ host: target.host, port: target.port, method: incoming.method, path: incoming.url, headers: passedOn(incoming.headers, from), agent: false });
    let timer = setTimeout(() => upstream.destroy(new Error('connect timeout')), CONNECT_TIMEOUT_MS);
    upstream.once('socket', (socket) =>
      socket.once('connect', () => {
        connected = true;
        clearTimeout(timer);
        timer = setTimeout(() => upstream.destroy(new Error('no answer')), ANSWER_TIMEOUT_MS);
        incoming.pipe(upstream);
      }),
    );
    upstream.once('response', (answer) => {
      answered = true;
      clearTimeout(timer);
      const headers = Object.entries(answer.headers).filter(([name, value]) => value !== undefined && !HOP_BY_HOP.has(name)) as Array<[string, string | string[]]>;
      outgoing.writeHead(answer.statusCode ?? 502, Object.fromEntries(headers));
      answer.on('error', () => outgoing.destroy());
      answer.pipe(outgoing);
      resolve(true);
    });
    // `on`, not `once`: a second error event with no listener would end the process.
    upstream.on('error', (error) => {
      clearTimeout(timer);
      if (!connected) return resolve(false);
      if (!answered && !outgoing.headersSent) answerNoAnswer(outgoing, error.message === 'no answer' ? 504 : 502);
      else outgoing.destroy();
      answered = true;
      resolve(true);
    });
    incoming.once('aborted', () => upstream.destroy());
  });
}
