/**
 * Issue 17 user-test leftovers, the timeline at a phone's and a laptop's width: the
 * month/quarter axis stays in view under the sticky header while the rows scroll by, and
 * a phone labels quarters (K1 in sv and nb, Q1 in en) when months do not fit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';
import { connectPeer, synced } from '../support/yclient.js';
import type { ApiClient } from '../support/api.js';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Scrolls the page so that the timeline's first rows are above the header's bottom edge. */
async function scrollIntoRows(page: Page): Promise<void> {
  await page.evaluate(() => {
    const table = document.querySelector('.timeline-table');
    const header = document.querySelector('.app-header');
    if (!table || !header) throw new Error('no timeline or header');
    const tableTop = table.getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, tableTop + 250 - header.getBoundingClientRect().height);
  });
}

/** Where the axis is and where the sticky header ends, in viewport pixels. */
const positions = (page: Page) =>
  page.evaluate(() => {
    // The sticky cell, not the thead: a sticky cell moves, its row group's box does not.
    const axis = document.querySelector('.timeline-table thead th.timeline-axis');
    const header = document.querySelector('.app-header');
    const firstRow = document.querySelector('.timeline-table tbody tr');
    return {
      axisTop: axis?.getBoundingClientRect().top ?? NaN,
      axisBottom: axis?.getBoundingClientRect().bottom ?? NaN,
      headerBottom: header?.getBoundingClientRect().bottom ?? NaN,
      firstRowTop: firstRow?.getBoundingClientRect().top ?? NaN,
    };
  });

const LANGUAGES = [
  { locale: 'sv-SE', quarters: ['K1', 'K2', 'K3', 'K4', 'K1', 'K2'], months: ['jan', 'feb', 'mars'] },
  { locale: 'nb-NO', quarters: ['K1', 'K2', 'K3', 'K4', 'K1', 'K2'], months: ['jan', 'feb', 'mar'] },
  { locale: 'en-GB', quarters: ['Q1', 'Q2', 'Q3', 'Q4', 'Q1', 'Q2'], months: ['Jan', 'Feb', 'Mar'] },
];

describe('timeline axis', () => {
  for (const width of [390, 1440]) {
    for (const language of LANGUAGES) {
      it(`stays in view while the rows scroll, labelled, at ${width} px in ${language.locale}`, async () => {
        const { context: signedIn, api } = await signedInContext(browser, server, 'erik@demo.samplan.se');
        const cookies = await signedIn.cookies();
        await signedIn.close();
        const context = await browser.newContext({ viewport: { width, height: 700 }, locale: language.locale });
        await context.addCookies(cookies);
        const doc = await freshPlan(api, `Axel ${width} ${language.locale}`);
        const page = await context.newPage();
        await openPlan(page, server, doc);
        await page.locator('#tab-timeline').click();
        await page.locator('.timeline-table tbody tr.timeline-row').first().waitFor();

        const units = await page.locator('.timeline-units .timeline-tick').allTextContents();
        // The sample runs 2027-01-10 – 2028-06-30: months on a laptop, quarters on a phone.
        if (width === 390) expect(units).toEqual(language.quarters);
        else expect(units.slice(0, 3)).toEqual(language.months);

        await scrollIntoRows(page);
        await expect.poll(async () => (await positions(page)).firstRowTop).toBeLessThan((await positions(page)).headerBottom);
        const at = await positions(page);
        // The axis sits right under the header, not scrolled away nor hidden beneath it.
        expect(Math.abs(at.axisTop - at.headerBottom)).toBeLessThanOrEqual(2);
        expect(at.axisBottom).toBeGreaterThan(at.headerBottom + 20);
        // Still labelled where it stuck: the unit labels are visible (not covered by the rows).
        const topmost = await page.evaluate(() => {
          const tick = [...document.querySelectorAll('.timeline-units .timeline-tick')].find((el) => (el.textContent ?? '') !== '');
          if (!tick) return '';
          const box = tick.getBoundingClientRect();
          return document.elementFromPoint(box.left + 4, box.top + box.height / 2)?.closest('.timeline-tick')?.textContent ?? '';
        });
        expect(topmost).toBe(units.find((u) => u !== ''));
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await context.close();
      });
    }
  }
});

/**
 * Issue 17 (C item 2): a two-year plan's 8th quarter had no label at 390 px. The class: at any
 * count of months or quarters and any width, each axis row draws its first and last label,
 * and no label is cut (its text runs past its box or the axis) or overlaps another.
 */
