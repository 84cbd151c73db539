/**
 * The offline app shell (issue 17 item 12), in real Chromium against the real server: after
 * one visit, a document reloads without any network — the shell from the service worker's
 * precache, the document from this browser's local copy — says it is offline, takes edits,
 * and those reach another person once the network is back. With the worker in control, the
 * API, share links and downloads still go to the server, never to the shell.
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

const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ').trim();
const POLL = { timeout: 30_000, interval: 200 };

/** Once the worker controls the page, what its API cache holds (paths, sorted). */
async function controlledWithCache(page: Page): Promise<string[]> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  return page.evaluate(async () => {
    const cache = await caches.open('samplan-api');
    return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
  });
}

/** How many updates this browser's local copy of the document holds (y-indexeddb's store). */
function localUpdates(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (db) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open(db);
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains('updates')) return resolve(0);
          const count = database.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => resolve(0);
        };
      }),
    name,
  );
}

describe('a document visited once', () => {
  it('reloads offline from the shell and the local copy, and its offline edit reaches Erik', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const me = await anna.api.json<{ user: { id: string } }>('GET', '/api/me');
    const doc = await freshPlan(anna.api, 'Utan nät');
    const page = await anna.context.newPage();
    await openPlan(page, server, doc);
    // First visit: the worker takes over and keeps what an offline start needs.
    await expect.poll(() => controlledWithCache(page), POLL).toEqual([`/api/documents/${doc}`, '/api/me']);
    await expect.poll(() => localUpdates(page, `samplan:${me.user.id}:${doc}`), POLL).toBeGreaterThan(0);

    await anna.context.setOffline(true);
    await page.reload();
    await page.locator('[data-status="offline"]').waitFor();
    await page.locator('[data-total="planned"]').waitFor();
    expect(plain(await page.locator('[data-total="planned"]').textContent())).toBe('3 281 250 kr');
    expect(await activityRow(page, '1.1').count()).toBe(1);

    const budget = activityRow(page, '2.2').getByLabel('Budget 2.2');
    await budget.fill('12 345');
    await budget.press('Enter');
    await expect.poll(async () => plain(await page.locator('[data-total="planned"]').textContent())).toBe('3 293 595 kr');

    await anna.context.setOffline(false);
    await page.locator('[data-status="online"]').waitFor({ timeout: 30_000 });
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const pageE = await erik.context.newPage();
    await openPlan(pageE, server, doc);
    await expect.poll(() => activityRow(pageE, '2.2').getByLabel('Budget 2.2').inputValue(), POLL).toBe('12 345');
    await Promise.all([anna.context.close(), erik.context.close()]);
  });
});

describe('with the worker in control', () => {
  it('answers client routes with the shell, but never the API, share links or downloads', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Arbetaren');
    const page = await anna.context.newPage();
    await openPlan(page, server, doc);
    await expect.poll(() => controlledWithCache(page), POLL).toContain('/api/me');

    // A download is still a download, with its file name, through the worker.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="json"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);

    const api = await page.goto(`${server.url}/api/no-such-thing`);
    expect(api?.fromServiceWorker()).toBe(false);
    expect(api?.status()).toBe(404);
    expect(await api?.json()).toMatchObject({ error: { code: 'not-found' } });

    const share = await page.goto(`${server.url}/s/not-a-real-token`);
    expect(share?.fromServiceWorker()).toBe(false);

    const route = await page.goto(`${server.url}/d/${doc}`);
    expect(route?.fromServiceWorker()).toBe(true);
    await page.locator('[data-total="planned"]').waitFor();
    await anna.context.close();
  });
});
