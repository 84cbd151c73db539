/**
 * What lies between a keystroke and its presented frame (issue 17 item 14), read from a
 * Chromium trace taken with `client-profile.ts --frames`: per keystroke of the typing page,
 * the Event Timing span (keydown's time stamp → the frame presented), and inside it the time
 * of every thread's trace events (renderer main, compositor, raster workers; the GPU
 * process's display compositor) and of the frame pipeline's stages (`PipelineReporter`'s
 * nested async events). Slow keystrokes (≥ `SLOW_MS`) and the others are summed apart, so
 * what only the slow ones hold stands out.
 */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts?: number;
  dur?: number;
  tid: number;
  pid: number;
  id?: string;
  id2?: { local?: string; global?: string };
  args?: Record<string, unknown>;
}

/** A keystroke's span in µs (trace clock) and its Event Timing duration in ms. */
export interface KeySpan {
  start: number;
  end: number;
  ms: number;
}

const SLOW_MS = 100;

/** Async begin/end pairs (`b`/`e`, matched by process, category, id and name) as intervals. */
function asyncIntervals(events: TraceEvent[]): Array<{ key: string; from: number; to: number; pid: number; args?: Record<string, unknown> }> {
  const open = new Map<string, TraceEvent>();
  const out: Array<{ key: string; from: number; to: number; pid: number; args?: Record<string, unknown> }> = [];
  for (const e of events) {
    if (e.ph !== 'b' && e.ph !== 'e') continue;
    const id = e.id ?? e.id2?.local ?? e.id2?.global ?? '';
    const key = `${e.pid}|${e.cat}|${id}|${e.name}`;
    if (e.ph === 'b') open.set(key, e);
    else {
      const begin = open.get(key);
      if (!begin) continue;
      open.delete(key);
      out.push({ key: e.name, from: begin.ts ?? 0, to: e.ts ?? 0, pid: e.pid, args: begin.args });
    }
  }
  return out;
}

const clip = (span: KeySpan, from: number, to: number) => Math.max(0, Math.min(span.end, to) - Math.max(span.start, from)) / 1000;

/** Adds `ms` under `key` in `sums`. */
function add(sums: Map<string, number>, key: string, ms: number): void {
  if (ms > 0) sums.set(key, (sums.get(key) ?? 0) + ms);
}

/**
 * One line per keystroke: its Event Timing duration, when its frame was committed (Event
 * Timing's `commitFinishTime`), the raster tasks inside its span and the display's draws
 * skipped for want of damage (viz "Draw skipped.": a frame that changed nothing on the
 * display is presented only with the next one that does).
 */
function perKeyFrames(events: TraceEvent[], spans: KeySpan[]): void {
  const timing = events.filter((e) => e.name === 'EventTiming' && e.ph === 'b');
  for (const span of spans) {
    const data = timing.find((e) => e.ts === span.start && (e.args?.data as { type?: string } | undefined)?.type === 'keydown')?.args?.data as { timeStamp?: number; commitFinishTime?: number } | undefined;
    const commit = data?.commitFinishTime !== undefined && data.timeStamp !== undefined ? `${Math.round(data.commitFinishTime - data.timeStamp)} ms` : '?';
    const inside = (e: TraceEvent) => (e.ts ?? 0) >= span.start && (e.ts ?? 0) <= span.end;
    const rasters = events.filter((e) => e.name === 'RasterTask' && inside(e));
    const rasterMs = rasters.reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
    const skipped = events.filter((e) => e.name === 'Draw skipped.' && inside(e)).length;
    const drawn = events.filter((e) => e.name === 'DirectRenderer::DrawFrame' && inside(e)).length;
    console.log(`  key ${Math.round(span.ms).toString().padStart(5)} ms: committed after ${commit}; ${rasters.length} raster tasks ${rasterMs.toFixed(1)} ms; display draws ${drawn}, skipped (no damage) ${skipped}`);
  }
}

/** Sums, per thread and event name, the time inside each span; slow and fast spans apart. */
function sumInside(events: TraceEvent[], spans: KeySpan[], threads: Map<string, string>): Array<Map<string, number>> {
  const sums = spans.map(() => new Map<string, number>());
  const intervals = asyncIntervals(events);
  spans.forEach((span, i) => {
    const mine = sums[i] ?? new Map<string, number>();
    for (const e of events) {
      if (e.ph !== 'X' || !e.dur || (e.ts ?? 0) > span.end || (e.ts ?? 0) + e.dur < span.start) continue;
      const thread = (threads.get(`${e.pid}:${e.tid}`) ?? '?').replace(/\d+$/, '');
      add(mine, `${thread} ${e.name}`, clip(span, e.ts ?? 0, (e.ts ?? 0) + e.dur));
    }
    for (const { key, from, to, args } of intervals) {
      if (from > span.end || to < span.start) continue;
      const state = key === 'PipelineReporter' ? ` ${String((args?.chrome_frame_reporter as { state?: string } | undefined)?.state ?? '')}` : '';
      add(mine, `async ${key}${state}`, clip(span, from, to));
    }
  });
  return sums;
}

/**
 * Prints, for slow and for fast keystrokes, the mean time per keystroke of each
 * (thread, event) inside the span, the 30 largest in the slow group with the fast group's
 * figure beside it.
 */
export function framesReport(events: TraceEvent[], spans: KeySpan[], threads: Map<string, string>, pids: Set<number>): void {
  const mine = events.filter((e) => pids.has(e.pid));
  perKeyFrames(mine, spans);
  const sums = sumInside(mine, spans, threads);
  const slow = spans.map((s, i) => (s.ms >= SLOW_MS ? i : -1)).filter((i) => i >= 0);
  const fast = spans.map((s, i) => (s.ms < SLOW_MS ? i : -1)).filter((i) => i >= 0);
  const mean = (group: number[], key: string) => group.reduce((sum, i) => sum + (sums[i]?.get(key) ?? 0), 0) / Math.max(1, group.length);
  const keys = new Set(sums.flatMap((m) => [...m.keys()]));
  console.log(`frames: ${slow.length} keystrokes ≥ ${SLOW_MS} ms (${slow.map((i) => Math.round(spans[i]?.ms ?? 0)).join(', ')}), ${fast.length} under; mean ms per keystroke inside its span, slow | fast`);
  for (const key of [...keys].sort((a, b) => mean(slow, b) - mean(slow, a)).slice(0, 40)) {
    console.log(`  ${mean(slow, key).toFixed(1).padStart(8)} | ${mean(fast, key).toFixed(1).padStart(7)}  ${key}`);
  }
}
