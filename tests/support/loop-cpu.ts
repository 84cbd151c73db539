/**
 * How long this thread's event loop was held, in CPU time rather than wall time, for tests
 * of "heavy work never blocks other users" (DESIGN "Limits every boundary enforces"). The
 * server runs in the test's own thread, so its loop is this one.
 *
 * Why not `monitorEventLoopDelay`: it measures wall time, and on a shared 2-core machine at
 * load 10–20 the kernel takes the CPU away from a thread for hundreds of milliseconds at a
 * time, so a loop doing nothing heavy showed delays past any fixed bound (a flaky test is a
 * bug). The CPU time this thread spends between two turns of its loop does not grow when
 * the thread waits for a core: it is the work itself, and a parse or a build that comes
 * back onto the loop is seconds of it, whatever else the machine does.
 *
 * Linux only: the thread's time on a CPU comes from /proc/thread-self/schedstat (its first
 * field, nanoseconds; see the kernel's Documentation/scheduler/sched-stats.rst).
 */
import { readFileSync } from 'node:fs';

/** What a watch saw: the most CPU one turn of the loop took, and how many turns it saw. */
export interface LoopCpu {
  /** The most CPU time (ms) this thread used between two consecutive turns. */
  maxMs: number;
  /** The turns measured (a watch that saw none measured nothing). */
  turns: number;
}

/** This thread's CPU time so far, in nanoseconds. */
function threadCpuNs(): number {
  const fields = readFileSync('/proc/thread-self/schedstat', 'utf8').trim().split(/\s+/);
  const ns = Number(fields[0]);
  if (!Number.isFinite(ns)) throw new Error(`unreadable /proc/thread-self/schedstat: ${fields.join(' ')}`);
  return ns;
}

/**
 * Starts watching this thread's loop: a timer every `everyMs` reads the thread's CPU time,
 * and the largest difference between two readings is the longest the loop was held by
 * work (a timer runs once per turn, so one reading apart is one turn or less). `stop` ends
 * the watch and answers what it saw.
 * @example const watch = watchLoopCpu(); await heavyRequest(); expect(watch.stop().maxMs).toBeLessThan(250);
 */
export function watchLoopCpu(everyMs = 5): { stop(): LoopCpu } {
  let last = threadCpuNs();
  let maxNs = 0;
  let turns = 0;
  const read = () => {
    const now = threadCpuNs();
    maxNs = Math.max(maxNs, now - last);
    last = now;
    turns += 1;
  };
  const timer = setInterval(read, everyMs);
  return {
    stop() {
      clearInterval(timer);
      read();
      return { maxMs: Math.round(maxNs / 1e6), turns };
    },
  };
}
