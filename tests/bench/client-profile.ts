/**
 * Where a keystroke's time goes in a big plan (issue 17 item 14): the plan of `goals × 20`
 * activities opened in two browsers (until the typed-in row is built; the rest may still be
 * building, as when a person starts typing), then a Chromium trace (CDP
 * `Tracing`, the DevTools Performance panel's categories) of 20 keystrokes in one
 * activity's description, one at a time, each awaited in the other browser. Prints the
 * main thread's and the compositor's time per trace event name (summed over the 20, per
 * page: one browser-wide trace, split by renderer process), and the JavaScript functions with the most self time (the V8 sampling
 * profiler's samples inside the same window).
 *
 *   npx tsx tests/bench/client-profile.ts [--goals=100] [--reuse-build] [--all-built] [--js] [--save=trace.json]
 *     [--per-goal=20] [--css='<rules>'] [--readable]
 *     [--keys=20] [--field=title] [--frames] [--tiles] [--at=<px>] [--short-window]
 *
 * `--all-built` waits until every row is built in both pages before typing (the state in
 * which a keystroke's cost once grew with the plan). The GPU process (raster, display
 * compositor) is summed last, as a frame's presentation is part of what Event Timing counts.
 * `--frames` adds the compositor's and display's categories and, per keystroke, what lies
 * inside its span on every thread, slow keystrokes (≥ 100 ms) against the rest
 * (`client-frames.ts`); `--tiles` adds cc's layer-tree snapshots (each tile's rect and
 * priority, each layer's visible rect and invalidation). `--at=<px>` scrolls the typed-in
 * field's top to that viewport y before typing; `--short-window` leaves the window as
 * Playwright sizes it, whose display shows only the viewport's top 813 of 900 px
 * (`showWholeViewport`, client-window.ts).
 *
 * Reads the client from dist/bench-client (built by client-load.ts; `--reuse-build` skips
 * rebuilding it).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../e2e/support/browser.js';
import { signedInContext } from '../e2e/support/fixture.js';
import { startTestServer } from '../support/server.js';
import { importPlan, open, PER_GOAL } from './client-big-plan.js';
import { showWholeViewport } from './client-window.js';
import { framesReport, type KeySpan } from './client-frames.js';

/** `--readable`: an unminified build of its own, so the JS profile names our functions. */
const readable = process.argv.includes('--readable');
const CLIENT_DIR = fileURLToPath(new URL(readable ? '../../dist/bench-client-readable' : '../../dist/bench-client', import.meta.url));
const goals = Number(process.argv.find((arg) => arg.startsWith('--goals='))?.slice(8) ?? '100');
const KEYS = Number(process.argv.find((arg) => arg.startsWith('--keys='))?.slice(7) ?? '20');
/** `--field=title`: type in the activity's title instead of its description. */
const FIELD = process.argv.includes('--field=title') ? 1 : 2;
const allBuilt = process.argv.includes('--all-built');
/**
 * The Performance panel's categories cost time that grows with the page, which a big plan
 * then reports as its own: `disabled-by-default-devtools.timeline` walks the whole DOM
 * after every frame (`DOMStats`: 27–36 ms a frame at 2 000 built activities, shown as a gap
 * before `Paint`), and starting the JS sampler (`--js`) logs every compiled function in one
 * interrupt (4.6 s, inside whatever timer runs first). By default neither is traced.
 */
/**
 * `--frames`: also the compositor's, raster's and display's categories (`cc`, `viz`, `gpu`,
 * `benchmark`: `PipelineReporter` and its stages per frame, `RasterTask`, `DrawFrame`), so a
 * late presentation can be told apart from late main-thread work (client-frames.ts).
 */
const FRAMES = ['disabled-by-default-devtools.timeline.frame', 'cc', 'viz', 'gpu', 'benchmark', 'rail', ...(process.argv.includes('--tiles') ? ['disabled-by-default-cc.debug'] : [])];
const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', 'blink.user_timing', ...(process.argv.includes('--js') ? ['disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'] : []), ...(process.argv.includes('--frames') ? FRAMES : [])].join(',');
/** `--save=<file>`: also writes the raw trace events (JSON) for a closer look. */
const saveTo = process.argv.find((arg) => arg.startsWith('--save='))?.slice(7);

interface TraceEvent {
  name: string;
  ph: string;
  ts?: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } };
}
interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url?: string; lineNumber: number; columnNumber?: number };
}

async function trace(session: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
  await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await work();
  const done = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
  await session.send('Tracing.end');
  await done;
  return events;
}

function threadNames(events: TraceEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  return names;
}

