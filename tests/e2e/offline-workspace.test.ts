/**
 * Offline, a person gets from the workspaces to the documents kept in this browser (issue 17
 * item 12), in real Chromium against the real server: the workspace page shows its list as
 * last seen, marked offline; a document kept here is a link that opens it, one never opened
 * says it is not available offline; what needs the server is disabled; and once the network
 * is back the list is the server's again, by itself.
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

const POLL = { timeout: 30_000, interval: 200 };

/** Once the worker controls the page, what its API cache holds (paths). */
async function cachedPaths(page: Page): Promise<string[]> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  return page.evaluate(async () => (await (await caches.open('samplan-api')).keys()).map((request) => new URL(request.url).pathname));
}

const row = (page: Page, id: string) => page.locator(`li[data-document="${id}"]`);

describe('the workspace page offline', () => {
  it('lists the documents as last seen, opens the ones kept here, and refreshes when back online', async () => {
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const me = await erik.api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const ws = me.workspaces[0]?.id ?? '';
    const kept = await freshPlan(erik.api, 'Plan att ha med sig');
    const never = await freshPlan(erik.api, 'Aldrig öppnad');
    const page = await erik.context.newPage();

    // Online: the workspace, then the plan (its local copy and record are kept).
    await page.goto(`${server.url}/w/${ws}`);
    await page.getByRole('link', { name: 'Aldrig öppnad' }).waitFor();
    await openPlan(page, server, kept);
    await expect.poll(() => cachedPaths(page), POLL).toContain(`/api/documents/${kept}`);

    await erik.context.setOffline(true);
    await page.goto(`${server.url}/w/${ws}`);
    await page.locator(`[data-offline-workspace="${ws}"]`).waitFor();
    expect(await page.locator('[data-load-error]').count()).toBe(0);
    expect(await page.locator('.offline-note').textContent()).toMatch(/^Offline — listan hämtades senast /);
    await row(page, never).and(page.locator('[data-kept="false"]')).waitFor();
    expect(await row(page, never).getByRole('link').count()).toBe(0);
    expect(await row(page, never).textContent()).toContain('inte tillgänglig offline');
    expect(await page.getByRole('button', { name: 'Nytt dokument' }).isDisabled()).toBe(true);

    await row(page, kept).and(page.locator('[data-kept="true"]')).waitFor();
    await row(page, kept).getByRole('link', { name: 'Plan att ha med sig' }).click();
    await page.locator('[data-total="planned"]').waitFor();
    await page.locator('[data-status="offline"]').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/d/${kept}`);

    // Back to the list; a document made elsewhere meanwhile appears once the network is back.
    await page.goBack();
    await page.locator(`[data-offline-workspace="${ws}"]`).waitFor();
    const added = await freshPlan(erik.api, 'Gjord medan Erik var offline');
    await erik.context.setOffline(false);
    await page.getByRole('link', { name: 'Gjord medan Erik var offline' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-offline-workspace]').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Aldrig öppnad' }).count()).toBe(1);
    expect(added).not.toBe(never);

    // The list is Erik's: kept while he is signed in, gone once he logs out (as his copies).
    const seenKeys = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('samplan:seen:')).length);
    expect(await seenKeys()).toBe(1);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect.poll(seenKeys, POLL).toBe(0);
    await erik.context.close();
  });
});
