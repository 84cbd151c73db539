/**
 * Issue 17 item 14 in real Chromium, the timeline of a big plan: only rows near the viewport
 * are built (the table still says its full size through aria-rowcount), rows are built as
 * keyboard scrolling reaches them with the scroll height holding still, and printing draws
 * every row. A 6-year plan's axis labels never overflow their boxes at 390 and 1 280 px,
 * a phone shows a 1- or 2-year plan's quarters (no longer years only), and printing picks
 * labels that fit an A4 track.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
import { openPlan, signedInContext, startE2eServer } from './support/fixture.js';
import type { ApiClient } from '../support/api.js';
import type { TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function importPlan(api: ApiClient, goals: number, perGoal: number, dates: (g: number, a: number) => string): Promise<string> {
  const lines = [`Tidslinje ${goals * perGoal}`, 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat'];
  for (let g = 1; g <= goals; g++) {
    lines.push(`Mål ${g} Mål nummer ${g}.\t\t\t\t\t`);
    for (let a = 1; a <= perGoal; a++) lines.push(`${g}.${a} Aktivitet ${g}.${a}\tBeskrivning\t1000\tKommunen\t${dates(g, a)}\tAlla`);
  }
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const imported = await api.request('POST', `/api/workspaces/${me.workspaces[0]?.id}/import`, lines.join('\n'), { 'content-type': 'text/tab-separated-values' });
  return ((await imported.json()) as { id: string }).id;
}

/** Labels whose text would not fit their tick were the axis `px` wide (the whole axis when it is narrower). */
function labelsTooWideFor(page: Page, px: number): Promise<string[]> {
  return page.locator('.timeline-table .timeline-tick').evaluateAll((all, width) => {
    const track = document.querySelector('.timeline-axis')?.getBoundingClientRect().width ?? 0;
    const scale = Math.min(1, width / track);
    // The text's own width (a Range around it), not scrollWidth, which is never below the box's.
    return all
      .filter((tick) => {
        const text = document.createRange();
        text.selectNodeContents(tick);
        return tick.textContent !== '' && tick.getBoundingClientRect().width * scale < text.getBoundingClientRect().width;
      })
      .map((tick) => tick.textContent ?? '');
  }, px);
}

const built = (page: Page) => page.locator('tr.timeline-row').count();
const scrollHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

