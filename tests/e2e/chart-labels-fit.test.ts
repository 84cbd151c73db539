/**
 * User test (fresh user, last session) item 2: at phone width the strategy's indicator chart
 * cut its labels. The axis values and the unit are drawn on uPlot's canvas, so a cut label is
 * ink at the canvas's edge: nothing drawn may touch the outermost pixel on any side. The unit
 * and the legend are text: their boxes must lie inside the chart's figure. Checked with the
 * demo's indicators and with the longest unit the field takes (40 characters) over values in
 * the millions, at 390 and 1 280 px.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
import { signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
// Each width starts from the demo's strategy: the other's long unit is not left in it.
beforeEach(async () => {
  server = await startE2eServer();
});
afterEach(async () => {
  await server?.stop();
});

/** Per chart: the sides of its canvas that hold ink, and its text boxes that stick out of the figure. */
function cutLabels(page: Page) {
  return page.locator('.indicator-chart').evaluateAll((figures) =>
    figures.map((figure) => {
      const canvas = figure.querySelector('canvas');
      const inkOn: string[] = [];
      if (canvas) {
        const ctx = canvas.getContext('2d');
        const { width: w, height: h } = canvas;
        const sides = { left: [0, 0, 1, h], right: [w - 1, 0, 1, h], top: [0, 0, w, 1], bottom: [0, h - 1, w, 1] } as const;
        for (const [side, [x, y, sw, sh]] of Object.entries(sides)) {
          const pixels = ctx?.getImageData(x, y, sw, sh).data ?? new Uint8ClampedArray();
          if (pixels.some((value, index) => index % 4 === 3 && value > 0)) inkOn.push(side);
        }
      }
      const box = figure.getBoundingClientRect();
      const outside = [...figure.querySelectorAll('.u-legend th, .u-legend td, .chart-unit')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || el.scrollWidth > el.clientWidth + 1);
        })
        .map((el) => el.textContent);
      return { chart: figure.querySelector('[role="img"]')?.getAttribute('aria-label')?.split(':')[0], inkOn, outside, canvasWidth: canvas?.width ?? 0, figureWidth: Math.round(box.width) };
    }),
  );
}

describe('indicator chart labels', () => {
  it.each([390, 1280])('fit inside the chart, demo data and a long unit over millions (%i px)', async (width) => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${server.url}/d/${ws.documents.find((d) => d.kind === 'strategy')?.id ?? ''}`);
    await page.locator('[data-status="online"]').waitFor();
    await page.locator('.indicator-chart canvas').first().waitFor();
    const fits = (charts: Awaited<ReturnType<typeof cutLabels>>) => charts.map(({ chart, inkOn, outside, canvasWidth, figureWidth }) => ({ chart, inkOn, outside, wider: canvasWidth > figureWidth }));
    const none = (charts: Awaited<ReturnType<typeof cutLabels>>) => charts.map(({ chart }) => ({ chart, inkOn: [], outside: [], wider: false }));
    const demo = await cutLabels(page);
    expect(demo.length).toBe(2);
    // Polled: the chart is drawn anew as the document syncs.
    await expect.poll(async () => fits(await cutLabels(page))).toEqual(none(demo));

    const indicator = page.locator('article.indicator').first();
    await indicator.getByLabel('Enhet', { exact: true }).fill('ton koldioxidekvivalenter per invånare');
    await indicator.getByLabel('Utgångsvärde', { exact: true }).fill('1250000,5');
    await indicator.getByLabel('Målvärde', { exact: true }).fill('250000');
    await indicator.getByLabel('Målvärde', { exact: true }).press('Tab');
    await expect.poll(() => indicator.locator('[role="img"]').getAttribute('aria-label')).toMatch(/250\s000/);
    await indicator.locator('.indicator-chart').scrollIntoViewIfNeeded();
    await indicator.locator('.indicator-chart').screenshot({ path: `/tmp/c2-chart-long-${width}.png` });
    await expect.poll(async () => fits(await cutLabels(page))).toEqual(none(demo));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
