/**
 * Issue 21, DESIGN "Many processes": "SIGTERM drains: no new sockets, open ones closed with
 * 1012 (service restart) after their pending writes" — seen from outside, for the sockets a
 * draining process had passed on to their documents' owners (server/cluster/forward-upgrade.ts).
 * Those carry the owner's frames untouched; before, the draining process cut them and their
 * clients saw 1006. PostgreSQL only: `npm run test:pg -- tests/integration/cluster-drain.test.ts`.
 *
 * "Acknowledged" is what another client has seen: the owner broadcasts an edit only after
 * its INSERT committed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addGoal } from '../../shared/model/action-plan.js';
import { servedBy, startCluster, within, type ClusterProcess, type TestCluster } from '../support/cluster.js';
import { converged, planOn, storedTitles, titles } from '../support/cluster-clients.js';
import { testPostgresUrl } from '../support/database.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';

const onPostgres = testPostgresUrl() !== null;
/** Three processes, editing and a drain take a while on a loaded 2-core machine. */
const SLOW = { timeout: 180_000 };
let cluster: TestCluster | null = null;
afterEach(async () => {
  await cluster?.stop();
  cluster = null;
});

/** The close code of `peer`'s current socket, once it closes. */
function closeCode(peer: Peer): Promise<number> {
  const ws = peer.provider.ws;
  if (!ws) return Promise.reject(new Error('the peer has no socket'));
  return new Promise((resolve) => ws.addEventListener('close', (event) => resolve(event.code), { once: true }));
}

describe.runIf(onPostgres)('a process draining with sockets it passed on to owners', () => {
  // p0 and p2 each own a plan; p1 owns nothing and passes on a writer's and an idle
  // client's socket for each plan. SIGTERM to p1: every one of those four sockets closes
  // 1012 (each owner's close frame through the pipe), nothing acknowledged is lost, and
  // the clients, moved on with their own copies (as nginx's next upstream would), converge.
  it('SIGTERM to the forwarding process: every socket it passed on closes 1012, and its clients keep every acknowledged edit', SLOW, async () => {
    cluster = await startCluster(3);
    const [p0, p1, p2] = cluster.processes as [ClusterProcess, ClusterProcess, ClusterProcess];
    const plans = await Promise.all([p0, p2].map(async (owner) => {
      const { api, plan } = await planOn(owner);
      const cookie = api.sessionCookie;
      // A reader on the owner loads the plan there: the owner holds its lease.
      const reader = connectPeer(owner.url, plan, { cookie });
      await within(20_000, `the reader at ${owner.name}`, synced(reader, 20_000));
      expect(await servedBy(p1.url, plan, cookie)).toBe(owner.name);
      const writer = connectPeer(p1.url, plan, { cookie });
      const idle = connectPeer(p1.url, plan, { cookie });
      await within(20_000, `the clients through p1 to ${owner.name}`, Promise.all([synced(writer, 20_000), synced(idle, 20_000)]));
      return { owner, plan, cookie, reader, writer, idle, codes: [closeCode(writer), closeCode(idle)] };
    }));
    let written = 0;
    const timer = setInterval(() => {
      for (const { writer } of plans) addGoal(writer.doc, { number: String(written), title: `g${written}` });
      written += 1;
    }, 20);
    for (const { reader, owner } of plans) await until(() => titles(reader).length >= 20, 30_000, `the reader at ${owner.name} sees edits`);
    const exited = cluster.signal(p1, 'SIGTERM');
    const codes = await within(30_000, 'the forwarded sockets closing', Promise.all(plans.flatMap((p) => p.codes)));
    // What each owner's reader had seen when the sockets closed: acknowledged, so stored.
    const seen = plans.map(({ reader }) => titles(reader));
    clearInterval(timer);
    expect(codes).toEqual([1012, 1012, 1012, 1012]);
    expect(await exited).toBe(0);
    for (const [i, { owner, plan, cookie, reader, writer, idle }] of plans.entries()) {
      const moved = [writer, idle].map((peer) => {
        peer.provider.destroy();
        return connectPeer(owner.url, plan, { cookie }, peer.doc);
      });
      const peers = [reader, ...moved];
      await converged(peers, written);
      const stored = await storedTitles(owner, plan, cookie);
      expect(stored).toEqual(expect.arrayContaining(seen[i] ?? []));
      expect(stored.sort()).toEqual(titles(reader).sort());
      peers.forEach((peer) => peer.destroy());
    }
  });
});
