/**
 * The per-process cost of fan-out with many processes (issue 21 "Tests and figures",
 * docs/cluster.md "Throughput with processes"): CPU time each Samplan process spends per
 * message it delivers, on one process and on three, where a socket either reaches the
 * document's owner directly or lands on another process that pipes it to the owner.
 *
 * A 2-core machine shared with other work cannot show throughput growing with processes,
 * so this measures what the model needs instead: CPU seconds (utime + stime from
 * /proc/<pid>/stat, which other load on the machine inflates far less than wall time) per
 * delivered message, for the owner and for a forwarding process, with what the processes
 * spend idle (every socket open, nobody writing) subtracted. Figures: docs/cluster.md
 * "Throughput with processes".
 *
 *   npx tsx tests/bench/cluster-cost.ts [clients] [edits]   (default: 30 300)
 */
import { readFileSync, rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { ApiClient, email } from '../support/api.js';
import { createPostgresDatabase } from '../support/database.js';
import { startPostgres } from '../support/postgres.js';
import { spawnServer, tempDataDir } from '../support/server.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';

process.setMaxListeners(0);

const CLIENTS = Number(process.argv[2] ?? 30);
const EDITS = Number(process.argv[3] ?? 300);
const INTERVAL_MS = 20;
/** Clock ticks per second of /proc's utime and stime (USER_HZ; 100 on Linux). */
const TICKS = 100;

/** CPU seconds the process has used so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

interface Proc {
  url: string;
  child: ChildProcess;
}

/** One run: `count` processes on one database, CLIENTS sockets spread over them round-robin. */
async function run(serverUrl: string, count: number): Promise<Array<{ process: string; role: string; sockets: number; idleCpuS: number; cpuS: number; messages: number; usPerMessage: number }>> {
  const database = await createPostgresDatabase(serverUrl);
  const dirs: string[] = [];
  const procs: Proc[] = [];
  const env = { DATABASE_URL: database.url, CONNECTIONS_PER_USER: '100000', CONNECTIONS_PER_ADDRESS: '100000', OPEN_CONNECTIONS_PER_ADDRESS: '100000', DRAIN_SECONDS: '0' };
  try {
    for (let i = 0; i < count; i++) {
      const dir = tempDataDir();
      dirs.push(dir);
      procs.push(await spawnServer(dir, { ...env, SAMPLAN_PROCESS: `p${i}` }, 90_000));
    }
    const first = procs[0] as Proc;
    const api = new ApiClient(first.url);
    await api.signup(email('cluster-cost'));
    const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Kostnad' }, 201)).id;
    const doc = (await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Kostnad' }, 201)).id;
    // The writer first, at p0: p0 loads the document and owns it; the rest spread round-robin.
    const peers: Peer[] = [];
    const socketsAt = procs.map(() => 0);
    for (let i = 0; i < CLIENTS; i++) {
      const at = i % count;
      peers.push(connectPeer((procs[at] as Proc).url, doc, { cookie: api.sessionCookie }));
      socketsAt[at] = (socketsAt[at] ?? 0) + 1;
      if (i === 0) await synced(peers[0] as Peer, 60_000);
    }
    await Promise.all(peers.map((p) => synced(p, 60_000)));
    const [writer, ...receivers] = peers;
    if (!writer) throw new Error('no writer');
    // Settled: joins done before the clock starts.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // What the processes spend with every socket open and nobody writing, over as long as
    // the writing takes (timers, awareness, sweeps): subtracted, so the figure is per message.
    const idleStart = procs.map((p) => cpuSeconds(p.child.pid ?? 0));
    const idleMs = EDITS * INTERVAL_MS;
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const idle = procs.map((p, i) => cpuSeconds(p.child.pid ?? 0) - (idleStart[i] ?? 0));
    const before = procs.map((p) => cpuSeconds(p.child.pid ?? 0));
    const startedAt = performance.now();
    for (let i = 1; i <= EDITS; i++) {
      writer.doc.getMap('session').set('i', i);
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
    await until(() => receivers.every((p) => p.doc.getMap('session').get('i') === EDITS), 120_000, 'every receiver at the last edit');
    const after = procs.map((p) => cpuSeconds(p.child.pid ?? 0));
    const busyMs = performance.now() - startedAt;
    for (const p of peers) p.destroy();
    const delivered = EDITS * receivers.length;
    // The owner's cost is per message delivered to any socket (it frames and sends them all);
    // a forwarder's per message it pipes (to the sockets that reached it).
    return procs.map((_, i) => {
      const cpuS = (after[i] ?? 0) - (before[i] ?? 0) - (idle[i] ?? 0) * (busyMs / idleMs);
      const messages = i === 0 ? delivered : EDITS * (socketsAt[i] ?? 0);
      return { process: `p${i}`, role: i === 0 ? 'owner' : 'forwarder', sockets: socketsAt[i] ?? 0, idleCpuS: Math.round((idle[i] ?? 0) * 100) / 100, cpuS: Math.round(cpuS * 100) / 100, messages, usPerMessage: Math.round((cpuS / messages) * 1e6 * 10) / 10 };
    });
  } finally {
    for (const p of procs) p.child.kill('SIGKILL');
    await database.drop().catch(() => undefined);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

const postgres = await startPostgres();
try {
  for (const count of [1, 3]) {
    const rows = await run(postgres.url, count);
    console.log(JSON.stringify({ processes: count, clients: CLIENTS, edits: EDITS, delivered: EDITS * (CLIENTS - 1), rows }));
  }
} finally {
  postgres.stop();
}
process.exit(0);
