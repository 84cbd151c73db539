/**
 * Big plans in real Chromium (issue 17 item 14): a plan of `goals × 20` activities opened in
 * two browsers; one types into an activity's description, the other follows.
 *
 * - keystroke → paint (Event Timing, the target's measure): the browser's own `event` entries
 *   (`PerformanceObserver`, `durationThreshold` 16, the lowest allowed): an interaction's
 *   `duration` runs from the key's hardware time stamp to the next paint after its keydown,
 *   keypress, input and keyup handlers (what INP reports), in 8 ms steps; a keystroke with
 *   no entry took under 16 ms (recorded as 0, printed "< 16");
 * - keystroke → frame (harness): from the keydown's own time stamp to a task posted from the
 *   next `requestAnimationFrame`; this also counts the wait for a frame to begin and
 *   whatever the page runs before the posted task, so it reads higher than the paint;
 * - keystroke → peer DOM: wall clock at keydown in one page to the other page's
 *   MutationObserver seeing the text (both pages and the server on this machine);
 * - opening: navigation → plan rendered, synced and taking input, and the longest main
 *   thread task (`longtask` observer) from navigation until every row is built;
 * - scroll height while scrolling through the plan top to bottom (min, max).
 *
 * Used by `client-load.ts` (a 20-activity plan first, as the control: what typing costs on
 * this machine at the time, whatever the plan's size); one keystroke is in flight at a time.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { ApiClient } from '../support/api.js';
import { showWholeViewport } from './client-window.js';

export interface BigPlanFigures {
  activities: number;
  openMs: number;
  longestTaskMs: number;
  /** The longest task after the page took input (building the rest of the plan, goal by goal). */
  longestBuildTaskMs: number;
  allRowsMs: number;
  /** Event Timing interaction duration per keystroke (0: under the 16 ms threshold). */
  paint: number[];
  /** keydown → task after the next frame (the harness's older measure). */
  frame: number[];
  /** Of each reported interaction: input delay, its events' handlers summed, the rest (ms). */
  parts: Array<[number, number, number]>;
  peer: number[];
  scrollHeights: number[];
  /** Per keystroke: whether the focused field was inside the viewport at the next frame (no frame shows a change off screen). */
  onScreen: boolean[];
  /** The typed-in field's top in the viewport when typing began (px): where the click left it. */
  fieldTop: number;
}

/** Activities per goal: `--per-goal=100` shows what building one large goal costs. */
export const PER_GOAL = Number(process.argv.find((arg) => arg.startsWith('--per-goal='))?.slice(11) ?? '20');
const KEYSTROKES = 40;
const WARM_UP = 5;

function planTable(goals: number): string {
  const lines = [`Stor plan ${goals * PER_GOAL}`, 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat'];
  for (let g = 1; g <= goals; g++) {
    lines.push(`Mål ${g} Mål nummer ${g}. Beskrivning av målet.\t\t\t\t\t`);
    for (let a = 1; a <= PER_GOAL; a++) lines.push(`${g}.${a} Aktivitet ${g}.${a}\tBeskrivning av aktiviteten\t${1000 * a}\tKommunen\t2027-01-01 - 2027-12-31\tAlla`);
  }
  return lines.join('\n');
}

/** Collects long tasks from the very start of the page (installed before any script runs). */
function observeLongTasks(): void {
  const w = window as unknown as { longTasks: Array<[number, number]> };
  w.longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.longTasks.push([entry.startTime, entry.duration]))).observe({ type: 'longtask', buffered: true });
}

