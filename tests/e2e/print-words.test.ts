/**
 * User test U13 (shots 115 and 21): the printed A4 view broke "energianvändninge|n" in the goal
 * column and a 390 px phone broke "Nätverkssamordna|re" in the cost table, with no hyphen
 * (this Chromium, like many browsers, has no Swedish hyphenation dictionary). The class: in the
 * presentation view's plan and cost tables, no word is wider than its cell, on paper (print
 * media at A4's printable and full widths) and on a 390 px phone; the cells ask for
 * hyphens: auto and <html lang> is the UI language, so a browser that can hyphenates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { wordsWiderThanCell } from './support/words.js';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
import { signedInContext, startE2eServer } from './support/fixture.js';
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

/** The text cells of the presentation view's tables that are checked. */
const CELLS = '.present-table tbody th, .present-table tbody td:not(.amount)';

/** [viewport width, media]: A4's printable width (186 mm), its full width, and a phone. */
const CASES = [
  [703, 'print'],
  [794, 'print'],
  [390, 'screen'],
  [1440, 'screen'],
] as const;

describe('the presentation view breaks no word where it need not, on paper and on a phone', () => {
  for (const [width, media] of CASES) {
    it(`the demo plan's words fit their cells at ${width} px (${media})`, async () => {
      const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
      const me = await anna.api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
      const ws = await anna.api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
      const doc = ws.documents.find((d) => d.kind === 'action-plan')?.id ?? '';
      const page = await anna.context.newPage();
      await page.setViewportSize({ width, height: 1123 });
      await page.goto(`${server.url}/d/${doc}/present`);
      await page.locator('.present [data-status="online"]').waitFor();
      await page.emulateMedia({ media });
      expect(await page.locator('.present-costs tbody td').count()).toBeGreaterThan(3);
      expect(await wordsWiderThanCell(page, CELLS)).toEqual([]);
      // …and the tables themselves fit the paper (or, on a phone, their scroll region).
      const widest = await page.evaluate(() =>
        Math.max(
          ...[...document.querySelectorAll('.present-table')].map((t) => {
            const parent = t.parentElement as Element;
            const scrolls = ['auto', 'scroll'].includes(getComputedStyle(parent).overflowX);
            return (scrolls ? parent : t).getBoundingClientRect().right;
          }),
        ),
      );
      expect(widest).toBeLessThanOrEqual(width);
      expect(await page.locator('.present-costs tbody td').first().evaluate((el) => getComputedStyle(el).hyphens)).toBe('auto');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
      if (media === 'screen') {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(await seriousAxeViolations(page)).toEqual([]);
      }
      await page.screenshot({ path: `/tmp/samplan-print-words-${width}-${media}.png`, fullPage: true });
      await anna.context.close();
    });
  }
});
