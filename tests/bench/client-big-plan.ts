/**
 * Big plans in real Chromium (issue 17 item 14): a plan of `goals × 20` activities opened in
 * two browsers; one types into an activity's description, the other follows.
 *
 * - keystroke → paint: from the keydown's own time stamp to the frame after it (a task
 *   posted from `requestAnimationFrame`, so style, layout and paint of that frame are in);
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

export interface BigPlanFigures {
  activities: number;
  openMs: number;
  longestTaskMs: number;
  allRowsMs: number;
  paint: number[];
  peer: number[];
  scrollHeights: number[];
}

const PER_GOAL = 20;
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
  const w = window as unknown as { longTasks: number[] };
  w.longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.longTasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
}

async function open(page: Page, url: string, last: string): Promise<{ openMs: number; allRowsMs: number; longestTaskMs: number }> {
  page.setDefaultTimeout(180_000);
  await page.addInitScript(observeLongTasks);
  const start = performance.now();
  await page.goto(url);
  await page.locator('[data-status="online"]').waitFor();
  await page.locator('[data-total="planned"]').waitFor();
  await page.locator('tr.activity[data-number="1.1"] .col-budget input').waitFor();
  const openMs = performance.now() - start;
  await page.locator(`tr.activity[data-number="${last}"]`).waitFor({ state: 'attached' });
  const allRowsMs = performance.now() - start;
  const longestTaskMs = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
  return { openMs, allRowsMs, longestTaskMs };
}

/** Installs the keydown → next-frame probe in the typing page. */
function probePaint(): void {
  const w = window as unknown as { paint: number[]; sentAt: number[] };
  w.paint = [];
  w.sentAt = [];
  window.addEventListener(
    'keydown',
    (event) => {
      w.sentAt.push(Date.now());
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => w.paint.push(performance.now() - event.timeStamp);
        channel.port2.postMessage(0);
      });
    },
    true,
  );
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

async function importPlan(api: ApiClient, wsId: string, goals: number): Promise<string> {
  const imported = await api.request('POST', `/api/workspaces/${wsId}/import`, planTable(goals), { 'content-type': 'text/tab-separated-values' });
  return ((await imported.json()) as { id: string }).id;
}

/** Imports a `goals × 20` plan and measures it; `wsId` is the demo workspace. */
export async function measureBigPlan(contexts: [BrowserContext, BrowserContext], api: ApiClient, baseUrl: string, wsId: string, goals: number): Promise<BigPlanFigures> {
  const url = `${baseUrl}/d/${await importPlan(api, wsId, goals)}`;
  const last = `${goals}.${PER_GOAL}`;
  const target = `${Math.ceil(goals / 2)}.10`;
  const [page, peer] = [await contexts[0].newPage(), await contexts[1].newPage()];
  try {
    const opened = await open(page, url, last);
    await open(peer, url, last);
    const description = `tr.activity[data-number="${target}"] .col-activity .field:nth-of-type(2)`;
    await peer.evaluate(probePeer, `${description} .text-static`);
    const base = (await peer.locator(`${description} .text-static`).textContent())?.length ?? 0;
    await page.locator(`${description} .text-static`).click();
    await page.locator(`${description} .cm-content`).waitFor();
    await page.keyboard.press('End');
    await page.evaluate(probePaint);
    for (let i = 1; i <= KEYSTROKES; i++) {
      await page.keyboard.type('x');
      await peer.waitForFunction((length) => (window as unknown as { seenAt: Record<number, number> }).seenAt[length] !== undefined, base + i);
      await page.waitForFunction((count) => (window as unknown as { paint: number[] }).paint.length >= count, i);
    }
    const { paint, sentAt } = await page.evaluate(() => {
      const w = window as unknown as { paint: number[]; sentAt: number[] };
      return { paint: w.paint, sentAt: w.sentAt };
    });
    const seenAt = await peer.evaluate(() => (window as unknown as { seenAt: Record<number, number> }).seenAt);
    const peerDelays = sentAt.map((at, i) => (seenAt[base + i + 1] ?? NaN) - at);
    await page.keyboard.press('Escape');
    const heights = await scrollHeights(peer);
    return { activities: goals * PER_GOAL, ...opened, paint: paint.slice(WARM_UP), peer: peerDelays.slice(WARM_UP), scrollHeights: heights };
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
  return [
    `${f.activities} activities: open → taking input ${Math.round(f.openMs)} ms; every row built ${Math.round(f.allRowsMs)} ms; longest main-thread task ${Math.round(f.longestTaskMs)} ms`,
    `  keystroke → paint: ${ms(f.paint)} (${f.paint.length} keystrokes)`,
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
