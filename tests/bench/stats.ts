/** Percentiles, process CPU and memory from /proc, and the generator's own event-loop lag. */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { count: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN) };
}

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The load generator's event-loop lag: a run where it exceeds 5 ms at p99 measured the generator, not the server. */
export function lagMonitor(): { stop(): number } {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  return {
    stop: () => {
      histogram.disable();
      return Math.round((histogram.percentile(99) / 1e6) * 100) / 100;
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The generator's own GC pauses while recording, as [start, end] in performance.now() time. */
export function generatorPauses(): { stop(): Array<[number, number]> } {
  const pauses: Array<[number, number]> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push([entry.startTime, entry.startTime + entry.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: () => {
      observer.disconnect();
      return pauses.sort((a, b) => a[0] - b[0]);
    },
  };
}

/** Send and arrival times of deliveries in growing Float64Arrays: no object per sample. */
export class DeliveryLog {
  private sent = new Float64Array(1 << 16);
  private arrived = new Float64Array(1 << 16);
  private length = 0;

  push(sentAt: number, arrivedAt: number): void {
    if (this.length === this.sent.length) {
      this.sent = grow(this.sent);
      this.arrived = grow(this.arrived);
    }
    this.sent[this.length] = sentAt;
    this.arrived[this.length++] = arrivedAt;
  }

  /** Latencies, leaving out deliveries whose flight overlaps one of `excluded` (sorted by start). */
  latencies(excluded: Array<[number, number]> = []): number[] {
    const order = Array.from({ length: this.length }, (_, i) => i).sort((a, b) => (this.sent[a] ?? 0) - (this.sent[b] ?? 0));
    const result: number[] = [];
    let first = 0; // the first pause that may still overlap a later delivery
    const maxPause = excluded.reduce((max, [from, to]) => Math.max(max, to - from), 0);
    for (const i of order) {
      const sent = this.sent[i] ?? 0;
      const arrived = this.arrived[i] ?? 0;
      while (first < excluded.length && (excluded[first]?.[0] ?? 0) + maxPause < sent) first++;
      let overlaps = false;
      for (let p = first; p < excluded.length; p++) {
        const [from, to] = excluded[p] ?? [0, 0];
        if (from >= arrived) break;
        if (to > sent) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) result.push(arrived - sent);
    }
    return result;
  }
}

function grow(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(array.length * 2);
  grown.set(array);
  return grown;
}