describe('the timeline of a big plan', () => {
  const GOALS = 10;
  const PER_GOAL = 20;

  it('builds the rows near the viewport, the rest as scrolling reaches them, and prints every row', { timeout: 120_000 }, async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const id = await importPlan(api, GOALS, PER_GOAL, (g, a) => `2027-${String(1 + ((g + a) % 12)).padStart(2, '0')}-01 - 2028-06-30`);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await openPlan(page, server, id);
    await page.getByRole('tab', { name: 'Tidslinje' }).click();
    const table = page.locator('.timeline-table');
    await table.locator('tr.timeline-row').first().waitFor();

    // The table says its full size (axis header, a heading per goal, every activity) …
    expect(await table.getAttribute('aria-rowcount')).toBe(String(1 + GOALS + GOALS * PER_GOAL));
    // … while only the rows near the viewport exist, each numbered as in the whole table.
    const first = await built(page);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(GOALS * PER_GOAL);
    const indexes = await table.locator('tr[aria-rowindex]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('aria-rowindex'))));
    expect(indexes.slice(0, 3)).toEqual([1, 2, 3]);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(await table.locator('tr.timeline-placeholder:not([aria-hidden="true"])').count()).toBe(0);
    // Placeholders and row indexes pass axe (the rest of the page is accessibility.test.ts's job).
    const all = await seriousAxeViolations(page);
    const inPanel = await page.evaluate(
      // A node axe names that the page no longer holds counts as inside: never hide a finding.
      (targets) => targets.map((target) => target.some((selector) => document.querySelector(selector)?.closest('#panel-timeline') !== null)),
      all.map((v) => v.nodes.flatMap((n) => n.target)),
    );
    const violations = all.filter((_, i) => inPanel[i] === true);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    // The keyboard scrolls to the end: the last rows are built there, the page's height holds still.
    const before = await scrollHeight(page);
    await page.locator('#timeline-heading').click();
    await page.keyboard.press('End');
    const last = table.locator(`tr.timeline-row[data-activity]`).filter({ hasText: `${GOALS}.${PER_GOAL} Aktivitet` });
    await last.waitFor();
    await expect.poll(() => last.evaluate((row) => row.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    const after = await scrollHeight(page);
    // (How many rows the way down built depends on the frames of the smooth scroll: not asserted.)
    expect(Math.abs(after - before) / before).toBeLessThan(0.05);

    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printed = await page.evaluate(() => ({
      rows: document.querySelectorAll('tr.timeline-row').length,
      placeholders: document.querySelectorAll('tr.timeline-placeholder').length,
      emptyRows: [...document.querySelectorAll('tr.timeline-row')].filter((el) => el.getBoundingClientRect().height === 0).length,
    }));
    expect(printed).toEqual({ rows: GOALS * PER_GOAL, placeholders: 0, emptyRows: 0 });
    // Bars print without "background graphics" (Chromium's default), and the app around the plan stays off paper.
    const paper = await page.evaluate(() => ({
      barColour: getComputedStyle(document.querySelector('.timeline-bar') as Element).printColorAdjust,
      chrome: ['.app-header', '.breadcrumb', '.doc-header', '.tabs[role="tablist"]'].filter((s) => {
        const el = document.querySelector(s);
        return el !== null && getComputedStyle(el).display !== 'none';
      }),
    }));
    expect(paper).toEqual({ barColour: 'exact', chrome: [] });
    await context.close();
  });
});

describe('the undated activities of a big plan', () => {
  it('are listed with their real count and positions, and all of them printed', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const id = await importPlan(api, 3, 30, (g, a) => (g === 1 && a === 1 ? '2027-01-01 - 2027-12-31' : ''));
    const page = await context.newPage();
    await openPlan(page, server, id);
    await page.getByRole('tab', { name: 'Tidslinje' }).click();
    const items = page.locator('.timeline-undated li:not([aria-hidden="true"])');
    await items.first().waitFor();
    const positions = () => items.evaluateAll((all) => all.map((li) => [li.getAttribute('aria-setsize'), Number(li.getAttribute('aria-posinset'))]));
    const listed = await positions();
    expect(listed.every(([size]) => size === '89')).toBe(true);
    expect(listed.map(([, at]) => at)).toEqual(listed.map((_, i) => i + 1));

    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printed = await positions();
    expect(printed.map(([, at]) => at)).toEqual(Array.from({ length: 89 }, (_, i) => i + 1));
    expect(await page.locator('.timeline-undated [aria-hidden="true"]').count()).toBe(0);
    expect(await items.nth(88).textContent()).toBe('3.30 Aktivitet 3.30');
    await context.close();
  });
});

describe('the axis of a 6-year plan', () => {
  for (const width of [390, 1280]) {
    // A label is its own box (issue 17 C item 2): it may reach past a narrow tick, but never past the axis or under another label.
    it(`at ${width} px: no label is cut or covered, and the years are labelled`, async () => {
      const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
      const id = await importPlan(api, 2, 3, (g, a) => (g === 1 && a === 1 ? '2027-01-01 - 2032-12-31' : `${2026 + g + a}-03-01 - ${2027 + g + a}-02-28`));
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await openPlan(page, server, id);
      await page.getByRole('tab', { name: 'Tidslinje' }).click();
      const ticks = page.locator('.timeline-table .timeline-tick');
      await ticks.first().waitFor();
      await expect
        .poll(() =>
          ticks.evaluateAll((all) =>
            all
              .filter((tick) => {
                const label = tick.querySelector('.timeline-tick-label');
                if (!label) return false;
                const box = label.getBoundingClientRect();
                const axis = tick.closest('.timeline-axis')?.getBoundingClientRect();
                const middle = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
                return label.scrollWidth > label.clientWidth || !axis || box.left < axis.left || box.right > axis.right || (middle !== null && !label.contains(middle));
              })
              .map((tick) => tick.textContent),
          ),
        )
        .toEqual([]);
      const years = await page.locator('.timeline-years .timeline-tick').allTextContents();
      expect(years.filter((text) => /^20\d\d$/.test(text)).length).toBeGreaterThanOrEqual(width === 1280 ? 6 : 2);
      expect(years[0]).toBe('2027');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      await context.close();
    });
  }
});

/** Labelled ticks whose text would overlap the next one's (text boxes, left to right, per row). */
function overlappingLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.timeline-years, .timeline-units')].flatMap((row) => {
      const boxes = [...row.querySelectorAll('.timeline-tick')]
        .filter((tick) => tick.textContent !== '')
        .map((tick) => {
          const text = document.createRange();
          text.selectNodeContents(tick);
          const box = text.getBoundingClientRect();
          return { label: tick.textContent ?? '', left: box.left, right: box.right };
        });
      return boxes.slice(1).flatMap((box, i) => ((boxes[i]?.right ?? 0) > box.left ? [`${boxes[i]?.label}|${box.label}`] : []));
    }),
  );
}

