/**
 * `npm run bench -- --cluster [--quick] [--trials=N]`: W3 (and with --workloads=w1,w3 W1) on Samplan over PostgreSQL,
 * one process and three (tests/bench/cluster-targets.ts), and throughput against N
 * (cluster-summary.ts, docs/cluster.md "Throughput with processes").
 * `npm run bench [-- --quick] [-- --only=samplan,hocuspocus] [-- --workloads=w1,w2] [-- --trials=3] [-- --warmup=5]`:
 * Samplan side by side with @y/websocket-server and @hocuspocus/server (and a stateless
 * relay as the floor) on the same workloads, in one run, on this machine. Prints a table and writes
 * tests/bench/results/latest.json. `BENCH_CPU_PROF=<dir>` starts the servers with
 * `node --cpu-prof`, writing a profile into <dir> when each stops.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { coldLoad, fanout, ramp, reconnectStorm } from './workloads.js';
import { REFERENCES, TARGETS, type Target } from './targets.js';
import { CLUSTER_TARGETS } from './cluster-targets.js';
import { printClusterSummary } from './cluster-summary.js';

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
// `--cluster`: the PostgreSQL targets, one process and three, on W3 only (`--workloads=w1,w3`
// adds W1: 1 000 clients at once, which on this shared 2-core machine measured its load).
const cluster = process.argv.includes('--cluster');
const ALL_TARGETS = { ...TARGETS, ...CLUSTER_TARGETS };
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const names = onlyArg ? onlyArg.slice('--only='.length).split(',') : Object.keys(cluster ? CLUSTER_TARGETS : TARGETS);
// `--workloads=w1,w2` runs some workloads only (while profiling one, say).
const workloadsArg = process.argv.find((a) => a.startsWith('--workloads='));
const workloads = new Set(workloadsArg ? workloadsArg.slice('--workloads='.length).split(',') : cluster ? ['w3'] : ['w1', 'w2', 'w3', 'w4', 'w5']);
const loadAtStart = loadavg();

// W1–W3 are repeated, trial after trial across the servers (so slow drift in the machine
// touches every server alike), each trial on a freshly started server; the table shows
// each figure's median over the trials, and latest.json keeps every trial.
const trialsArg = process.argv.find((a) => a.startsWith('--trials='));
const trials = trialsArg ? Math.max(1, Number(trialsArg.slice('--trials='.length)) || 1) : quick ? 1 : 3;

// `--warmup=S`: seconds the W1/W2 load runs before its window is measured (default 5;
// `--warmup=0` measures a server's first seconds, its JIT warm-up included).
const warmupArg = process.argv.find((a) => a.startsWith('--warmup='));
const warmupSeconds = warmupArg ? Number(warmupArg.slice('--warmup='.length)) : 5;
if (!Number.isFinite(warmupSeconds) || warmupSeconds < 0) throw new Error(`--warmup wants seconds ≥ 0, not ${warmupArg}`);
const warmupMs = warmupSeconds * 1000;
// The quick run's windows are short; a second of warm-up is enough for a smoke run.
const quickWarmupMs = Math.min(warmupMs, 1000);

const plan = quick
  ? {
      w1: { rooms: 20, clientsPerRoom: 5, writersPerRoom: 5, editEveryMs: 2000, awarenessEveryMs: 1000, warmupMs: quickWarmupMs, durationMs: 6000 },
      w2: { rooms: 1, clientsPerRoom: 50, writersPerRoom: 5, editEveryMs: 500, awarenessEveryMs: 1000, warmupMs: quickWarmupMs, durationMs: 5000, awarenessWritersOnly: true },
      w3: { step: 10, maxRooms: 20, stepMs: 3000, warmupMs: cluster ? quickWarmupMs : 0 },
      w4: [50 * 1024, 1024 * 1024],
      w5: 200,
    }
  : {
      w1: { rooms: 200, clientsPerRoom: 5, writersPerRoom: 5, editEveryMs: 2000, awarenessEveryMs: 1000, warmupMs, durationMs: 20_000 },
      w2: { rooms: 1, clientsPerRoom: 200, writersPerRoom: 5, editEveryMs: 500, awarenessEveryMs: 1000, warmupMs, durationMs: 15_000, awarenessWritersOnly: true },
      // On PostgreSQL (--cluster) one shared core sustained hundreds of clients, not thousands: finer steps.
      // Alone (W1 does not run before it), a fresh cluster's first step also measured its JIT warm-up.
      w3: { step: cluster ? 10 : 100, maxRooms: 3000, stepMs: 5000, warmupMs: cluster ? warmupMs : 0 },
      w4: [50 * 1024, 1024 * 1024, 5 * 1024 * 1024],
      w5: 1000,
    };

type Step = [key: string, label: string, run: (t: Target) => Promise<unknown>];
type Results = Record<string, Record<string, unknown>>;
const results: Results = {};
/** Per server, per workload, each trial's result. */
const trialResults: Record<string, Record<string, unknown[]>> = {};

