/**
 * Issue 21 items 3–5 (docs/cluster.md): three Samplan processes on one PostgreSQL database,
 * clients connected directly to different processes (so sockets that land on a non-owner
 * are forwarded to the owner). PostgreSQL only: `npm run test:pg -- tests/integration/cluster.test.ts`.
 *
 * "Acknowledged" is what another client has seen: the owner broadcasts an edit only after
 * its INSERT committed, so whatever a reader holds when a process dies must be stored.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { actionPlanToJSON, addGoal } from '../../shared/model/action-plan.js';
import { ApiClient, email } from '../support/api.js';
import { servedBy, startCluster, within, type ClusterProcess, type TestCluster } from '../support/cluster.js';
import { testPostgresUrl } from '../support/database.js';
import { closeCodeOf, connectPeer, synced, until, type Peer } from '../support/yclient.js';

/** Real processes on one PostgreSQL database: skipped in the SQLite run, run by `npm run test:pg`. */
const onPostgres = testPostgresUrl() !== null;
let cluster: TestCluster | null = null;
/** Three processes through tsx take a while to start on a loaded 2-core machine. */
const SLOW = { timeout: 180_000 };
afterEach(async () => {
  await cluster?.stop();
  cluster = null;
});

/** A person with a workspace and an action plan, made through process `via`. */
function planOn(via: ClusterProcess): Promise<{ api: ApiClient; plan: string }> {
  return within(30_000, `making a plan through ${via.name}`, newPlan(via));
}

