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
