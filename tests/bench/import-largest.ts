/**
 * The largest plan-table import DESIGN allows ("Limits every boundary enforces": 5 MiB,
 * 20 000 rows) against the real server in this process (red team S9 finding 3: 1.38 GB RSS
 * that stayed, 8.5 s, another room's edits waited 409 ms). Per trial: the import's wall
 * time, the process's RSS (sampled every 50 ms: before, peak, right after, and `settleS`
 * seconds later), the event loop's delay (`monitorEventLoopDelay` max), the most CPU one
 * turn of the main thread's loop used (/proc/thread-self/schedstat: not inflated when the
 * machine is busy), a bystander's edit round trip on another document (tests/support/
 * bystander.ts) and the load average. Figures in docs/performance.md.
 * Run: `npx tsx tests/bench/import-largest.ts [trials=2] [settleS=35]`.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { ApiClient, email } from '../support/api.js';
import { startBystander } from '../support/bystander.js';
import { largestTable } from '../support/largest-table.js';
import { startTestServer } from '../support/server.js';

const trials = Number(process.argv[2] ?? 2);
const settleS = Number(process.argv[3] ?? 35);
const MB = 1024 * 1024;

function threadCpuNs(): number {
  return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
}

/** Samples RSS and the main thread's CPU per loop turn until `stop`. */
function sample() {
  let peakRss = process.memoryUsage().rss;
  let lastCpu = threadCpuNs();
  let maxTurnCpuNs = 0;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const cpu = threadCpuNs();
    maxTurnCpuNs = Math.max(maxTurnCpuNs, cpu - lastCpu);
    lastCpu = cpu;
  }, 50);
  return { stop: () => (clearInterval(timer), { peakMb: Math.round(peakRss / MB), maxTurnCpuMs: Math.round(maxTurnCpuNs / 1e6) }) };
}

const server = await startTestServer();
const api = new ApiClient(server.url);
await api.signup(email('importer'));
const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Stor' }, 201)).id;
const table = largestTable();
console.log(`table: ${table.split('\n').length - 1} rows, ${(Buffer.byteLength(table) / MB).toFixed(2)} MiB`);
const bystander = await startBystander(server.url);

for (let trial = 1; trial <= trials; trial++) {
  const before = Math.round(process.memoryUsage().rss / MB);
  const load = loadavg()[0]?.toFixed(1);
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const samples = sample();
  const trips = bystander.measure();
  const start = performance.now();
  const response = await api.request('POST', `/api/workspaces/${ws}/import`, table, { 'content-type': 'text/tab-separated-values' });
  await response.arrayBuffer();
  const ms = Math.round(performance.now() - start);
  // Compaction and history's reading of the new document come after the answer.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const seen = await trips.stop();
  lag.disable();
  const after = Math.round(process.memoryUsage().rss / MB);
  await new Promise((resolve) => setTimeout(resolve, settleS * 1000));
  const { peakMb, maxTurnCpuMs } = samples.stop();
  const settled = Math.round(process.memoryUsage().rss / MB);
  console.log(
    `trial ${trial}: ${response.status} in ${ms} ms; RSS MB before ${before}, peak ${peakMb}, +2 s ${after}, +${settleS} s ${settled}; ` +
      `loop delay max ${Math.round(lag.max / 1e6)} ms, most CPU in one loop turn ${maxTurnCpuMs} ms; ` +
      `bystander round trips max ${seen.max} ms, median ${seen.median} ms (${seen.count}); load ${load}`,
  );
}
bystander.close();
await server.stop();
