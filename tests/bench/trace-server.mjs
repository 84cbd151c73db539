// A tracer to attach to a server under load, to find what stalls it:
//   BENCH_SAMPLAN_FLAGS="--import ./tests/bench/trace-server.mjs" npm run bench -- --only=samplan --workloads=w1
// On exit it appends one JSON line to $TRACE_OUT (default /tmp/samplan-trace.jsonl):
// event-loop delay percentiles, stalls over 15 ms [start ms, length ms], GC pauses over
// 2 ms [kind, ms, start ms] (kind 1 = scavenge, 4 = mark-compact, 8 = incremental), and
// every better-sqlite3 statement slower than 2 ms. Times are the process's performance.now();
// `originUs` is when that clock was 0 on the monotonic clock V8's CPU profiles use (µs), so
// a stall can be found in a profile taken alongside (BENCH_CPU_PROF).
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

const out = process.env.TRACE_OUT ?? '/tmp/samplan-trace.jsonl';
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();

const stalls = [];
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  if (now - last > 15) stalls.push([Math.round(last), Math.round(now - last)]);
  last = now;
}, 2).unref();

const gcs = [];
let gcCount = 0;
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcCount++;
    gcMs += entry.duration;
    if (entry.duration > 2) gcs.push([entry.detail?.kind, Number(entry.duration.toFixed(1)), Math.round(entry.startTime)]);
  }
}).observe({ entryTypes: ['gc'] });

const slow = {};
try {
  const Database = createRequire(`${process.cwd()}/package.json`)('better-sqlite3');
  const probe = new Database(':memory:');
  const Statement = Object.getPrototypeOf(probe.prepare('SELECT 1'));
  probe.close();
  for (const method of ['run', 'get', 'all']) {
    const original = Statement[method];
    Statement[method] = function timed(...args) {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const ms = performance.now() - start;
        if (ms > 2) (slow[`${method} ${this.source.slice(0, 50)}`] ??= []).push([Math.round(start), Number(ms.toFixed(1))]);
      }
    };
  }
} catch (error) {
  console.error('trace-server: could not time SQLite statements', error);
}

process.on('exit', () => {
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  appendFileSync(
    out,
    `${JSON.stringify({
      pid: process.pid,
      originUs: Math.round(Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000),
      script: process.argv.at(-1),
      delay: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
      stalls,
      gc: { count: gcCount, ms: Math.round(gcMs), over2ms: gcs },
      slow,
      cpu: process.cpuUsage(),
    })}\n`,
  );
});
