/**
 * The summary `npm run bench -- --cluster` prints after its table (issue 21 "Tests and
 * figures"): sustained clients on one process and on three, the ratio to N, the machine's
 * cores and load, and what the model of docs/cluster.md "Throughput with processes"
 * predicts for the same routing.
 */
import { cpus, loadavg } from 'node:os';
import type { RampStep } from './workloads.js';

interface RampResult {
  sustainedClients: number;
  endedBy: string;
  steps: RampStep[];
}

interface FanoutTrial {
  latency?: { p99: number };
}

/**
 * A forwarder's CPU per piped message ÷ the owner's per delivered one (66 ÷ 82 µs,
 * tests/bench/cluster-cost.ts, docs/cluster.md): what a socket at the wrong process costs.
 */
const FORWARD_COST_RATIO = 0.8;
/** Share of sockets at a process other than their room's owner: 0 when routed by document, as here. */
const FORWARDED_SHARE = 0;

const median = (values: number[]): number => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * Samplan CPU (all processes) per connected client, in ms per second, at a ramp's last
 * passing step, or at its first when none passed: the per-process cost shows in it either way.
 */
function cpuPerClient(ramp: RampResult, stepMs: number): number {
  const step = [...ramp.steps].reverse().find((s) => s.clients === ramp.sustainedClients) ?? ramp.steps[0];
  return step ? (step.cpuSeconds / (stepMs / 1000) / step.clients) * 1000 : NaN;
}

/** The process count a cluster target's name ends with (`samplan-cluster3` → 3); 1 for `samplan-pg`. */
const processesOf = (name: string): number => Number(/(\d+)$/.exec(name)?.[1] ?? 1);

/**
 * Prints the summary to stdout. `trialResults` is run.ts's: per target, per workload, each
 * trial's result; `stepMs` the ramp's step length. Prints nothing useful (NaN) for a target
 * that failed, and says so.
 */
export function printClusterSummary(trialResults: Record<string, Record<string, unknown[]>>, options: { loadAtStart: number[]; trials: number; stepMs: number }): void {
  // Not availableParallelism(): the generator is pinned to one core and would see 1.
  const cores = cpus().length;
  const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(' / ');
  console.log(`\nThroughput with processes — this machine: ${cores} cores; load average (1/5/15 min) ${load(options.loadAtStart)} at the start, ${load(loadavg())} at the end`);
  const rows = Object.entries(trialResults).map(([name, byWorkload]) => {
    const ramps = (byWorkload.w3 ?? []) as RampResult[];
    const w1 = (byWorkload.w1 ?? []) as FanoutTrial[];
    return {
      name,
      processes: processesOf(name),
      sustained: median(ramps.map((r) => r.sustainedClients)),
      each: ramps.map((r) => `${r.sustainedClients} (${r.endedBy} at ${r.steps.at(-1)?.clients ?? '?'}: p99 ${r.steps.at(-1)?.p99 ?? '?'} ms)`).join(' · '),
      cpuMs: median(ramps.map((r) => cpuPerClient(r, options.stepMs))),
      w1p99: median(w1.map((r) => r.latency?.p99 ?? NaN)),
    };
  });
  for (const r of rows) {
    console.log(
      `  ${r.name} (${r.processes} process${r.processes > 1 ? 'es' : ''}): W3 sustained clients ${r.sustained} [${r.each}]; Samplan CPU ${r.cpuMs.toFixed(2)} ms/s per client (at that size, or the first step); W1 fan-out p99 ${r.w1p99} ms`,
    );
  }
  const one = rows.find((r) => r.processes === 1);
  const many = rows.find((r) => r.processes > 1);
  if (!one || !many) return;
  // The per-process cost: at the ramp's first step both carry the same clients, so the CPU
  // the extra processes add there is what each costs by itself (runtime, timers, connections).
  const firstCpu = (name: string) => median(((trialResults[name]?.w3 ?? []) as RampResult[]).map((r) => ((r.steps[0]?.cpuSeconds ?? NaN) / options.stepMs) * 1e6));
  const extra = (firstCpu(many.name) - firstCpu(one.name)) / (many.processes - 1);
  console.log(`  Per extra process, at the first step's load: ${extra.toFixed(0)} ms CPU per second (1 process: ${firstCpu(one.name).toFixed(0)}, ${many.processes}: ${firstCpu(many.name).toFixed(0)})`);
  if (!(one.sustained > 0) || !(many.sustained > 0)) {
    console.log('  No ratio: a ramp sustained no step (its first step\'s p99 > 50 ms, or its generator lagged: on a busy machine the servers wait for core 0 and the generator for core 1).');
    return;
  }
  const ratio = many.sustained / one.sustained;
  const n = many.processes;
  const modelFreeCores = n / (1 + FORWARDED_SHARE * FORWARD_COST_RATIO);
  console.log(`  ${n} processes ÷ 1: ${ratio.toFixed(2)} = ${(ratio / n).toFixed(2)} × N (target ≥ 0.7 × N)`);
  console.log(
    `  Model (docs/cluster.md, routed by document: f = ${FORWARDED_SHARE}, c_f/c_o = ${FORWARD_COST_RATIO}): on ${n} free cores ≈ ${modelFreeCores.toFixed(1)} × one process ≈ ${Math.round(modelFreeCores * one.sustained)} clients.`,
  );
  console.log(
    `  Here every Samplan process and PostgreSQL share core 0 and the generator has core 1, so ${n} processes get the same one core as 1: the model predicts ≈ 1.0 × one process; ` +
      `${ratio.toFixed(2)} measured: splitting one core's rooms over ${n} processes costs ${Math.round((1 - ratio) * 100)} %, so with a core per process ≈ ${ratio.toFixed(2)} × N (the same CPU per client, the same routing).`,
  );
}