/** Opens `url` until row `last` is built (`timeoutMs`: how long that may take on a loaded machine). */
export async function open(page: Page, url: string, last: string, timeoutMs = 180_000): Promise<{ openMs: number; allRowsMs: number; longestTaskMs: number; longestBuildTaskMs: number }> {
  page.setDefaultTimeout(timeoutMs);
  await page.addInitScript(observeLongTasks);
  const start = performance.now();
  await page.goto(url);
  await page.locator('[data-status="online"]').waitFor();
  await page.locator('[data-total="planned"]').waitFor();
  await page.locator('tr.activity[data-number="1.1"] .col-budget input').waitFor();
  const openMs = performance.now() - start;
  const inputAt = await page.evaluate(() => performance.now());
  await page.locator(`tr.activity[data-number="${last}"]`).waitFor({ state: 'attached' });
  const allRowsMs = performance.now() - start;
  const { longestTaskMs, longestBuildTaskMs } = await page.evaluate((since) => {
    const tasks = (window as unknown as { longTasks: Array<[number, number]> }).longTasks;
    return { longestTaskMs: Math.max(0, ...tasks.map((t) => t[1])), longestBuildTaskMs: Math.max(0, ...tasks.filter((t) => t[0] >= since).map((t) => t[1])) };
  }, inputAt);
  return { openMs, allRowsMs, longestTaskMs, longestBuildTaskMs };
}

/**
 * Installs both probes in the typing page: the keydown → next-frame task (`frame`) and an
 * Event Timing observer whose entries are matched to keystrokes by the keydown's time stamp
 * (a keydown entry's `startTime` is its event's `timeStamp`).
 */
function probePaint(): void {
  const w = window as unknown as { frame: number[]; onScreen: boolean[]; sentAt: number[]; keyStamps: number[]; events: PerformanceEventTiming[]; eventObserver: PerformanceObserver };
  w.frame = [];
  w.onScreen = [];
  w.sentAt = [];
  w.keyStamps = [];
  w.events = [];
  w.eventObserver = new PerformanceObserver((list) => w.events.push(...(list.getEntries() as PerformanceEventTiming[])));
  w.eventObserver.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  window.addEventListener(
    'keydown',
    (event) => {
      w.sentAt.push(Date.now());
      w.keyStamps.push(event.timeStamp);
      requestAnimationFrame(() => {
        const box = document.activeElement?.getBoundingClientRect();
        w.onScreen.push(box !== undefined && box.bottom > 0 && box.top < innerHeight);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => w.frame.push(performance.now() - event.timeStamp);
        channel.port2.postMessage(0);
      });
    },
    true,
  );
}

/** Per keystroke, the longest Event Timing entry of its interaction (0 when none passed the threshold). */
async function readPaint(page: Page): Promise<{ paint: number[]; frame: number[]; onScreen: boolean[]; sentAt: number[]; parts: Array<[number, number, number]> }> {
  return page.evaluate(async () => {
    const w = window as unknown as { frame: number[]; onScreen: boolean[]; sentAt: number[]; keyStamps: number[]; events: PerformanceEventTiming[]; eventObserver: PerformanceObserver };
    // Entries are queued once the compositor reports the frame presented, which can be a few
    // frames after it: two frames and a short margin, then whatever is still queued.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const events = [...w.events, ...(w.eventObserver.takeRecords() as PerformanceEventTiming[])];
    const parts: Array<[number, number, number]> = [];
    const paint = w.keyStamps.map((stamp) => {
      const down = events.find((entry) => entry.name === 'keydown' && Math.abs(entry.startTime - stamp) < 0.01);
      if (!down || down.interactionId === 0) return parts.push([NaN, NaN, NaN]), 0;
      const own = events.filter((entry) => entry.interactionId === down.interactionId || (entry.startTime === down.startTime && entry.interactionId === 0));
      // Handlers: each event's own processing (keydown, keypress, input, keyup are dispatched
      // apart; other tasks may run between them). The rest of the duration is waiting.
      const handlers = own.reduce((sum, entry) => sum + entry.processingEnd - entry.processingStart, 0);
      const duration = Math.max(...own.map((entry) => entry.duration));
      parts.push([down.processingStart - down.startTime, handlers, duration - (down.processingStart - down.startTime) - handlers]);
      return duration;
    });
    return { paint, frame: w.frame, onScreen: w.onScreen, sentAt: w.sentAt, parts };
  });
}

