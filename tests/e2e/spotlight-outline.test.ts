/**
 * User test U14 (leftovers, item 4): the spotlit item's outline must be seen wherever a
 * participant looks — the plan's activity row and the agenda item, on the document page and
 * in the presentation view, at 390 and 1440 px, with and without forced colours (Windows
 * high contrast). Measured in pixels: on each side of the item that lies in the window, the
 * point in the middle of the outline's ring changes colour when the outline is switched off
 * (so it is drawn there, not clipped by a scrolling table or hidden under a neighbour).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
import { freshPlan, signedInContext, startE2eServer } from './support/fixture.js';
import type { ApiClient } from '../support/api.js';
import type { TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
let anna: Page;
let annaApi: ApiClient;
let lena: Page;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  const a = await signedInContext(browser, server, 'anna@demo.samplan.se');
  const l = await signedInContext(browser, server, 'lena@demo.samplan.se');
  contexts.push(a.context, l.context);
  annaApi = a.api;
  [anna, lena] = await Promise.all([a.context.newPage(), l.context.newPage()]);
}, 180_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

type Side = 'left' | 'right' | 'top' | 'bottom';
interface Point {
  side: Side;
  x: number;
  y: number;
}

/** Mid-ring points (outline-offset + half its width outside the border box) of the sides inside the window. */
function ringPoints(page: Page, selector: string): Promise<Point[]> {
  return page.locator(selector).first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const out = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) / 2;
    const [w, h] = [window.innerWidth, window.innerHeight];
    const midX = Math.min(Math.max(box.left + box.width / 2, 12), w - 12);
    const midY = Math.min(Math.max(box.top + box.height / 2, 12), h - 12);
    const all: Array<{ side: 'left' | 'right' | 'top' | 'bottom'; x: number; y: number }> = [
      { side: 'left', x: box.left - out, y: midY },
      { side: 'right', x: box.right + out, y: midY },
      { side: 'top', x: midX, y: box.top - out },
      { side: 'bottom', x: midX, y: box.bottom + out },
    ];
    return all.filter((p) => p.x >= 1 && p.y >= 1 && p.x < w - 1 && p.y < h - 1).map((p) => ({ ...p, x: Math.round(p.x), y: Math.round(p.y) }));
  });
}

/** RGB of the window's screenshot at `points`, decoded in the page (no PNG library here). */
async function colours(page: Page, points: Point[]): Promise<number[][]> {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ({ base64, at }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) return [];
      ctx.drawImage(bitmap, 0, 0);
      return at.map((p) => [...ctx.getImageData(p.x, p.y, 1, 1).data.slice(0, 3)]);
    },
    { base64: png, at: points },
  );
}

/** The sides of the spotlit item in the window whose outline cannot be seen. */
async function unseenSides(page: Page, selector: string): Promise<string[]> {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  const points = await ringPoints(page, selector);
  if (points.length < 2) return [`only ${points.length} side(s) in the window`];
  const on = await colours(page, points);
  const off = await page.addStyleTag({ content: '[data-spotlit] { outline: none !important; }' });
  const without = await colours(page, points);
  await off.evaluate((el) => (el as Element).remove());
  // Still scrolling into view (the page follows the spotlight) or laying out: measure again.
  if (JSON.stringify(await ringPoints(page, selector)) !== JSON.stringify(points)) return ['moved while measured'];
  const distance = (a: number[] = [], b: number[] = []) => a.reduce((sum, v, i) => sum + Math.abs(v - (b[i] ?? 0)), 0);
  return points.flatMap((p, i) => (distance(on[i], without[i]) < 90 ? [`${p.side} (${on[i]?.join(',')} vs ${without[i]?.join(',')})`] : []));
}

async function session(doc: string, value: (options: string[]) => string): Promise<string> {
  await anna.goto(`${server.url}/d/${doc}`);
  await anna.locator('[data-status="online"]').waitFor();
  await anna.getByRole('button', { name: 'Starta arbetspass' }).click();
  const select = anna.locator('[data-spotlight-select]');
  await select.waitFor();
  const chosen = value(await select.locator('option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value)));
  await select.selectOption(chosen);
  await anna.locator('[data-spotlight-commit]').click();
  return chosen.split(':')[1] ?? '';
}

describe('the spotlit item’s outline', () => {
  it('is seen on every side in the window: plan and agenda, page and presentation, 390 and 1440 px, forced colours too', async () => {
    const plan = await freshPlan(annaApi, 'Synlig ram');
    const activity = await session(plan, (values) => values.filter((v) => v.startsWith('activities:'))[2] ?? '');
    const me = await annaApi.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const ws = await annaApi.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
    const agenda = ws.documents.find((d) => d.kind === 'agenda')?.id ?? '';
    const item = await session(agenda, (values) => values.filter((v) => v.startsWith('items:'))[1] ?? '');
    const views = [
      { path: `/d/${plan}`, selector: `tr.activity[data-activity="${activity}"][data-spotlit]` },
      { path: `/d/${plan}/present`, selector: `[data-activity="${activity}"][data-spotlit]` },
      { path: `/d/${agenda}`, selector: `.agenda-item[data-item="${item}"][data-spotlit]` },
      { path: `/d/${agenda}/present`, selector: `[data-item="${item}"][data-spotlit]` },
    ];
    for (const forcedColors of ['none', 'active'] as const) {
      await lena.emulateMedia({ forcedColors });
      for (const width of [390, 1440]) {
        await lena.setViewportSize({ width, height: 900 });
        for (const view of views) {
          await lena.goto(`${server.url}${view.path}`);
          await lena.locator(view.selector).first().waitFor({ timeout: 15_000 });
          const where = `${view.selector.split('[')[0]} ${view.path.endsWith('present') ? 'present' : 'page'} ${width}px forced ${forcedColors}`;
          // Polled: a page still scrolling to the spotlight is measured again once it rests.
          await expect.poll(() => unseenSides(lena, view.selector), { message: where }).toEqual([]);
          if (forcedColors === 'none') expect(await seriousAxeViolations(lena), `${view.path} ${width}`).toEqual([]);
        }
      }
    }
  }, 300_000);
});