/** Starts `name`, runs those of `steps` that were asked for, stops it; errors are recorded, not thrown. */
async function session(name: string, heading: string, steps: Step[], record: (key: string, value: unknown) => void): Promise<void> {
  const wanted = steps.filter(([key]) => workloads.has(key));
  if (wanted.length === 0) return;
  const start = ALL_TARGETS[name];
  if (!start) throw new Error(`unknown target ${name}`);
  console.error(`\n▶ ${name}${heading}`);
  let target: Target | null = null;
  try {
    const t = await start();
    target = t;
    for (const [key, label, run] of wanted) {
      console.error(`  ${label}…`);
      record(key, await run(t));
    }
  } catch (error) {
    console.error(`  ${name} failed:`, error);
    record('error', String(error));
  } finally {
    await target?.stop();
  }
}

const startedAt = performance.now();
for (let trial = 1; trial <= trials; trial++) {
  for (const name of names) {
    const reference = REFERENCES.has(name);
    const steps: Step[] = [
      ['w1', 'W1 many small rooms', (t) => fanout(t, { ...plan.w1, checkConvergence: !reference })],
      ['w2', 'W2 one big room', (t) => fanout(t, { ...plan.w2, checkConvergence: !reference })],
    ];
    if (!reference) steps.push(['w3', 'W3 ramp', (t) => ramp(t, plan.w3)]);
    await session(
      name,
      trials > 1 ? ` (trial ${trial} of ${trials})` : '',
      steps,
      (key, value) => ((trialResults[name] ??= {})[key] ??= []).push(value),
    );
  }
}
for (const name of names) {
  results[name] = {};
  for (const [key, values] of Object.entries(trialResults[name] ?? {})) results[name][key] = key === 'error' ? values.join('; ') : medianOf(values);
  if (REFERENCES.has(name)) continue;
  await session(
    name,
    '',
    [
      ['w5', 'W5 reconnect storm', (t) => reconnectStorm(t, plan.w5)],
      ['w4', 'W4 cold load', (t) => coldLoad(t, plan.w4)],
    ],
    (key, value) => ((results[name] ??= {})[key] = value),
  );
}

/** Field by field, the median of the trials' numbers (lists, such as ramp steps, stay in the trials). */
function medianOf(values: unknown[]): unknown {
  if (values.every((v) => typeof v === 'number')) return median(values as number[]);
  if (values.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) {
    const objects = values as Array<Record<string, unknown>>;
    const keys = new Set(objects.flatMap((o) => Object.keys(o)));
    return Object.fromEntries([...keys].map((key) => [key, medianOf(objects.map((o) => o[key]))]).filter(([, v]) => v !== undefined));
  }
  if (values.every((v) => typeof v === 'string')) return [...new Set(values)].join('/');
  return undefined;
}