describe('the axis on a phone and a laptop (finest unit that fits)', () => {
  const cases = [
    { name: 'a 2-year plan', dates: '2027-01-01 - 2028-12-31', widths: { 390: ['K1', 'K2', 'K3', 'K4', 'K1', 'K2', 'K3', 'K4'], 1440: ['K1', 'K2', 'K3', 'K4', 'K1', 'K2', 'K3', 'K4'] }, unit: { 390: 'kvartal', 1440: 'kvartal' } },
    {
      name: 'a 1-year plan',
      dates: '2027-01-01 - 2027-12-31',
      widths: { 390: ['K1', 'K2', 'K3', 'K4'], 1440: ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'] },
      unit: { 390: 'kvartal', 1440: 'månader' },
    },
  ] as const;
  for (const c of cases) {
    for (const width of [390, 1440] as const) {
      it(`${c.name} at ${width} px: ${c.widths[width].length} unit labels under the years, none clipped or overlapping`, async () => {
        const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
        const id = await importPlan(api, 1, 2, (_, a) => (a === 1 ? c.dates : '2027-03-01 - 2027-09-30'));
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 800 });
        await openPlan(page, server, id);
        await page.getByRole('tab', { name: 'Tidslinje' }).click();
        const units = page.locator('.timeline-units .timeline-tick');
        await units.first().waitFor();
        await expect.poll(async () => (await units.allTextContents()).filter((text) => text !== '')).toEqual([...c.widths[width]]);
        expect(await page.locator('.timeline-years .timeline-tick').allTextContents()).toEqual(c.dates.startsWith('2027-01-01 - 2028') ? ['2027', '2028'] : ['2027']);
        expect(await labelsTooWideFor(page, 10_000)).toEqual([]);
        expect(await overlappingLabels(page)).toEqual([]);
        // The caption names the unit drawn.
        expect(await page.locator('.timeline-table caption').textContent()).toContain(c.unit[width]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await context.close();
      });
    }
  }
});

describe('the axis on paper', () => {
  it('labels months on a laptop and only what fits A4 when printed', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const id = await importPlan(api, 1, 2, (_, a) => (a === 1 ? '2027-01-01 - 2028-06-30' : '2027-03-01 - 2027-09-30'));
    const page = await context.newPage();
    await openPlan(page, server, id);
    await page.getByRole('tab', { name: 'Tidslinje' }).click();
    const units = page.locator('.timeline-units .timeline-tick');
    await units.first().waitFor();
    await expect.poll(async () => (await units.allTextContents()).filter((text) => text !== '').length).toBe(18);
    expect(await labelsTooWideFor(page, 10_000)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await labelsTooWideFor(page, 440)).toEqual([]);
    expect(await page.locator('.timeline-years .timeline-tick').allTextContents()).toEqual(['2027', '2028']);
    await context.close();
  });
});