async function newPlan(via: ClusterProcess): Promise<{ api: ApiClient; plan: string }> {
  const api = new ApiClient(via.url);
  await api.signup(email('cluster'));
  const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Kluster' }, 201)).id;
  const plan = (await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  return { api, plan };
}

const titles = (peer: Peer) => actionPlanToJSON(peer.doc).goals.map((goal) => goal.title);

/** The stored plan's goal titles as process `via` reads them (a non-owner reads PostgreSQL). */
async function storedTitles(via: ClusterProcess, plan: string, cookie: string): Promise<string[]> {
  // A bounded wait: a process that never answers fails the test instead of hanging it.
  const response = await fetch(`${via.url}/api/documents/${plan}/export.json`, { headers: { cookie }, signal: AbortSignal.timeout(20_000) });
  expect(response.status).toBe(200);
  const stored = (await response.json()) as { goals: Array<{ title: string }> };
  return stored.goals.map((goal) => goal.title);
}

/** Every peer holds `count` goals and all hold the same plan. */
async function converged(peers: Peer[], count: number, timeoutMs = 30_000): Promise<void> {
  // On failure, where each peer stands: how many goals, connected and synced, to which process.
  const state = () => peers.map((peer) => `${titles(peer).length} goals, ${peer.provider.wsconnected ? 'connected' : 'not connected'}, ${peer.provider.synced ? 'synced' : 'not synced'}, ${peer.provider.url}`).join('; ');
  await until(() => peers.every((peer) => titles(peer).length === count), timeoutMs, `every peer at ${count} goals`).catch((error: unknown) => {
    throw new Error(`${String(error)}: ${state()}`);
  });
  const first = JSON.stringify(actionPlanToJSON(peers[0]?.doc ?? (() => { throw new Error('no peers'); })()));
  for (const peer of peers) expect(JSON.stringify(actionPlanToJSON(peer.doc))).toBe(first);
}

describe.runIf(onPostgres)('three processes on one document', () => {
  // One cluster for these tests (each its own person and plan); the next describe kills processes.
  let shared: TestCluster | null = null;
  beforeAll(async () => {
    shared = await startCluster(3);
  }, 120_000);
  afterAll(async () => {
    await shared?.stop();
  });
  const running = (): TestCluster => {
    if (!shared) throw new Error('the cluster did not start');
    return shared;
  };

  it('route every socket to one owner, and clients spread over them converge', async () => {
    const [p0, p1, p2] = running().processes as [ClusterProcess, ClusterProcess, ClusterProcess];
    const { api, plan } = await planOn(p1);
    const cookie = api.sessionCookie;
    const peers = [p0, p1, p2].map((p) => connectPeer(p.url, plan, { cookie }));
    await Promise.all(peers.map((peer) => synced(peer)));
    // Whichever process a socket reaches, the same one answers the upgrade: the owner.
    const answered = await Promise.all([p0, p1, p2].map((p) => servedBy(p.url, plan, cookie)));
    expect(new Set(answered).size).toBe(1);
    peers.forEach((peer, i) => {
      for (let n = 0; n < 10; n++) addGoal(peer.doc, { number: `${i}.${n}`, title: `p${i}-${n}` });
    });
    await converged(peers, 30);
    for (const p of [p0, p1, p2]) expect((await storedTitles(p, plan, cookie)).sort()).toEqual(titles(peers[0] as Peer).sort());
    peers.forEach((peer) => peer.destroy());
  });

  it('a ticket asked of one process opens a socket at another, once', async () => {
    const [p0, , p2] = running().processes as [ClusterProcess, ClusterProcess, ClusterProcess];
    const { api, plan } = await planOn(p0);
    const { ticket } = await api.json<{ ticket: string }>('POST', `/api/documents/${plan}/ticket`, undefined, 200);
    const peer = connectPeer(p2.url, plan, { ticket });
    await synced(peer);
    peer.destroy();
    expect(await closeCodeOf(`${p2.url.replace(/^http/, 'ws')}/ws/${plan}?ticket=${ticket}`)).toBe(4401);
  });

  // A change of a live document asked of a process that does not own it answers 503
  // document.elsewhere before writing anything (the client asks again: client/api.ts); the
  // owner makes it live. (A restore does too, but versions are still SQLite per process and
  // answer 500 on PostgreSQL until converted: NOTES-pg.md; tests/unit/claim-first.test.ts.)
  it('a rename asked of a process that does not own the open document answers 503 document.elsewhere; the owner renames it', async () => {
    const procs = running().processes;
    const { api, plan } = await planOn(procs[0] as ClusterProcess);
    const cookie = api.sessionCookie;
    const peer = connectPeer(procs[0]?.url ?? '', plan, { cookie });
    await synced(peer);
    const ownerName = await servedBy(procs[0]?.url ?? '', plan, cookie);
    const rename = (via: ClusterProcess, title: string) =>
      fetch(`${via.url}/api/documents/${plan}`, {
        method: 'PATCH',
        headers: { cookie, origin: new URL(via.url).origin, 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
        signal: AbortSignal.timeout(20_000),
      });
    for (const other of procs.filter((p) => p.name !== ownerName)) {
      const refused = await rename(other, 'Fel server');
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('document.elsewhere');
      // Reading it there works, without loading the room: the socket stays with the owner.
      expect((await fetch(`${other.url}/api/documents/${plan}`, { headers: { cookie }, signal: AbortSignal.timeout(20_000) })).status).toBe(200);
    }
    const owner = procs.find((p) => p.name === ownerName) as ClusterProcess;
    expect((await rename(owner, 'Rätt server')).status).toBe(200);
    await until(() => peer.doc.getMap('meta').get('title') === 'Rätt server', 10_000, 'the live title');
    peer.destroy();
  });

  it("log-out at one process closes the session's socket held by another", async () => {
    const procs = running().processes;
    const { api, plan } = await planOn(procs[0] as ClusterProcess);
    const cookie = api.sessionCookie;
    const ownerName = await servedBy(procs[0]?.url ?? '', plan, cookie);
    const elsewhere = procs.find((p) => p.name !== ownerName) as ClusterProcess;
    const peer = connectPeer(elsewhere.url, plan, { cookie });
    await synced(peer);
    const closed = new Promise<number>((resolve) => peer.provider.ws?.addEventListener('close', (event) => resolve(event.code)));
    const logout = new ApiClient(procs.find((p) => p.name !== ownerName && p !== elsewhere)?.url ?? elsewhere.url);
    const response = await logout.request('POST', '/api/auth/logout', undefined, { cookie, origin: new URL(logout.baseUrl).origin });
    expect(response.status).toBe(204);
    expect(await closed).toBe(4401);
    peer.destroy();
  });
});

/** Who writes where: one writer per process, each adding goals named after it. */
interface Writer {
  process: ClusterProcess;
  peer: Peer;
}

/**
 * Starts writers on every process and a reader on a process other than the document's
 * owner; `stop` ends the writing and answers how many goals were written in all.
 */
async function editing(procs: ClusterProcess[], plan: string, cookie: string, intervalMs = 15) {
  const writers: Writer[] = procs.map((process) => ({ process, peer: connectPeer(process.url, plan, { cookie }) }));
  await Promise.all(writers.map((w) => synced(w.peer)));
  const ownerName = await servedBy(procs[0]?.url ?? '', plan, cookie);
  const owner = procs.find((p) => p.name === ownerName);
  const survivors = procs.filter((p) => p !== owner);
  if (!owner || survivors.length === 0) throw new Error(`no owner among the processes: ${ownerName}`);
  const reader = connectPeer(survivors[0]?.url ?? '', plan, { cookie });
  await synced(reader);
  // What the reader holds when its connection (a pipe to the owner) first breaks: all of it
  // was broadcast by the owner, so acknowledged.
  let seenAtLoss: string[] | null = null;
  reader.provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected' && seenAtLoss === null) seenAtLoss = titles(reader);
  });
  let round = 0;
  const timer = setInterval(() => {
    writers.forEach((w, i) => addGoal(w.peer.doc, { number: `${i}.${round}`, title: `p${i}-${round}` }));
    round += 1;
  }, intervalMs);
  return {
    owner,
    survivors,
    writers,
    reader,
    seenAtLoss: () => seenAtLoss,
    stop: () => {
      clearInterval(timer);
      return round * writers.length;
    },
  };
}

