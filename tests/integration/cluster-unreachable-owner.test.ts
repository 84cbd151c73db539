/**
 * Issue 21 (docs/cluster.md): a socket or a live change that lands on a process other than
 * its document's owner is passed on to the owner. When the owner cannot be reached — killed
 * on another machine with its lease not yet dropped by PostgreSQL, frozen, dying — the
 * client must never hang: the upgrade answers 503 with Retry-After (DESIGN's error shape),
 * a change answers an HTTP error, and once the lease moves the client's own retries
 * connect and its edits are stored. PostgreSQL only:
 * `npm run test:pg -- tests/integration/cluster-unreachable-owner.test.ts`.
 *
 * The unreachable owner is a lease held by this test's own connection, named like a
 * process's lease connection after an address where no Samplan answers.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { actionPlanToJSON, addGoal } from '../../shared/model/action-plan.js';
import { DocumentLeases } from '../../server/cluster/document-leases.js';
import { startCluster, within, type ClusterProcess, type TestCluster } from '../support/cluster.js';
import { planOn, storedTitles } from '../support/cluster-clients.js';
import { testPostgresUrl } from '../support/database.js';
import { browserHeaders, connectPeer, synced } from '../support/yclient.js';

const onPostgres = testPostgresUrl() !== null;
const SLOW = { timeout: 120_000 };

/** A loopback TCP server doing `onConnection` with every connection; its address as `host:port`. */
async function tcpServer(onConnection: (socket: Socket) => void): Promise<{ address: string; server: Server; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { address: `127.0.0.1:${port}`, server, sockets };
}

async function stopServer(s: { server: Server; sockets: Set<Socket> }): Promise<void> {
  for (const socket of s.sockets) socket.destroy();
  await new Promise((resolve) => s.server.close(resolve));
}

/** A rename's answer: its status, Retry-After and error code. */
type Answer = { status: number; retryAfter: string | null; code: string };
/** Served where it lands, before anything is written: the client asks again after Retry-After (client/api.ts). */
const ELSEWHERE: Answer = { status: 503, retryAfter: '1', code: 'document.elsewhere' };

/**
 * Owners that cannot serve: each gives the address the lease names and a way to stop it,
 * and what a rename passed on to it answers. An owner that took the request and said
 * nothing may have made the change: the client is told so, not to ask again.
 */
const OWNERS: ReadonlyArray<{ kind: string; rename: Answer; start(): Promise<{ address: string; stop(): Promise<void> }> }> = [
  {
    kind: 'nothing listens (connection refused)',
    rename: ELSEWHERE,
    start: async () => {
      const closed = await tcpServer(() => undefined);
      await stopServer(closed);
      return { address: closed.address, stop: async () => undefined };
    },
  },
  {
    kind: 'accepts and never answers (a frozen process)',
    rename: { status: 504, retryAfter: null, code: 'document.owner-silent' },
    start: async () => {
      const silent = await tcpServer(() => undefined);
      return { address: silent.address, stop: () => stopServer(silent) };
    },
  },
  {
    kind: 'accepts and hangs up (a dying process)',
    rename: { status: 502, retryAfter: null, code: 'document.owner-silent' },
    start: async () => {
      const dying = await tcpServer((socket) => socket.destroy());
      return { address: dying.address, stop: () => stopServer(dying) };
    },
  },
  { kind: 'a lease named after no address', rename: ELSEWHERE, start: async () => ({ address: 'nowhere', stop: async () => undefined }) },
];

/** The HTTP answer to a websocket upgrade at `url` that is refused: status, Retry-After and the error's code. */
function refusedUpgrade(url: string, cookie: string): Promise<{ status: number; retryAfter: string | undefined; code: string }> {
  const ws = new WebSocket(url, { headers: browserHeaders(url, cookie) });
  const answered = new Promise<{ status: number; retryAfter: string | undefined; code: string }>((resolve, reject) => {
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => {
        const code = (JSON.parse(body || '{}') as { error?: { code?: string } }).error?.code ?? '';
        resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], code });
      });
    });
    ws.once('open', () => reject(new Error('the upgrade was accepted')));
    ws.once('error', reject);
  });
  return within(30_000, `the answer to the upgrade at ${url}`, answered).finally(() => ws.terminate());
}

describe.runIf(onPostgres)('a document whose owner cannot be reached', () => {
  let cluster: TestCluster | null = null;
  beforeAll(async () => {
    cluster = await startCluster(1);
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it.each(OWNERS)('owner: $kind — the upgrade answers 503 Retry-After, a rename an HTTP error, and the client gets in once the lease moves', SLOW, async ({ start, rename: expected }) => {
    const running = cluster as TestCluster;
    const p0 = running.processes[0] as ClusterProcess;
    const { api, plan } = await planOn(p0);
    const cookie = api.sessionCookie;
    const owner = await start();
    const lease = await DocumentLeases.open(running.databaseUrl, owner.address);
    try {
      expect(await lease.acquire(plan)).toEqual({ owned: true });
      const wsUrl = `${p0.url.replace(/^http/, 'ws')}/ws/${plan}`;
      expect(await refusedUpgrade(wsUrl, cookie)).toEqual({ status: 503, retryAfter: '1', code: 'draining' });
      const rename = await within(60_000, 'the answer to a rename', fetch(`${p0.url}/api/documents/${plan}`, {
        method: 'PATCH',
        headers: { cookie, origin: new URL(p0.url).origin, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Ny titel' }),
      }));
      const code = ((await rename.json()) as { error: { code: string } }).error.code;
      expect({ status: rename.status, retryAfter: rename.headers.get('retry-after'), code }).toEqual(expected);
      // A client that keeps trying (y-websocket reconnects after each refusal) gets in once the lease is free.
      const peer = connectPeer(p0.url, plan, { cookie });
      addGoal(peer.doc, { number: '1', title: 'Skrivet medan ägaren var borta' });
      await lease.close();
      await within(60_000, 'the client syncing once the lease moved', synced(peer, 60_000));
      expect(actionPlanToJSON(peer.doc).goals.map((goal) => goal.title)).toEqual(['Skrivet medan ägaren var borta']);
      await within(30_000, 'the goal stored', (async () => {
        while (!(await storedTitles(p0, plan, cookie)).includes('Skrivet medan ägaren var borta')) await new Promise((resolve) => setTimeout(resolve, 100));
      })());
      peer.destroy();
    } finally {
      await lease.close().catch(() => undefined);
      await owner.stop();
    }
  });
});
