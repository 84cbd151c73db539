/**
 * Samplan on PostgreSQL as a benchmark target (issue 21 "Tests and figures",
 * docs/cluster.md "Throughput with processes"): `samplan-pg`, one process, and
 * `samplan-cluster3`, three processes on one database. Clients connect the way nginx
 * `hash $document consistent` routes them (scripts/cluster.ts, docs/deploy.md): every
 * socket and ticket request of a room goes to the process the room's id hashes to, so
 * that process loads the room, takes its lease and owns it, and nothing is forwarded.
 *
 * Pinning: as in run.ts, the servers get core 0 and the load generator core 1. Here every
 * Samplan process AND the PostgreSQL server share core 0: 1 and 3 processes get the same
 * CPU, so the ratio of their figures is the cost of splitting one core's work over three
 * processes, not the growth more cores would give (a 2-core machine has no core to spare).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../support/api.js';
import { DocumentLeases } from '../../server/cluster/document-leases.js';
import { createPostgresDatabase } from '../support/database.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { SAMPLAN_BENCH_ENV, samplanFlags, startProcess, stopProcess, type Process, type Target } from './targets.js';

/** The process `room` is routed to among `count`: FNV-1a of its id, as a stand-in for nginx's hash ring. */
export function routedProcess(room: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < room.length; i++) hash = Math.imul(hash ^ room.charCodeAt(i), 0x01000193) >>> 0;
  return hash % count;
}

/** Pins `pid`, all its threads and its child processes (PostgreSQL's backends and helpers), to core 0. */
function pinToCoreZero(pid: number): void {
  execFileSync('taskset', ['-a', '-cp', '0', String(pid)], { stdio: 'ignore' });
  const children = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(children)) return;
  for (const child of readFileSync(children, 'utf8').split(' ').filter(Boolean)) pinToCoreZero(Number(child));
}

/** A running set of Samplan processes on one database, and the person the bench signs in as. */
interface Cluster {
  procs: Process[];
  apis: ApiClient[];
  startAll(): Promise<void>;
  login(): Promise<void>;
}

/** Starts `count` Samplan processes on `databaseUrl`, pinned to core 0 (startProcess), and signs one person up on the first. */
async function startCluster(databaseUrl: string, count: number, dirs: string[]): Promise<Cluster> {
  const address = `bench.${Date.now()}@bench.samplan.se`;
  const envOf = (i: number) => {
    const dir = (dirs[i] ??= mkdtempSync(join(tmpdir(), 'samplan-bench-pg-')));
    return { ...SAMPLAN_BENCH_ENV, DATA_DIR: dir, DATABASE_URL: databaseUrl, SAMPLAN_PROCESS: `p${i}`, DRAIN_SECONDS: '0' };
  };
  const cluster: Cluster = {
    procs: [],
    apis: [],
    startAll: async () => {
      cluster.procs = [];
      for (let i = 0; i < count; i++) cluster.procs.push(await startProcess(['server/main.ts'], envOf(i), samplanFlags()));
    },
    // The session is PostgreSQL's: one log-in per process only to keep a cookie jar per process.
    login: async () => {
      cluster.apis = cluster.procs.map((p) => new ApiClient(p.url));
      for (const api of cluster.apis) await api.json('POST', '/api/auth/login', { email: address, password: 'bench-password' }, 200);
    },
  };
  try {
    await cluster.startAll();
    await new ApiClient(cluster.procs[0]?.url ?? '').signup(address, 'Bench', 'bench-password');
    await cluster.login();
    return cluster;
  } catch (error) {
    await Promise.all(cluster.procs.map(stopProcess));
    throw error;
  }
}

/**
 * The routed case, checked: every room still loaded is owned (its lease held) by the process
 * its id routes to, so no socket was forwarded. A room owned elsewhere sets the exit code.
 */
async function checkRouting(databaseUrl: string, procs: Process[], rooms: string[]): Promise<void> {
  const leases = await DocumentLeases.open(databaseUrl, 'bench-check');
  try {
    let owned = 0;
    const elsewhere: string[] = [];
    for (const room of rooms) {
      const owner = await leases.ownerOf(room);
      if (owner === null) continue;
      owned++;
      if (`http://${owner}` !== procs[routedProcess(room, procs.length)]?.url) elsewhere.push(`${room} at ${owner}`);
    }
    console.error(`  routing: ${owned} of ${rooms.length} rooms loaded, ${elsewhere.length} owned by a process other than the routed one`);
    if (elsewhere.length > 0) {
      console.error(`  not routed: ${elsewhere.slice(0, 5).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await leases.close();
  }
}

/**
 * Starts a throwaway PostgreSQL (Debian's package, tests/support/postgres.ts) and `count`
 * Samplan processes on one new database in it, all pinned to core 0. Throws with the
 * server's output when one does not start; stop() checks the routing, ends them and
 * deletes the cluster.
 */
export async function startSamplanOnPostgres(count: number): Promise<Target> {
  const postgres: PostgresServer = await startPostgres();
  const dirs: string[] = [];
  const removeAll = () => {
    postgres.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  let cluster: Cluster;
  let database: { url: string; drop(): Promise<void> };
  let workspace: string;
  try {
    // Before any connection: every backend forked later inherits the postmaster's core.
    pinToCoreZero(postgres.pid);
    database = await createPostgresDatabase(postgres.url);
    cluster = await startCluster(database.url, count, dirs);
    workspace = (await (cluster.apis[0] as ApiClient).json<{ id: string }>('POST', '/api/workspaces', { name: 'Bench' }, 201)).id;
  } catch (error) {
    removeAll();
    throw error;
  }
  const api = (i: number) => cluster.apis[i] as ApiClient;
  const created: string[] = [];
  return {
    name: count === 1 ? 'samplan-pg' : `samplan-cluster${count}`,
    protocol: 'y-websocket',
    get pid() {
      return cluster.procs[0]?.child.pid ?? 0;
    },
    get pids() {
      return cluster.procs.map((p) => p.child.pid ?? 0);
    },
    rooms: async (n) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        // Creating a document is not routed by document (nginx: round-robin); it loads no room.
        const body = { kind: 'agenda', title: `Rum ${created.length}` };
        ids.push((await api(created.length % count).json<{ id: string }>('POST', `/api/workspaces/${workspace}/documents`, body, 201)).id);
        created.push(ids.at(-1) ?? '');
      }
      return ids;
    },
    connectUrl: async (room) => {
      const at = routedProcess(room, count);
      const { ticket } = await api(at).json<{ ticket: string }>('POST', `/api/documents/${room}/ticket`, undefined, 200);
      return `${(cluster.procs[at] as Process).url.replace(/^http/, 'ws')}/ws/${room}?ticket=${ticket}`;
    },
    restart: async () => {
      await Promise.all(cluster.procs.map(stopProcess));
      await cluster.startAll();
      await cluster.login();
    },
    stop: async () => {
      await checkRouting(database.url, cluster.procs, created).catch((error: unknown) => console.error('  routing check failed:', error));
      await Promise.all(cluster.procs.map(stopProcess));
      await database.drop().catch(() => undefined);
      removeAll();
    },
  };
}

/** The cluster targets, by name: kept out of the default run (`npm run bench -- --cluster` runs them). */
export const CLUSTER_TARGETS: Record<string, () => Promise<Target>> = {
  'samplan-pg': () => startSamplanOnPostgres(1),
  'samplan-cluster3': () => startSamplanOnPostgres(3),
};
