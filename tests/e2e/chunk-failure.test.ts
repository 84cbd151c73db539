/**
 * Issue 17 user test item 3: a page's code (a lazy chunk) that keeps failing to load. The app
 * reloads itself once (lib/chunk-reload.ts); when the chunk fails again the page says so
 * with "Ladda om", never a white page under the header, and never reloads in a loop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
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

describe('a page chunk that keeps failing', () => {
  it.each([
    ['sv', 'Sidan kunde inte laddas. Kontrollera anslutningen och ladda om.', 'Ladda om'],
    ['en', 'The page could not be loaded. Check your connection and reload.', 'Reload'],
  ] as const)('reloads once, then says so with a reload button (%s)', async (lang, message, reload) => {
    // A worker's requests are not routed: block it so the page's own fetch of the chunk fails.
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se', { serviceWorkers: 'block' });
    await context.addInitScript((l) => localStorage.setItem('samplan.locale', l), lang);
    const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const ws = me.workspaces[0]?.id ?? '';
    const docs = await api.json<{ documents: Array<{ id: string }> }>('GET', `/api/workspaces/${ws}`);
    const doc = docs.documents[0]?.id ?? '';
    const page = await context.newPage();
    await page.goto(`${server.url}/w/${ws}`);
    await page.locator(`a[href="/d/${doc}"]`).first().waitFor();

    let chunkRequests = 0;
    await context.route(/\/assets\/DocumentPage-[^/]*\.js$/, (route) => (chunkRequests++, route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' })));
    let loads = 0;
    page.on('load', () => loads++);
    await page.locator(`a[href="/d/${doc}"]`).first().click();

    const alert = page.locator('main .page-error[role="alert"]');
    await alert.waitFor();
    expect(await alert.locator('p').textContent()).toBe(message);
    // One automatic reload, then the message (the chunk was asked for, and refused).
    await expect.poll(() => loads).toBe(1);
    expect(chunkRequests).toBeGreaterThan(0);
    const button = alert.getByRole('button', { name: reload });
    await expect.poll(() => button.evaluate((b) => b === document.activeElement)).toBe(true);

    // "Ladda om" while the chunk is still missing: one more load, the message again, no loop.
    await button.click();
    await expect.poll(() => loads).toBe(2);
    await alert.waitFor();
    expect(loads).toBe(2);
    expect(page.url()).toBe(`${server.url}/d/${doc}`);

    // Once the chunk is back, "Ladda om" opens the document.
    await context.unroute(/\/assets\/DocumentPage-[^/]*\.js$/);
    await alert.getByRole('button', { name: reload }).click();
    await page.locator('[data-status="online"]').waitFor();
    expect(await page.locator('main .page-error').count()).toBe(0);
    await context.close();
  });
});