/** Installs a MutationObserver in the following page: when the text first reached each length. */
function probePeer(selector: string): void {
  const w = window as unknown as { seenAt: Record<number, number> };
  w.seenAt = {};
  const target = document.querySelector(selector);
  if (!target) throw new Error(`no ${selector}`);
  const observer = new MutationObserver(() => {
    const length = (target.textContent ?? '').length;
    w.seenAt[length] ??= Date.now();
  });
  observer.observe(target, { subtree: true, childList: true, characterData: true });
}

async function scrollHeights(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    // No named function in here: tsx would wrap it in a helper the page does not have.
    const root = document.scrollingElement ?? document.documentElement;
    const heights: number[] = [];
    for (let step = 0; step <= 40; step++) {
      root.scrollTop = ((root.scrollHeight - innerHeight) * step) / 40;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      heights.push(root.scrollHeight);
    }
    return heights;
  });
}

export async function importPlan(api: ApiClient, wsId: string, goals: number): Promise<string> {
  const imported = await api.request('POST', `/api/workspaces/${wsId}/import`, planTable(goals), { 'content-type': 'text/tab-separated-values' });
  return ((await imported.json()) as { id: string }).id;
}

/**
 * Imports a `goals × 20` plan and measures it; `wsId` is the demo workspace. With
 * `whileBuilding`, typing starts as soon as the typed-in row is built (the rest of the plan
 * still building in both pages, as when a person starts at once); "every row built" then
 * means that row.
 */