/** Moves the clients of `gone` to `to` with their own copies, as the balancer's next upstream would. */
function moveWriters(writers: Writer[], gone: ClusterProcess, to: ClusterProcess, plan: string, cookie: string): void {
  for (const w of writers) {
    if (w.process !== gone) continue;
    w.peer.provider.destroy();
    w.peer = connectPeer(to.url, plan, { cookie }, w.peer.doc);
    w.process = to;
  }
}

describe.runIf(onPostgres)('a process that goes away mid-editing', () => {
  // The owner dies or drains; or a process that only forwards sockets to the owner drains
  // (its pipes must end with it, or it never exits: docs/cluster.md "Rolling restart").
  const cases = [
    { signal: 'SIGKILL', who: 'the owner' },
    { signal: 'SIGTERM', who: 'the owner' },
    { signal: 'SIGTERM', who: 'a process forwarding sockets to the owner' },
  ] as const;
  it.each(cases)('$signal to $who: clients reconnect to the others and lose nothing any client saw', SLOW, async ({ signal, who }) => {
    cluster = await startCluster(3);
    const procs = cluster.processes;
    const { api, plan } = await planOn(procs[0] as ClusterProcess);
    const cookie = api.sessionCookie;
    const run = await editing(procs, plan, cookie);
    await until(() => titles(run.reader).length >= 30, 30_000, 'the reader sees edits');
    // The reader's process forwards its socket (and one writer's) to the owner.
    const gone = who === 'the owner' ? run.owner : (run.survivors[0] as ClusterProcess);
    const code = await cluster.signal(gone, signal);
    if (signal === 'SIGTERM') expect(code).toBe(0);
    const written = run.stop();
    const clients: Writer[] = [...run.writers, { process: run.survivors[0] as ClusterProcess, peer: run.reader }];
    moveWriters(clients, gone, procs.find((p) => p !== gone && p !== run.survivors[0]) ?? (run.survivors[1] as ClusterProcess), plan, cookie);
    const peers = clients.map((w) => w.peer);
    await converged(peers, written);
    const seen = run.seenAtLoss();
    expect(seen).not.toBeNull();
    for (const p of procs.filter((q) => q !== gone)) {
      const stored = await storedTitles(p, plan, cookie);
      expect(stored).toEqual(expect.arrayContaining(seen ?? []));
      expect(stored.sort()).toEqual(titles(run.reader).sort());
    }
    peers.forEach((peer) => peer.destroy());
  });
});

/**
 * Left out of `npm run test:pg` (docs/cluster.md "Left"): on this shared 2-core machine at
 * load 20–30 its three restarts take 14–90 s each: 2026-11-30 it passed 2 of 6 runs, every
 * step bounded (writing every 15 ms, 2 runs did not converge in 30 s: all four clients are
 * one person, whose updates queue behind the per-user work budget; every 100 ms, 1 of 2
 * passed, the other over 300 s in all). The hang it once had (a draining process that had
 * passed sockets on never exited) is the forwarding SIGTERM case above. Run it alone on a
 * quieter machine: SAMPLAN_ROLLING_TEST=1 npm run test:pg -- tests/integration/cluster.test.ts -t 'rolling restart'
 */
const rolling = onPostgres && process.env.SAMPLAN_ROLLING_TEST === '1';
describe.runIf(rolling)('a rolling restart', () => {
  it('of all three processes under load loses no edit', { timeout: 300_000 }, async () => {
    const running = await startCluster(3);
    cluster = running;
    const procs = [...running.processes];
    const { api, plan } = await planOn(procs[0] as ClusterProcess);
    const cookie = api.sessionCookie;
    // All four clients are one person, whose updates share one budget of the server's time
    // (server/sync/work-budget.ts, 200 ms/s): at 200 goals a second into a plan of thousands
    // on this loaded machine they queued behind it for minutes. 30 a second stays within it.
    const run = await editing(procs, plan, cookie, 100);
    await until(() => titles(run.reader).length >= 30, 30_000, 'the reader sees edits');
    const clients: Writer[] = [...run.writers, { process: run.survivors[0] as ClusterProcess, peer: run.reader }];
    for (let i = 0; i < 3; i++) {
      const old = running.processes[i] as ClusterProcess;
      expect(await running.signal(old, 'SIGTERM')).toBe(0);
      // Its clients go where nginx would send them next: the following process on the ring.
      moveWriters(clients, old, running.processes[(i + 1) % 3] as ClusterProcess, plan, cookie);
      await running.restart(i);
      await until(() => clients.every((w) => w.peer.provider.synced), 30_000, `clients synced after restarting p${i}`);
    }
    const written = run.stop();
    const peers = clients.map((w) => w.peer);
    await converged(peers, written, 60_000);
    for (const p of running.processes) expect((await storedTitles(p, plan, cookie)).sort()).toEqual(titles(run.reader).sort());
    peers.forEach((peer) => peer.destroy());
  });
});