const PERIODS: Array<[string, string, string]> = [
  ['the sample (18 months)', '2027-01-10', '2028-06-30'],
  ['two whole years (8 quarters)', '2027-01-01', '2028-12-31'],
  ['two years, the 8th quarter clipped to 20 days', '2027-01-01', '2028-10-20'],
  ['clipped at both ends (19 quarters)', '2026-07-15', '2031-02-10'],
  ['twelve years', '2025-01-01', '2036-12-31'],
];

/** Every drawn label of the axis rows: its text's box, its tick's box and the axis's. */
const drawnLabels = (page: Page) =>
  page.evaluate(() => {
    const axis = document.querySelector('.timeline-table thead th.timeline-axis')?.getBoundingClientRect();
    return [...document.querySelectorAll('.timeline-years, .timeline-units')].map((row) =>
      [...row.querySelectorAll<HTMLElement>('.timeline-tick')].map((tick) => {
        const range = document.createRange();
        range.selectNodeContents(tick);
        const text = range.getBoundingClientRect();
        // A label is cut when its box is narrower than its text, or something else is drawn over it.
        const label = tick.querySelector<HTMLElement>('.timeline-tick-label');
        const middle = document.elementFromPoint((text.left + text.right) / 2, (text.top + text.bottom) / 2);
        return {
          label: (tick.textContent ?? '').trim(),
          textLeft: text.left,
          textRight: text.right,
          overflows: label !== null && (label.scrollWidth > label.clientWidth || !label.contains(middle)),
          axisLeft: axis?.left ?? NaN,
          axisRight: axis?.right ?? NaN,
        };
      }),
    );
  });

/** Sets the plan period as a peer would, and waits until the server has stored it. */
async function setPeriod(api: ApiClient, cookie: string, doc: string, from: string, to: string): Promise<void> {
  const peer = connectPeer(server.url, doc, { cookie });
  try {
    await synced(peer);
    peer.doc.transact(() => {
      const meta = peer.doc.getMap<unknown>('meta');
      meta.set('periodStart', from);
      meta.set('periodEnd', to);
    });
    const stored = () => api.json<{ periodStart: string | null; periodEnd: string | null }>('GET', `/api/documents/${doc}/export.json`);
    await expect.poll(async () => { const plan = await stored(); return `${plan.periodStart} ${plan.periodEnd}`; }).toBe(`${from} ${to}`);
  } finally {
    peer.destroy();
  }
}

describe('timeline axis labels (first and last drawn, none cut, none overlapping)', () => {
  for (const width of [390, 1280]) {
    it(`at ${width} px for ${PERIODS.map(([name]) => name).join(', ')}`, async () => {
      const { context: signedIn, api } = await signedInContext(browser, server, 'erik@demo.samplan.se');
      const cookies = await signedIn.cookies();
      await signedIn.close();
      const context = await browser.newContext({ viewport: { width, height: 700 }, locale: 'sv-SE' });
      await context.addCookies(cookies);
      const page = await context.newPage();
      for (const [name, from, to] of PERIODS) {
        const doc = await freshPlan(api, `Axelns etiketter ${width} ${from}`);
        await setPeriod(api, api.sessionCookie, doc, from, to);
        await openPlan(page, server, doc);
        await page.locator('#tab-timeline').click();
        await page.locator('.timeline-table tbody tr.timeline-row').first().waitFor();
        // In view, so that what is drawn over a label can be asked of the page.
        await page.evaluate(() => document.querySelector('.timeline-table thead th.timeline-axis')?.scrollIntoView({ block: 'center' }));
        await expect.poll(async () => (await drawnLabels(page)).length, { message: name }).toBe(2);
        const rows = await drawnLabels(page);
        for (const row of rows) {
          const where = `${name} at ${width} px: ${row.map((tick) => tick.label || '·').join(' ')}`;
          expect(row[0]?.label, `first label, ${where}`).not.toBe('');
          expect(row[row.length - 1]?.label, `last label, ${where}`).not.toBe('');
          const drawn = row.filter((tick) => tick.label !== '');
          for (const tick of drawn) {
            expect(tick.overflows, `${tick.label} cut by its box, ${where}`).toBe(false);
            expect(tick.textLeft >= tick.axisLeft - 0.5 && tick.textRight <= tick.axisRight + 0.5, `${tick.label} past the axis, ${where}`).toBe(true);
          }
          drawn.slice(1).forEach((tick, i) => {
            const before = drawn[i];
            expect(before !== undefined && before.textRight <= tick.textLeft, `${before?.label} overlaps ${tick.label}, ${where}`).toBe(true);
          });
        }
      }
      await context.close();
    });
  }
});