export async function measureBigPlan(contexts: [BrowserContext, BrowserContext], api: ApiClient, baseUrl: string, wsId: string, goals: number, whileBuilding = false): Promise<BigPlanFigures> {
  const url = `${baseUrl}/d/${await importPlan(api, wsId, goals)}`;
  const target = `${Math.ceil(goals / 2)}.10`;
  const last = whileBuilding ? target : `${goals}.${PER_GOAL}`;
  const [page, peer] = [await contexts[0].newPage(), await contexts[1].newPage()];
  try {
    if (!process.argv.includes('--short-window')) await Promise.all([showWholeViewport(page), showWholeViewport(peer)]);
    // Every row of 2 000 activities took 160 s to build at a load of 12 on 2 cores.
    const opened = await open(page, url, last, 900_000);
    await open(peer, url, last, 900_000);
    const description = `tr.activity[data-number="${target}"] .col-activity .field:nth-of-type(2)`;
    await peer.evaluate(probePeer, `${description} .text-static`);
    const base = (await peer.locator(`${description} .text-static`).textContent())?.length ?? 0;
    await page.locator(`${description} .text-static`).click();
    await page.locator(`${description} .cm-content`).waitFor();
    await page.keyboard.press('End');
    // `--at=<px>`: the field's top scrolled to this viewport y (where the click leaves it varies).
    const at = process.argv.find((arg) => arg.startsWith('--at='))?.slice(5);
    if (at) await page.evaluate((y) => scrollBy(0, (document.activeElement?.getBoundingClientRect().top ?? y) - y), Number(at));
    const fieldTop = await page.evaluate(() => Math.round(document.activeElement?.getBoundingClientRect().top ?? NaN));
    await page.evaluate(probePaint);
    for (let i = 1; i <= KEYSTROKES; i++) {
      await page.keyboard.type('x');
      await peer.waitForFunction((length) => (window as unknown as { seenAt: Record<number, number> }).seenAt[length] !== undefined, base + i);
      await page.waitForFunction((count) => (window as unknown as { frame: number[] }).frame.length >= count, i);
    }
    const { paint, frame, onScreen, sentAt, parts } = await readPaint(page);
    const seenAt = await peer.evaluate(() => (window as unknown as { seenAt: Record<number, number> }).seenAt);
    const peerDelays = sentAt.map((at, i) => (seenAt[base + i + 1] ?? NaN) - at);
    await page.keyboard.press('Escape');
    const heights = await scrollHeights(peer);
    return { activities: goals * PER_GOAL, ...opened, paint: paint.slice(WARM_UP), frame: frame.slice(WARM_UP), parts: parts.slice(WARM_UP), peer: peerDelays.slice(WARM_UP), scrollHeights: heights, onScreen: onScreen.slice(WARM_UP), fieldTop };
  } finally {
    await page.close();
    await peer.close();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** One line per figure, as the bench prints them. */
export function describeBigPlan(f: BigPlanFigures): string {
  const ms = (values: number[]) => `median ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
  // Event Timing reports nothing under 16 ms and rounds to 8 ms.
  const median = (part: 0 | 1 | 2) => percentile(f.parts.map((p) => p[part]).filter((v) => !Number.isNaN(v)), 50).toFixed(0);
  const et = (value: number) => (value < 16 ? '< 16' : String(Math.round(value)));
  const events = (values: number[]) => `median ${et(percentile(values, 50))} ms, p95 ${et(percentile(values, 95))} ms, max ${et(Math.max(...values))} ms, ${values.filter((v) => v >= 16).length} of ${values.length} ≥ 16 ms`;
  return [
    `${f.activities} activities: open → taking input ${Math.round(f.openMs)} ms; every row built ${Math.round(f.allRowsMs)} ms; longest main-thread task ${Math.round(f.longestTaskMs)} ms, after taking input ${Math.round(f.longestBuildTaskMs)} ms`,
    `  keystroke → paint (Event Timing): ${events(f.paint)}`,
    `    of which (medians of reported ones) input delay ${median(0)} ms, handlers (summed) ${median(1)} ms, the rest (other tasks, frame, paint) ${median(2)} ms`,
    `  keystroke → next-frame task (harness): ${ms(f.frame)} (${f.frame.length} keystrokes; the typed-in field on screen at ${f.onScreen.filter(Boolean).length}, its top at ${f.fieldTop} px of the viewport)`,
    `  keystroke → peer DOM: ${ms(f.peer)}`,
    `  scroll height while scrolling: ${Math.min(...f.scrollHeights)}–${Math.max(...f.scrollHeights)} px (${new Set(f.scrollHeights).size} distinct values)`,
  ].join('\n');
}

export interface TimelineTabFigures {
  activities: number;
  /** Click on the "Tidslinje" tab → the frame that shows the first timeline rows painted. */
  tabMs: number;
  /** Timeline rows in the DOM at that frame (all of them when the timeline renders every row). */
  rowsDrawn: number;
}

/**
 * The timeline tab on a `goals × 20` plan (issue 17 item 14): the plan opened until it takes
 * input, then the tab clicked inside the page and frames awaited (each a task posted from
 * `requestAnimationFrame`, so that frame is painted) until a timeline row is in the DOM.
 * The click includes taking the table tab down, as a user's click does.
 */
export async function measureTimelineTab(context: BrowserContext, api: ApiClient, baseUrl: string, wsId: string, goals: number): Promise<TimelineTabFigures> {
  const url = `${baseUrl}/d/${await importPlan(api, wsId, goals)}`;
  const page = await context.newPage();
  try {
    page.setDefaultTimeout(180_000);
    await page.goto(url);
    await page.locator('[data-status="online"]').waitFor();
    await page.locator('tr.activity[data-number="1.1"] .col-budget input').waitFor();
    const { tabMs, rowsDrawn } = await page.evaluate(async () => {
      // No named function in here: tsx would wrap it in a helper the page does not have.
      const start = performance.now();
      document.getElementById('tab-timeline')?.click();
      for (let frame = 0; frame < 6000; frame++) {
        await new Promise((resolve) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = resolve;
            channel.port2.postMessage(0);
          }),
        );
        if (document.querySelector('tr.timeline-row')) break;
      }
      return { tabMs: performance.now() - start, rowsDrawn: document.querySelectorAll('tr.timeline-row').length };
    });
    return { activities: goals * PER_GOAL, tabMs, rowsDrawn };
  } finally {
    await page.close();
  }
}