function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : Math.round((((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2) * 100) / 100;
}

// ---- Table ----
const rows: string[][] = [['metric', ...names]];
const dig = (value: unknown, path: string[]): unknown => path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
const get = (name: string, path: string[]): unknown => dig(results[name], path);
/** Each trial's value of a W1–W3 figure, as "a · b · c". */
const perTrial = (name: string, path: string[]): string => {
  const [key, ...rest] = path;
  const values = (trialResults[name]?.[key ?? ''] ?? []).map((trial) => dig(trial, rest));
  return values.map((v) => String(v ?? '–')).join(' · ');
};
/** A row: `higher` when more is better; `trials` shows each trial's value; `ratio: false` for counts where a ratio means nothing. */
const add = (label: string, path: string[], { higher = false, trials: showTrials = false, ratio: showRatio = true } = {}) => {
  const lowerIsBetter = !higher;
  const values = names.map((n) => get(n, path));
  const numbers = values.map((v) => (typeof v === 'number' ? v : NaN));
  const peers = names.map((n, i) => (n === 'samplan' || REFERENCES.has(n) ? NaN : numbers[i] ?? NaN)).filter((v) => Number.isFinite(v));
  const best = peers.length > 0 ? (lowerIsBetter ? Math.min(...peers) : Math.max(...peers)) : NaN;
  rows.push([
    label,
    ...values.map((v, i) => {
      const text = typeof v === 'number' ? String(v) : String(v ?? '–');
      const ratio = showRatio && names[i] === 'samplan' && Number.isFinite(best) && best !== 0 ? ` (${((numbers[i] ?? NaN) / best).toFixed(2)}×)` : '';
      const each = showTrials && trials > 1 ? ` [${perTrial(names[i] ?? '', path)}]` : '';
      return text + ratio + each;
    }),
  ]);
};
for (const w of ['w1', 'w2'] as const) {
  add(`${w.toUpperCase()} fan-out p50 ms`, [w, 'latency', 'p50']);
  add(`${w.toUpperCase()} fan-out p99 ms`, [w, 'latency', 'p99'], { trials: true });
  add(`${w.toUpperCase()} fan-out max ms`, [w, 'latency', 'max']);
  add(`${w.toUpperCase()} p50 outside generator GC`, [w, 'latencyOutsideGeneratorGc', 'p50']);
  add(`${w.toUpperCase()} p99 outside generator GC`, [w, 'latencyOutsideGeneratorGc', 'p99']);
  add(`${w.toUpperCase()} undelivered`, [w, 'undelivered'], { ratio: false });
  add(`${w.toUpperCase()} server CPU s`, [w, 'cpuSeconds']);
  add(`${w.toUpperCase()} RSS per room KB`, [w, 'rssPerRoomKb']);
  if (w === 'w1') add('W1 RSS added per room KB (above the idle server)', [w, 'rssAddedPerRoomKb']);
  add(`${w.toUpperCase()} generator lag p99 ms`, [w, 'generatorLagP99'], { ratio: false });
  add(`${w.toUpperCase()} generator CPU s`, [w, 'generatorCpuSeconds'], { ratio: false });
  add(`${w.toUpperCase()} generator GC ms`, [w, 'generatorGcMs'], { ratio: false });
  add(`${w.toUpperCase()} rooms converged (real providers)`, [w, 'convergence', 'converged'], { trials: true, ratio: false });
}
add('W3 sustained clients', ['w3', 'sustainedClients'], { higher: true, trials: true });
add('W3 ended by', ['w3', 'endedBy'], { trials: true });
add('W3 generator lag p99 at the end, ms', ['w3', 'lastLag'], { trials: true, ratio: false });
for (const size of plan.w4.map((s) => `${Math.round(s / 1024)}KB`)) {
  add(`W4 cold load ${size} ms`, ['w4', size, 'single']);
  add(`W4 cold load ${size} ×20 p99 ms`, ['w4', size, 'twentyP99']);
}
add('W5 all synced ms', ['w5', 'allSyncedMs']);
add('W5 p99 ms', ['w5', 'p99']);
add('W5 failed', ['w5', 'failed'], { ratio: false });
const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
console.log(`\n(ratio in round brackets: Samplan ÷ best peer; "floor" is a stateless relay, not a peer: what the generator and sockets alone cost; W1 and W2 measured after ${plan.w1.warmupMs / 1000} s of load; W1–W3 are medians of ${trials} trial(s), each trial's value in square brackets; runs where the generator lag p99 > 5 ms measured the generator, not the server)`);
console.log(`whole run: ${Math.round((performance.now() - startedAt) / 1000)} s`);
if (cluster) printClusterSummary(trialResults, { loadAtStart, trials, stepMs: plan.w3.stepMs });

const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}${cluster ? 'cluster' : 'latest'}.json`, JSON.stringify({ at: new Date().toISOString(), quick, trials, warmupSeconds: plan.w1.warmupMs / 1000, results, trialResults }, null, 2));
// Timings are not judged here, but Samplan's real providers not converging is a bug.
const diverged = ['w1', 'w2'].flatMap((w) => (trialResults.samplan?.[w] ?? []) as Array<{ convergence?: { rooms: number; converged: number } }>).some((r) => r.convergence && r.convergence.converged < r.convergence.rooms);
if (diverged) console.error('samplan: real providers did not converge in every room');
// A cluster target's routing check (cluster-targets.ts) sets the exit code when a room was owned elsewhere.
const failed = diverged || process.exitCode === 1 || Object.values(results).some((r) => 'error' in r);
process.exit(failed ? 1 : 0);

