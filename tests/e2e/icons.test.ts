/**
 * Icons show on every system (issue 17 item 4): ⛔ beside an error needed an emoji font and
 * was an empty box in Debian's Chromium. Every issue marker of the demo plan (with an
 * implausible budget added for a warning) draws an SVG named by its severity, and no marker
 * text, page text or pseudo-element content holds an emoji or pictograph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { activityRow, freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
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

const budget = (page: Page, number: string) => activityRow(page, number).getByLabel(`Budget ${number}`);
/** Characters that need an emoji or symbol font (pictographs, emoji presentation, variation selector 16). */
const FONT_DEPENDENT = /[\p{Extended_Pictographic}\p{Emoji_Presentation}\ufe0f]/gu;

describe('issue icons', () => {
  it('are SVG with a name for each severity; no marker holds an emoji or symbol character', async () => {
    const { context, api } = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(api, 'Ikoner');
    const page = await context.newPage();
    await openPlan(page, server, doc);
    // One issue of each severity at least: an implausible budget (warning) beside what the demo has.
    await budget(page, '1.1').fill('1 000 000 000 000');
    await budget(page, '1.1').press('Enter');
    await page.locator('.issue-marker.warning').first().waitFor();
    const markers = await page.locator('.issue-marker').evaluateAll((els) =>
      els.map((el) => ({
        severity: [...el.classList].find((c) => c !== 'issue-marker') ?? '',
        icon: el.querySelector('svg[role="img"]')?.getAttribute('aria-label') ?? null,
        text: el.textContent ?? '',
      })),
    );
    expect(markers.length).toBeGreaterThan(0);
    const names: Record<string, string> = { error: 'Fel', warning: 'Varning', info: 'Information' };
    for (const marker of markers) {
      expect(marker.icon, marker.severity).toBe(names[marker.severity]);
      expect(marker.text.match(FONT_DEPENDENT), marker.text).toBeNull();
    }
    // Nowhere on the page either, drawn content of pseudo-elements included.
    const drawn = await page.evaluate(() => {
      const texts = [document.body.innerText];
      for (const el of document.querySelectorAll('*')) {
        for (const pseudo of ['::before', '::after', '::marker']) texts.push(getComputedStyle(el, pseudo).content);
      }
      return texts.join('\n');
    });
    expect(drawn.match(FONT_DEPENDENT)).toBeNull();
    await context.close();
  });
});
