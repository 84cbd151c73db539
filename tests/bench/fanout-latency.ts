/**
 * Fan-out latency: time from one client's edit to every other client seeing it, through
 * the real server (own process) with auth and persistence on. Real y-websocket providers
 * in this process share one clock.
 *
 *   npx tsx tests/bench/fanout-latency.ts [clients…]   (default: 2 50)
 */
import { rmSync } from 'node:fs';
import { ApiClient, email } from '../support/api.js';
import { spawnServer, tempDataDir } from '../support/server.js';
import { connectPeer, synced, type Peer } from '../support/yclient.js';

// Every provider registers a process exit handler; 50 of them are expected here.
process.setMaxListeners(0);

const EDITS = 200;
const INTERVAL_MS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function run(clients: number): Promise<{ clients: number; samples: number; median: number; p99: number; max: number; undelivered: number }> {
  const dataDir = tempDataDir();
  // One user, one address, many sockets: the per-user and per-address socket limits opened.
  const server = await spawnServer(dataDir, { CONNECTIONS_PER_USER: '100000', CONNECTIONS_PER_ADDRESS: '100000', OPEN_CONNECTIONS_PER_ADDRESS: '100000' });
  try {
    const api = new ApiClient(server.url);
    await api.signup(email('bench'));
    const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Bench' }, 201)).id;
    const doc = (await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Bench' }, 201)).id;
    const peers: Peer[] = Array.from({ length: clients }, () => connectPeer(server.url, doc, { cookie: api.sessionCookie }));
    await Promise.all(peers.map((p) => synced(p, 30_000)));
    const [writer, ...receivers] = peers;
    if (!writer) throw new Error('no writer');
    const sentAt = new Map<number, number>();
    const latencies: number[] = [];
    const seen = receivers.map(() => new Set<number>());
    receivers.forEach((peer, r) => {
      peer.doc.getMap('session').observe(() => {
        const i = peer.doc.getMap('session').get('i');
        const at = typeof i === 'number' ? sentAt.get(i) : undefined;
        if (typeof i === 'number' && at !== undefined && !seen[r]?.has(i)) {
          seen[r]?.add(i);
          latencies.push(performance.now() - at);
        }
      });
    });
    for (let i = 0; i < EDITS; i++) {
      sentAt.set(i, performance.now());
      writer.doc.getMap('session').set('i', i);
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const p of peers) p.destroy();
    const sorted = [...latencies].sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      clients,
      samples: sorted.length,
      median: round(percentile(sorted, 50)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? NaN),
      undelivered: EDITS * receivers.length - sorted.length,
    };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n >= 2);
for (const clients of sizes.length > 0 ? sizes : [2, 50]) {
  const result = await run(clients);
  console.log(
    `${String(result.clients).padStart(3)} clients: median ${result.median} ms, p99 ${result.p99} ms, max ${result.max} ms ` +
      `(${result.samples} deliveries, ${result.undelivered} undelivered)`,
  );
}
