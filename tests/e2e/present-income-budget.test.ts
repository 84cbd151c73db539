/**
 * User test U14 item 3: the editor's summary shows "Projektbudget med intäkter" (the plan's
 * project budget with revenues), but the presentation view and its print left it out. Now
 * the demo plan's presentation shows it, on screen and on paper, with the figure the
 * editor shows, beside "Projektbudget" (the frame "Kvar att fördela" is counted from).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

/** "3 900 000 kr" or "3 900 000" → 3900000 (whole kronor are enough here). */
const kronor = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

describe('"Projektbudget med intäkter" in the presentation', () => {
  it('is shown with the editor’s figure on screen and printed', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se', { serviceWorkers: 'block' });
    const doc = await freshPlan(api, 'Budget med intäkter');
    const page = await context.newPage();
    await openPlan(page, server, doc);
    const inEditor = kronor(await page.getByLabel('Projektbudget med intäkter', { exact: true }).inputValue());
    expect(inEditor).toBe(3_900_000);

    await page.goto(`${server.url}/d/${doc}/present`);
    await page.locator('.present [data-status="online"]').waitFor();
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      const line = page.locator('.present-totals div', { has: page.locator('[data-total="frameWithIncome"]') });
      expect(await line.isVisible()).toBe(true);
      expect((await line.locator('dt').textContent())?.trim()).toBe('Projektbudget med intäkter');
      expect(kronor(await line.locator('dd').textContent())).toBe(inEditor);
    }
    await context.close();
  });
});