/** Summed complete-event time per (thread, name), top rows. */
function summarize(events: TraceEvent[], label: string): void {
  const names = threadNames(events);
  const sums = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const thread = names.get(`${e.pid}:${e.tid}`) ?? '?';
    if (!/CrRendererMain|Compositor|CrGpuMain|VizCompositor|Raster/.test(thread)) continue;
    const type = e.name === 'EventDispatch' ? ` ${(e.args as { data?: { type?: string } } | undefined)?.data?.type ?? ''}` : '';
    const key = `${thread} ${e.name}${type}`;
    sums.set(key, (sums.get(key) ?? 0) + e.dur / 1000);
  }
  console.log(`${label}: trace event time over ${KEYS} keystrokes (ms, summed; nested events overlap)`);
  for (const [key, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${key}`);
  jsSelfTime(events, label);
}

const frameName = (node: ProfileNode | undefined): string => {
  const frame = node?.callFrame;
  return frame ? `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').split('/').pop()}:${frame.lineNumber + 1}:${(frame.columnNumber ?? 0) + 1}` : '?';
};

/**
 * The V8 sampler's self time per function, with the callers it was sampled under (the
 * parent frames, two levels up): which of our code paths pays for a library's hot function.
 */
function jsSelfTime(events: TraceEvent[], label: string): void {
  const selfTime = new Map<string, number>();
  const callers = new Map<string, Map<string, number>>();
  const nodes = new Map<number, ProfileNode>();
  const parents = new Map<number, number>();
  for (const e of events) {
    const data = e.args?.data;
    if (e.name !== 'ProfileChunk' || !data?.cpuProfile) continue;
    for (const node of data.cpuProfile.nodes ?? []) {
      nodes.set(node.id, node);
      for (const child of node.children ?? []) parents.set(child, node.id);
      // Chunks name each node's parent in `parent` (not `children`) in recent Chromium.
      const parent = (node as { parent?: number }).parent;
      if (parent !== undefined) parents.set(node.id, parent);
    }
    (data.cpuProfile.samples ?? []).forEach((id, i) => {
      const key = frameName(nodes.get(id));
      const ms = (data.timeDeltas?.[i] ?? 0) / 1000;
      selfTime.set(key, (selfTime.get(key) ?? 0) + ms);
      const up1 = parents.get(id);
      const up2 = up1 === undefined ? undefined : parents.get(up1);
      const via = `${frameName(nodes.get(up1 ?? -1))} ← ${frameName(nodes.get(up2 ?? -1))}`;
      const byCaller = callers.get(key) ?? new Map<string, number>();
      byCaller.set(via, (byCaller.get(via) ?? 0) + ms);
      callers.set(key, byCaller);
    });
  }
  console.log(`${label}: JavaScript self time (ms, sampled), top callers beneath`);
  for (const [key, ms] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${ms.toFixed(1).padStart(8)}  ${key}`);
    const top = [...(callers.get(key) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 2);
    for (const [via, viaMs] of top) console.log(`  ${viaMs.toFixed(1).padStart(14)}  ← ${via}`);
  }
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)] ?? NaN;

/**
 * Per keystroke of the typing page: the browser's Event Timing duration (keydown's
 * timestamp → the frame presented), and the main thread's busy time inside that span
 * (top-level tasks, clipped to it), split by trace event: what the page itself spent,
 * against waiting for the compositor, raster and the display.
 */
function perKeystroke(events: TraceEvent[], pid: number): KeySpan[] {
  const names = threadNames(events);
  const main = events.filter((e) => e.pid === pid && e.ph === 'X' && e.dur !== undefined && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const spans = events
    .filter((e) => e.pid === pid && e.name === 'EventTiming' && e.ph === 'b')
    .map((e) => ({ start: e.ts ?? 0, data: (e.args as { data?: { type?: string; duration?: number } } | undefined)?.data }))
    .filter((e) => e.data?.type === 'keydown')
    .map((e) => ({ start: e.start, end: e.start + (e.data?.duration ?? 0) * 1000 }));
  const durations = spans.map((span) => (span.end - span.start) / 1000);
  // Top-level tasks are `ThreadControllerImpl::RunTask` in the `toplevel` category.
  const kinds = ['ThreadControllerImpl::RunTask', 'EventDispatch', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest'];
  const busy = kinds.map((kind) =>
    spans.map((span) =>
      main
        .filter((e) => e.name === kind)
        .reduce((sum, e) => {
          const from = Math.max(span.start, e.ts ?? 0);
          const to = Math.min(span.end, (e.ts ?? 0) + (e.dur ?? 0));
          return sum + Math.max(0, to - from) / 1000;
        }, 0),
    ),
  );
  const line = (values: number[]) => `median ${percentile(values, 50).toFixed(1)}, p95 ${percentile(values, 95).toFixed(1)}`;
  console.log(`keystroke → presented (Event Timing, ${durations.length} keydowns): ${line(durations)} ms`);
  kinds.forEach((kind, i) => console.log(`  main thread in that span, ${kind.endsWith('RunTask') ? 'all tasks' : kind}: ${line(busy[i] ?? [])} ms`));
  return spans.map((span, i) => ({ ...span, ms: durations[i] ?? 0 }));
}

async function typeKeys(page: Page, peer: Page, description: string): Promise<void> {
  const text = peer.locator(`${description} .text-static`);
  const base = ((await text.textContent()) ?? '').length;
  for (let i = 1; i <= KEYS; i++) {
    await page.keyboard.type('x');
    await peer.waitForFunction(([sel, length]) => (document.querySelector(String(sel))?.textContent ?? '').length >= Number(length), [`${description} .text-static`, base + i] as const);
  }
}

if (!(process.argv.includes('--reuse-build') && existsSync(join(CLIENT_DIR, 'index.html')))) {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: CLIENT_DIR, emptyOutDir: true, minify: !readable } });
}
const server = await startTestServer({ demoData: true, clientDir: CLIENT_DIR });
const browser = await launchBrowser();
try {
  const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
  const follower = await signedInContext(browser, server, 'erik@demo.samplan.se');
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const url = `${server.url}/d/${await importPlan(api, me.workspaces[0]?.id ?? '', goals)}`;
  const [page, peer] = [await context.newPage(), await follower.context.newPage()];
  if (!process.argv.includes('--short-window')) await Promise.all([showWholeViewport(page), showWholeViewport(peer)]);
  const target = `${Math.ceil(goals / 2)}.10`;
  const last = allBuilt ? `${goals}.${PER_GOAL}` : target;
  // Building every row of 2 000 activities took over 180 s at a load of 12 on 2 cores.
  const opened = await open(page, url, last, 900_000);
  await open(peer, url, last, 900_000);
  console.log(`opened; rows up to ${last} built after ${Math.round(opened.allRowsMs)} ms`);
  // `--css=<rules>`: a style tried on the typing page before the trace (what-if experiments).
  const css = process.argv.find((arg) => arg.startsWith('--css='))?.slice(6);
  if (css) await page.addStyleTag({ content: css });
  const description = `tr.activity[data-number="${target}"] .col-activity .field:nth-of-type(${FIELD})`;
  await page.locator(`${description} .text-static`).click();
  await page.locator(`${description} .cm-content`).waitFor();
  await page.keyboard.press('End');
  // `--at=<px>`: scrolls the field's top to this viewport y (where a repaint lands on the display).
  const at = process.argv.find((arg) => arg.startsWith('--at='))?.slice(5);
  if (at) await page.evaluate((y) => scrollBy(0, (document.activeElement?.getBoundingClientRect().top ?? y) - y), Number(at));
  console.log(`typed-in field at viewport y ${await page.evaluate(() => Math.round(document.activeElement?.getBoundingClientRect().top ?? NaN))} px`);
  const typing = await context.newCDPSession(page);
  // One trace covers the whole browser: each renderer's events are told apart by process.
  const events = await trace(typing, () => typeKeys(page, peer, description));
  if (saveTo) writeFileSync(saveTo, JSON.stringify(events));
  const typingPid = events.find((e) => e.name === 'EventDispatch' && (e.args as { data?: { type?: string } } | undefined)?.data?.type === 'keydown')?.pid;
  if (typingPid !== undefined) {
    const spans = perKeystroke(events, typingPid);
    // The GPU process (display compositor, software raster of tiles under --disable-gpu) presents the frame.
    const gpu = new Set(events.filter((e) => e.name === 'thread_name' && /VizCompositor|CrGpuMain/.test(e.args?.name ?? '')).map((e) => e.pid));
    if (process.argv.includes('--frames')) framesReport(events, spans, threadNames(events), new Set([typingPid, ...gpu]));
  }
  summarize(events.filter((e) => e.pid === typingPid), `${goals * PER_GOAL} activities, typing page`);
  const renderers = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => e.pid));
  summarize(events.filter((e) => e.pid !== typingPid && renderers.has(e.pid)), `${goals * PER_GOAL} activities, following page (and any other renderer)`);
  summarize(events.filter((e) => !renderers.has(e.pid)), `${goals * PER_GOAL} activities, GPU and browser processes`);
} finally {
  await browser.close();
  await server.stop();
}
