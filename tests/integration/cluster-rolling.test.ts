/**
 * Issue 21 "Tests and figures": a rolling restart of all three processes under load loses
 * nothing (docs/cluster.md "Rolling restart"). PostgreSQL only:
 * `npm run test:pg -- tests/integration/cluster-rolling.test.ts`.
 *
 * Three writers (one per process, one person) and a reader on a process that forwards to the
 * document's owner. Each process in turn gets SIGTERM (it must drain and exit 0), its clients
 * move to the next process with their own copies, as nginx's next upstream would, and it
 * starts again. At the end every client holds every goal any writer wrote, exactly once, and
 * every process reads the same plan from the store.
 *
 * The load is bounded by what the cluster acknowledges, not by a clock: a writer keeps at
 * most WINDOW goals of its own that the reader has not yet seen (the owner broadcasts only
 * after the INSERT committed, so what the reader has is acknowledged), at most one every
 * WRITE_MS. So there are always unacknowledged edits in flight when a process goes, and on
 * a starved machine the writers slow down with the cluster instead of queueing minutes of
 * edits behind it (2026-11-30, writing every 100 ms regardless: 2 of 6 runs passed at load
 * 20–30). Every wait is for a state, bounded and named (`within`, `until`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addGoal } from '../../shared/model/action-plan.js';
import { servedBy, startCluster, type ClusterProcess, type TestCluster } from '../support/cluster.js';
import { converged, moveWriters, planOn, storedTitles, titles, type Writer } from '../support/cluster-clients.js';
import { testPostgresUrl } from '../support/database.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';

const onPostgres = testPostgresUrl() !== null;
/** Goals of one writer the reader may not have seen yet. */
const WINDOW = 10;
/** At most one goal per writer this often: 30 a second in all, as the test always wrote. */
const WRITE_MS = 100;

let cluster: TestCluster | null = null;
afterEach(async () => {
  await cluster?.stop();
  cluster = null;
});

/**
 * Writers on every process, paced by the reader: writer i adds goal `p<i>-<n>` once the
 * reader holds its goal n − WINDOW. `stop` ends the writing and answers how many goals were
 * written in all.
 */
function pacedWriters(writers: Writer[], reader: () => Peer) {
  const ids: string[][] = writers.map(() => []);
  const seen = (id: string | undefined) => id !== undefined && reader().doc.getMap('goals').has(id);
  const timer = setInterval(() => {
    writers.forEach((w, i) => {
      const mine = ids[i] ?? [];
      if (mine.length >= WINDOW && !seen(mine[mine.length - WINDOW])) return;
      mine.push(addGoal(w.peer.doc, { number: `${i}.${mine.length}`, title: `p${i}-${mine.length}` }));
    });
  }, WRITE_MS);
  const written = () => ids.reduce((sum, mine) => sum + mine.length, 0);
  return {
    written,
    /** How many goals each writer has written so far. */
    marks: () => ids.map((mine) => mine.length),
    /** Whether the reader holds, of every writer, a goal written after `marks`: each writer's edits are acknowledged again. */
    acknowledgedSince: (marks: number[]) => ids.every((mine, i) => seen(mine[marks[i] ?? 0])),
    stop: () => {
      clearInterval(timer);
      return written();
    },
  };
}

describe.runIf(onPostgres)('a rolling restart', () => {
  it('of all three processes under load loses no edit and applies none twice', { timeout: 240_000 }, async () => {
    const running = await startCluster(3);
    cluster = running;
    const procs = running.processes;
    const { api, plan } = await planOn(procs[0] as ClusterProcess);
    const cookie = api.sessionCookie;
    const writers: Writer[] = procs.map((process) => ({ process, peer: connectPeer(process.url, plan, { cookie }) }));
    await Promise.all(writers.map((w) => synced(w.peer, 30_000)));
    // The reader sits on a process other than the owner, so its socket is forwarded.
    const ownerName = await servedBy(procs[0]?.url ?? '', plan, cookie);
    const readerAt = procs.find((p) => p.name !== ownerName) as ClusterProcess;
    const reader: Writer = { process: readerAt, peer: connectPeer(readerAt.url, plan, { cookie }) };
    await synced(reader.peer, 30_000);
    const clients = [...writers, reader];
    const writing = pacedWriters(writers, () => reader.peer);
    const steps: string[] = [];
    await until(() => reader.peer.doc.getMap('goals').size >= 30, 60_000, 'the reader sees 30 goals');
    for (let i = 0; i < 3; i++) {
      const old = running.processes[i] as ClusterProcess;
      const owner = await servedBy(running.processes[(i + 1) % 3]?.url ?? '', plan, cookie);
      const before = Date.now();
      expect(await running.signal(old, 'SIGTERM')).toBe(0);
      const exited = Date.now();
      // Its clients go where nginx would send them next: the following process on the ring.
      moveWriters(clients, old, running.processes[(i + 1) % 3] as ClusterProcess, plan, cookie);
      await running.restart(i);
      const started = Date.now();
      const marks = writing.marks();
      await until(() => clients.every((w) => w.peer.provider.synced) && writing.acknowledgedSince(marks), 60_000, `every writer acknowledged again after restarting p${i}`);
      steps.push(`p${i} (owner ${owner}): exit ${exited - before} ms, start ${started - exited} ms, acknowledged again ${Date.now() - started} ms`);
    }
    const written = writing.stop();
    const peers = clients.map((w) => w.peer);
    await converged(peers, written, 60_000);
    const all = titles(reader.peer).sort();
    // Nothing applied twice: every title is one goal (a goal stored twice would be two).
    expect(new Set(all).size).toBe(written);
    for (const p of running.processes) expect((await storedTitles(p, plan, cookie)).sort()).toEqual(all);
    console.info(`Rolling restart: ${written} goals; ${steps.join('; ')}`);
    peers.forEach((peer) => peer.destroy());
  });
});
