// The Node flags the server runs with: `npm start` (scripts/start.mjs) and the benchmark
// (tests/bench/targets.ts) both take them from here, so the benchmark measures what ships.
import { availableParallelism } from 'node:os';

/**
 * On one CPU, V8's garbage-collector helper threads (four by default) take turns with
 * the event loop on that CPU: during each concurrent marking every room waited 50–140 ms
 * in bursts, which ended W3 at 3 600–4 800 clients. Marking on the main thread, in small
 * steps between events, five of six full-run trials reached 7 200–8 800
 * (docs/performance.md). With more CPUs the helpers run beside the event loop, and V8's
 * defaults stay.
 */
export function serverNodeFlags(cpus = availableParallelism()) {
  return cpus <= 1 ? ['--single-threaded-gc'] : [];
}
