/** The hostile run's table and verdict (tests/hostile/run.ts). */
import type { LatencySummary } from '../bench/stats.js';

export interface Row {
  name: string;
  /** Close codes and refusals the attacker saw. */
  saw: string[];
  /** Whether the server was alive and answered HTTP within 5 s after the attack. */
  up: boolean;
  converged: boolean;
  latency: LatencySummary & { lost: number };
  /** The server's peak RSS during this phase. */
  rssMb: number;
  /** The attacking harness's event-loop lag (p99, ms); the bystanders time on their own process. */
  harnessLagMs: number;
  problems: string[];
}

export interface Totals {
  latency: LatencySummary;
  peakRssMb: number;
  p99LimitMs: number;
  rssLimitMb: number;
}

const cell = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : '–');

/** What the whole run broke besides the rows' own problems. */
export function totalProblems(totals: Totals): string[] {
  const problems: string[] = [];
  if (!(totals.latency.p99 < totals.p99LimitMs)) problems.push(`bystander p99 edit latency ${cell(totals.latency.p99)} ms (limit ${totals.p99LimitMs} ms)`);
  if (!(totals.peakRssMb < totals.rssLimitMb)) problems.push(`server peak RSS ${cell(totals.peakRssMb)} MB (limit ${totals.rssLimitMb} MB)`);
  return problems;
}

/** Prints the table, each failure, and the verdict; returns how many failures there were. */
export function printReport(rows: Row[], totals: Totals): number {
  const header = ['attack', 'result', 'up', 'converged', 'p50 ms', 'p99 ms', 'max ms', 'lost', 'RSS MB', 'attacker lag ms', 'attacker saw'];
  const lines = rows.map((row) => [
    row.name,
    row.problems.length === 0 ? 'ok' : 'FAIL',
    row.up ? 'yes' : 'NO',
    row.converged ? 'yes' : 'NO',
    cell(row.latency.p50),
    cell(row.latency.p99),
    cell(row.latency.max),
    String(row.latency.lost),
    cell(row.rssMb),
    cell(row.harnessLagMs),
    row.saw.join('; '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => (line[i] ?? '').length)));
  const format = (line: string[]) => line.map((value, i) => value.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const line of lines) console.log(format(line));
  const overall = totalProblems(totals);
  console.log(`\nall phases: bystander p50 ${cell(totals.latency.p50)} ms, p99 ${cell(totals.latency.p99)} ms; server peak RSS ${cell(totals.peakRssMb)} MB`);
  const failures = [...rows.flatMap((row) => row.problems.map((problem) => `${row.name}: ${problem}`)), ...overall];
  for (const failure of failures) console.log(`FAIL ${failure}`);
  console.log(failures.length === 0 ? '\ntest:hostile: every attack held' : `\ntest:hostile: ${failures.length} failure(s)`);
  return failures.length;
}
