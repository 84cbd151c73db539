/**
 * User test (fresh user, last session) item 3: a new share link said "inte använd än" after a
 * guest had opened it, until the owner reloaded. The coordinator creates a link in the panel,
 * a guest (another browser, no account) opens it, and the coordinator's list says "senast
 * använd …" without a reload; axe finds nothing serious in the panel at 390 and 1 280 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
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

describe('share link list', () => {
  it.each([390, 1280])('shows a guest’s use without a reload (%i px)', async (width) => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const page = await anna.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await openPlan(page, server, await freshPlan(anna.api, `Delad ${width}`));
    const panel = page.locator('section.share-panel');
    await panel.getByLabel('Etikett (vem länken är till)').fill('KS-ledamöter');
    await panel.getByRole('button', { name: 'Skapa länk' }).click();
    const url = (await panel.getByLabel('Delad länk').inputValue()).replace(/^https?:\/\/[^/]+/, server.url);
    const item = panel.locator('li[data-share-link]', { hasText: 'KS-ledamöter' });
    await expect.poll(() => item.textContent()).toContain('inte använd än');

    const guest = await browser.newContext({ locale: 'sv-SE' });
    const guestPage = await guest.newPage();
    await guestPage.goto(url);
    await guestPage.locator('.present [data-status="online"]').waitFor();

    await expect.poll(() => item.textContent()).toContain('senast använd');
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/c2-share-used-${width}.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await guest.close();
    await anna.context.close();
  });
});
