/**
 * Issue 17 ("every screen"), user test U12: at 1280 px the guest/presentation table broke
 * "Upphandlingsenhete|n" and "Nätverkssamordnare|n" in the Ansvar and Mottagare columns with
 * no hyphen, while the Aktiviteter column had room to spare. The class: in the Småland plan
 * at a laptop's widths, no word in a text column is wider than its column (a browser without
 * a Swedish hyphenation dictionary, as this Chromium, would break it mid-word); where a
 * browser has one, long compounds are hyphenated: hyphens: auto, and <html lang> is the UI
 * language. Issue 17 leftover: at a 1 024 px tablet, a 768 px one in portrait and every width
 * in between, too — the table's type is smaller below 74rem and a portrait tablet gets the
 * phone's cards below 1 024 px; the widths either side of each step are in the table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { wordsWiderThanCell } from './support/words.js';
import { launchBrowser } from './support/browser.js';
import { freshPlan, signedInContext, startE2eServer } from './support/fixture.js';
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
const CELLS = '.present-plan tbody th, .present-plan tbody td:not(.amount)';

/**
 * A phone, a portrait and a landscape tablet, laptops, and both sides of the cards' (1 024 px)
 * and the smaller type's (74rem) steps; at a step, also with a desktop's classic 17 px
 * scrollbar (this headless Chromium draws none), which takes the table that much room.
 */
const CASES = [
  [390, 0],
  [768, 0],
  [1023, 0],
  [1024, 0],
  [1024, 17],
  [1184, 0],
  [1185, 0],
  [1185, 17],
  [1280, 0],
  [1440, 0],
] as const;

describe('the presentation table breaks no word where it need not', () => {
  for (const [width, scrollbar] of CASES) {
    it(`every word of the Småland plan fits its column at ${width} px${scrollbar ? ` with a ${scrollbar} px scrollbar` : ''}, hyphens auto, html lang = UI language`, async () => {
      const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
      const doc = await freshPlan(anna.api, `Hela ord ${width}`);
      const page = await anna.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/d/${doc}/present`);
      await page.locator('.present [data-status="online"]').waitFor();
      if (scrollbar) await page.addStyleTag({ content: `html { padding-right: ${scrollbar}px; }` });
      expect(await page.locator('.present-plan tbody td').count()).toBeGreaterThan(20);
      expect(await wordsWiderThanCell(page, CELLS)).toEqual([]);
      // Six columns from a landscape tablet up; cards (the header row clipped away) below it.
      const headerHeight = await page.locator('.present-plan thead').evaluate((el) => el.getBoundingClientRect().height);
      expect(headerHeight <= 1).toBe(width < 1024);
      const hyphens = await page.locator('.present-plan tbody td').first().evaluate((el) => getComputedStyle(el).hyphens);
      expect(hyphens).toBe('auto');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
      await page.screenshot({ path: `/tmp/samplan-present-words-${width}-${scrollbar}.png`, fullPage: true });
      await anna.context.close();
    });
  }
});
