/**
 * Issue 21 items 3–5 (docs/cluster.md): three Samplan processes on one PostgreSQL database,
 * clients connected directly to different processes (so sockets that land on a non-owner
 * are forwarded to the owner). PostgreSQL only: `npm run test:pg -- tests/integration/cluster.test.ts`.
 *
 * "Acknowledged" is what another client has seen: the owner broadcasts an edit only after
 * its INSERT committed, so whatever a reader holds when a process dies must be stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { actionPlanToJSON, addGoal } from '../../shared/model/action-plan.js';
import { ApiClient, email } from '../support/api.js';
import { servedBy, startCluster, type ClusterProcess, type TestCluster } from '../support/cluster.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';

let cluster: TestCluster | null = null;
afterEach(async () => {
  await cluster?.stop();
  cluster = null;
});

/** A person with a workspace and an action plan, made through process `via`. */
async function planOn(via: ClusterProcess): Promise<{ api: ApiClient; plan: string }> {
  const api = new ApiClient(via.url);
  await api.signup(email('cluster'));
  const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Kluster' }, 201)).id;
  const plan = (await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  return { api, plan };
}

const titles = (peer: Peer) => actionPlanToJSON(peer.doc).goals.map((goal) => goal.title);

/** The stored plan's goal titles as process `via` reads them (a non-owner reads PostgreSQL). */
async function storedTitles(via: ClusterProcess, plan: string, cookie: string): Promise<string[]> {
  const response = await fetch(`${via.url}/api/documents/${plan}/export.json`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const stored = (await response.json()) as { goals: Array<{ title: string }> };
  return stored.goals.map((goal) => goal.title);
}

/** Every peer holds `count` goals and all hold the same plan. */
async function converged(peers: Peer[], count: number): Promise<void> {
  await until(() => peers.every((peer) => titles(peer).length === count), 30_000, `every peer at ${count} goals`);
  const first = JSON.stringify(actionPlanToJSON(peers[0]?.doc ?? (() => { throw new Error('no peers'); })()));
  for (const peer of peers) expect(JSON.stringify(actionPlanToJSON(peer.doc))).toBe(first);
}

describe('three processes on one document', () => {
  it('route every socket to one owner, and clients spread over them converge', async () => {
    cluster = await startCluster(3);
    const [p0, p1, p2] = cluster.processes as [ClusterProcess, ClusterProcess, ClusterProcess];
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
});
