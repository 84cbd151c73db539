/**
 * Issue 17 ("every screen"), user test U12: at 390 px the versions' "Från"/"Till" selects
 * were as wide as their longest option ("Antagen version ”Reviderad plan 2027” (KS § 7)")
 * and the page scrolled sideways. The class: no select, input or button is wider than the
 * phone's screen, on the editor page with two adopted versions with long names, in Swedish
 * and English; in the presentation view's "Versioner" section too (user test U14).
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

const PHONE = 390;
/** Two adopted versions whose names make the compare options long. */
const LONG_VERSIONS = [
  { name: 'Antagen plan 2027', decision: { body: 'Kommunfullmäktige', date: '2027-03-15', reference: 'KF § 42' } },
  { name: 'Reviderad plan 2027', decision: { body: 'Kommunstyrelsen', date: '2027-04-02', reference: 'KS § 7' } },
];

/** Controls (select, input, button, textarea) whose right edge, in page px, is past `width`: tag, edge and first characters. */
function controlsPast(page: Page, width: number): Promise<string[]> {
  return page.evaluate((w) => {
    const right = (el: Element) => el.getBoundingClientRect().right + window.scrollX;
    return [...document.querySelectorAll('select, input, button, textarea')]
      .filter((el) => el.getBoundingClientRect().width > 0 && right(el) > w + 0.5)
      .map((el) => `${el.tagName} ${Math.round(right(el))}: ${(el.textContent || (el as HTMLInputElement).value || '').trim().slice(0, 40)}`);
  }, width);
}

describe('controls fit a 390 px phone', () => {
  for (const lang of ['sv', 'en'] as const) {
    it(`the version-compare selects with long adopted-version names do not widen the page (${lang})`, async () => {
      const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
      const doc = await freshPlan(anna.api, `Smal telefon ${lang}`);
      for (const body of LONG_VERSIONS) await anna.api.json('POST', `/api/documents/${doc}/versions`, body, 201);
      await anna.context.addInitScript((l) => localStorage.setItem('samplan.locale', l), lang);
      const page = await anna.context.newPage();
      await page.setViewportSize({ width: PHONE, height: 844 });
      await openPlan(page, server, doc);
      const compare = page.locator('.compare select').first();
      await compare.locator('option', { hasText: 'Reviderad plan 2027' }).first().waitFor({ state: 'attached' });
      await compare.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await page.locator('.compare select').count()).toBe(2);
      expect(await controlsPast(page, PHONE)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE);
      await page.screenshot({ path: `/tmp/samplan-compare-390-${lang}.png` });
      await anna.context.close();
    });

    // User test U14: the presentation view's "Versioner" section (what share links open) made the page 492 px wide.
    it(`the presentation view's versions section with long adopted-version names fits (${lang})`, async () => {
      const lena = await signedInContext(browser, server, 'lena@demo.samplan.se');
      const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
      const doc = await freshPlan(anna.api, `Smal presentation ${lang}`);
      for (const body of LONG_VERSIONS) await anna.api.json('POST', `/api/documents/${doc}/versions`, body, 201);
      await lena.context.addInitScript((l) => localStorage.setItem('samplan.locale', l), lang);
      const page = await lena.context.newPage();
      await page.setViewportSize({ width: PHONE, height: 844 });
      await page.goto(`${server.url}/d/${doc}/present`);
      await page.locator('.present [data-status="online"]').waitFor();
      await page.locator('details.versions-details > summary').click();
      const compare = page.locator('.versions-details .compare select').first();
      await compare.locator('option', { hasText: 'Reviderad plan 2027' }).first().waitFor({ state: 'attached' });
      await compare.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await controlsPast(page, PHONE)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE);
      await page.screenshot({ path: `/tmp/samplan-present-versions-390-${lang}.png` });
      await lena.context.close();
      await anna.context.close();
    });
  }
});
