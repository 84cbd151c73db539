/**
 * Issue 21 items 3–5 (docs/cluster.md): three Samplan processes on one PostgreSQL database,
 * clients connected directly to different processes (so sockets that land on a non-owner
 * are forwarded to the owner). PostgreSQL only: `npm run test:pg -- tests/integration/cluster.test.ts`.
 *
 * "Acknowledged" is what another client has seen: the owner broadcasts an edit only after
 * its INSERT committed, so whatever a reader holds when a process dies must be stored.
 * The rolling restart of all three under load is cluster-rolling.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addGoal } from '../../shared/model/action-plan.js';
import { ApiClient } from '../support/api.js';
import { servedBy, startCluster, type ClusterProcess, type TestCluster } from '../support/cluster.js';
import { converged, moveWriters, planOn, storedTitles, titles, type Writer } from '../support/cluster-clients.js';
import { testPostgresUrl } from '../support/database.js';
import { closeCodeOf, connectPeer, synced, until, type Peer } from '../support/yclient.js';

/** Real processes on one PostgreSQL database: skipped in the SQLite run, run by `npm run test:pg`. */
const onPostgres = testPostgresUrl() !== null;
let cluster: TestCluster | null = null;
/** Three processes, editing and a restart take a while on a loaded 2-core machine. */
const SLOW = { timeout: 180_000 };
afterEach(async () => {
  await cluster?.stop();
  cluster = null;
});

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

  // Presence (awareness) is relayed by the owner like updates: a socket that reached another
  // process is piped to the owner, so one person's caret and name reach a person elsewhere.
  it('presence crosses processes: awareness set at one process is seen at another, with the account name', async () => {
    const [p0, , p2] = running().processes as [ClusterProcess, ClusterProcess, ClusterProcess];
    const { api, plan } = await planOn(p0);
    const [here, there] = [p0, p2].map((p) => connectPeer(p.url, plan, { cookie: api.sessionCookie }));
    if (!here || !there) throw new Error('no peers');
    await Promise.all([synced(here), synced(there)]);
    here.provider.awareness.setLocalStateField('editing', 'goals:g1:title');
    const id = here.doc.clientID;
    await until(() => there.provider.awareness.getStates().get(id)?.editing === 'goals:g1:title', 15_000, 'presence relayed across processes');
    expect(there.provider.awareness.getStates().get(id)?.user).toMatchObject({ name: expect.any(String) });
    here.destroy();
    await until(() => !there.provider.awareness.getStates().has(id), 15_000, 'presence removed when the person leaves');
    there.destroy();
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

  // A change of a live document asked of a process that does not own it is passed on to the
  // owner, which answers it (server/cluster/forward-request.ts), so the client waits for
  // nothing. Passed on once already, it is served where it lands: 503 document.elsewhere
  // before writing anything (the client asks again: client/api.ts). Before the forwarding,
  // every rename through a non-owner answered that 503.
  it('a rename asked of a process that does not own the open document is passed on to the owner, once only', async () => {
    const procs = running().processes;
    const { api, plan } = await planOn(procs[0] as ClusterProcess);
    const cookie = api.sessionCookie;
    const peer = connectPeer(procs[0]?.url ?? '', plan, { cookie });
    await synced(peer);
    const ownerName = await servedBy(procs[0]?.url ?? '', plan, cookie);
    const rename = (via: ClusterProcess, title: string, headers: Record<string, string> = {}) =>
      fetch(`${via.url}/api/documents/${plan}`, {
        method: 'PATCH',
        headers: { cookie, origin: new URL(via.url).origin, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ title }),
        signal: AbortSignal.timeout(20_000),
      });
    const liveTitle = () => peer.doc.getMap('meta').get('title');
    for (const other of procs.filter((p) => p.name !== ownerName)) {
      const title = `Via ${other.name}`;
      const passed = await rename(other, title);
      expect(passed.status).toBe(200);
      expect(passed.headers.get('x-samplan-process')).toBe(ownerName);
      await until(() => liveTitle() === title, 10_000, `the live title renamed through ${other.name}`);
      const refused = await rename(other, 'Fel server', { 'x-samplan-forwarded': '127.0.0.1:1' });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('document.elsewhere');
      expect(liveTitle()).toBe(title);
      // Reading it there works, without loading the room: the socket stays with the owner.
      expect((await fetch(`${other.url}/api/documents/${plan}`, { headers: { cookie }, signal: AbortSignal.timeout(20_000) })).status).toBe(200);
    }
    const owner = procs.find((p) => p.name === ownerName) as ClusterProcess;
    expect((await rename(owner, 'Rätt server')).status).toBe(200);
    await until(() => liveTitle() === 'Rätt server', 10_000, 'the live title');
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
