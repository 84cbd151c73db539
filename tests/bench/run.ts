/**
 * `npm run bench [-- --quick] [-- --only=samplan,hocuspocus] [-- --workloads=w1,w2]`:
 * Samplan side by side with @y/websocket-server and @hocuspocus/server on the same
 * workloads, in one run, on this machine. Prints a table and writes
 * tests/bench/results/latest.json. `BENCH_CPU_PROF=<dir>` starts the servers with
 * `node --cpu-prof`, writing a profile into <dir> when each stops.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { coldLoad, fanout, ramp, reconnectStorm } from './workloads.js';
import { TARGETS, type Target } from './targets.js';

// Pin the load generator to core 1 (servers run on core 0), once. BENCH_GENERATOR_FLAGS
// and BENCH_SAMPLAN_FLAGS add node flags to the generator and to Samplan, for experiments.
const GENERATOR_FLAGS = (process.env.BENCH_GENERATOR_FLAGS ?? '').split(' ').filter(Boolean);
if (!process.env.BENCH_PINNED) {
  const result = spawnSync('taskset', ['-c', '1', process.execPath, ...GENERATOR_FLAGS, '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_PINNED: '1' },
  });
  process.exit(result.status ?? 1);
}

// Every raw client keeps a few listeners; thousands of them are expected here.
process.setMaxListeners(0);
const quick = process.argv.includes('--quick');
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const names = onlyArg ? onlyArg.slice('--only='.length).split(',') : Object.keys(TARGETS);
// `--workloads=w1,w2` runs some workloads only (while profiling one, say).
const workloadsArg = process.argv.find((a) => a.startsWith('--workloads='));
const workloads = new Set(workloadsArg ? workloadsArg.slice('--workloads='.length).split(',') : ['w1', 'w2', 'w3', 'w4', 'w5']);

const plan = quick
  ? {
      w1: { rooms: 20, clientsPerRoom: 5, writersPerRoom: 5, editEveryMs: 2000, awarenessEveryMs: 1000, durationMs: 6000 },
      w2: { rooms: 1, clientsPerRoom: 50, writersPerRoom: 5, editEveryMs: 500, awarenessEveryMs: 1000, durationMs: 5000, awarenessWritersOnly: true },
      w3: { step: 10, maxRooms: 20, stepMs: 3000 },
      w4: [50 * 1024, 1024 * 1024],
      w5: 200,
    }
  : {
      w1: { rooms: 200, clientsPerRoom: 5, writersPerRoom: 5, editEveryMs: 2000, awarenessEveryMs: 1000, durationMs: 30_000 },
      w2: { rooms: 1, clientsPerRoom: 200, writersPerRoom: 5, editEveryMs: 500, awarenessEveryMs: 1000, durationMs: 20_000, awarenessWritersOnly: true },
      w3: { step: 50, maxRooms: 900, stepMs: 8000 },
      w4: [50 * 1024, 1024 * 1024, 5 * 1024 * 1024],
      w5: 1000,
    };

type Results = Record<string, Record<string, unknown>>;
const results: Results = {};

async function measure(name: string): Promise<void> {
  const start = TARGETS[name];
  if (!start) throw new Error(`unknown target ${name}`);
  console.error(`\n▶ ${name}`);
  let target: Target | null = null;
  try {
    const t = await start();
    target = t;
    const r: Record<string, unknown> = {};
    const run = async (key: string, label: string, workload: () => Promise<unknown>) => {
      if (!workloads.has(key)) return;
      console.error(`  ${label}…`);
      r[key] = await workload();
    };
    await run('w1', 'W1 many small rooms', () => fanout(t, plan.w1));
    await run('w2', 'W2 one big room', () => fanout(t, plan.w2));
    await run('w3', 'W3 ramp', () => ramp(t, plan.w3));
    await run('w5', 'W5 reconnect storm', () => reconnectStorm(t, plan.w5));
    await run('w4', 'W4 cold load', () => coldLoad(t, plan.w4));
    results[name] = r;
  } catch (error) {
    console.error(`  ${name} failed:`, error);
    results[name] = { error: String(error) };
  } finally {
    await target?.stop();
  }
}

for (const name of names) await measure(name);

// ---- Table ----
type Fan = { latency: { p50: number; p99: number; max: number }; undelivered: number; cpuSeconds: number; rssPerRoomKb: number; generatorLagP99: number };
const rows: string[][] = [['metric', ...names]];
const get = (name: string, path: string[]): unknown => path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), results[name]);
const add = (label: string, path: string[], lowerIsBetter = true) => {
  const values = names.map((n) => get(n, path));
  const numbers = values.map((v) => (typeof v === 'number' ? v : NaN));
  const peers = names.map((n, i) => (n === 'samplan' ? NaN : numbers[i] ?? NaN)).filter((v) => Number.isFinite(v));
  const best = peers.length > 0 ? (lowerIsBetter ? Math.min(...peers) : Math.max(...peers)) : NaN;
  rows.push([
    label,
    ...values.map((v, i) => {
      const text = typeof v === 'number' ? String(v) : String(v ?? '–');
      const ratio = names[i] === 'samplan' && Number.isFinite(best) && best !== 0 ? ` (${((numbers[i] ?? NaN) / best).toFixed(2)}×)` : '';
      return text + ratio;
    }),
  ]);
};
for (const w of ['w1', 'w2'] as const) {
  add(`${w.toUpperCase()} fan-out p50 ms`, [w, 'latency', 'p50']);
  add(`${w.toUpperCase()} fan-out p99 ms`, [w, 'latency', 'p99']);
  add(`${w.toUpperCase()} fan-out max ms`, [w, 'latency', 'max']);
  add(`${w.toUpperCase()} p50 outside generator GC`, [w, 'latencyOutsideGeneratorGc', 'p50']);
  add(`${w.toUpperCase()} p99 outside generator GC`, [w, 'latencyOutsideGeneratorGc', 'p99']);
  add(`${w.toUpperCase()} undelivered`, [w, 'undelivered']);
  add(`${w.toUpperCase()} server CPU s`, [w, 'cpuSeconds']);
  add(`${w.toUpperCase()} RSS per room KB`, [w, 'rssPerRoomKb']);
  add(`${w.toUpperCase()} generator lag p99 ms`, [w, 'generatorLagP99']);
  add(`${w.toUpperCase()} generator CPU s`, [w, 'generatorCpuSeconds']);
  add(`${w.toUpperCase()} generator GC ms`, [w, 'generatorGcMs']);
}
add('W3 sustained clients', ['w3', 'sustainedClients'], false);
for (const size of plan.w4.map((s) => `${Math.round(s / 1024)}KB`)) {
  add(`W4 cold load ${size} ms`, ['w4', size, 'single']);
  add(`W4 cold load ${size} ×20 p99 ms`, ['w4', size, 'twentyP99']);
}
add('W5 all synced ms', ['w5', 'allSyncedMs']);
add('W5 p99 ms', ['w5', 'p99']);
add('W5 failed', ['w5', 'failed']);
const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
console.log('\n(ratio in brackets: Samplan ÷ best peer; runs where the generator lag p99 > 5 ms measured the generator, not the server)');

const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}latest.json`, JSON.stringify({ at: new Date().toISOString(), quick, results }, null, 2));
const failed = Object.values(results).some((r) => 'error' in r);
process.exit(failed ? 1 : 0);

export type { Fan };
