/**
 * Issue 17 in the browser: a Windows-1252 file from Swedish Excel uploaded through the
 * form, the summary that adds up (item 7), and a tab whose lazy chunk is gone after a
 * deploy reloading itself once — never in a loop (item 13).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ').trim();
/** `1 846 250 kr` → 1846250 (whole kronor, as the demo's figures are). */
const kronor = (text: string | null) => Number(plain(text).replace(/[^\d-]/g, ''));

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a file from Swedish Excel', () => {
  it('imports a Windows-1252 CSV with sep=; by upload, å/ä/ö and – intact', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const me = await anna.api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const page = await anna.context.newPage();
    await page.goto(`${server.url}/w/${me.workspaces[0]?.id}`);
    await page.locator('#import-heading').scrollIntoViewIfNeeded();
    await page.getByLabel('Fil').setInputFiles(FIXTURES + 'handlingsplan-windows-1252-sep.csv');
    await page.getByRole('button', { name: 'Importera' }).click();
    const report = page.locator('.report');
    await report.waitFor();
    expect(await report.getByText('Alla rader kunde läsas.').count()).toBe(1);
    expect(await report.getByRole('heading', { name: 'Rader som inte kunde läsas' }).count()).toBe(0);
    await report.getByRole('link', { name: 'Handlingsplan Energinätverket Höglandet 2027–2028' }).click();
    await page.locator('[data-total="planned"]').waitFor();
    expect(plain(await page.locator('[data-total="planned"]').textContent())).toBe('1 781 067 kr');
    await anna.context.close();
  });
});

describe('Sammanställning', () => {
  it('has a line for the cost without a section, so its lines add up to Planerat totalt', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Sammanställning');
    const page = await anna.context.newPage();
    await openPlan(page, server, doc);
    const lines = page.locator('.summary dl.totals > div:not(.strong)');
    const labels = (await lines.locator('dt').allTextContents()).map(plain);
    const amounts = (await lines.locator('dd').allTextContents()).map(kronor);
    expect(labels).toEqual(['Summa aktiviteter', 'Summa projektledning', 'Extern utvärdering']);
    expect(amounts).toEqual([1_846_250, 1_285_000, 150_000]);
    const planned = kronor(await page.locator('[data-total="planned"]').textContent());
    expect(amounts.reduce((sum, amount) => sum + amount, 0)).toBe(planned);
    await anna.context.close();
  });
});

/** Records, on each page load, every chunk failure and whether the app took it (reloading). */
async function watchChunkFailures(page: Page): Promise<{ loads: () => number }> {
  await page.addInitScript(() => {
    const seen: boolean[] = [];
    (window as unknown as { chunkFailures: boolean[] }).chunkFailures = seen;
    window.addEventListener('vite:preloadError', (event) => queueMicrotask(() => seen.push(event.defaultPrevented)));
  });
  // Requests for the page itself: a reload is one; the router's own URL changes are none.
  let loads = 0;
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) loads += 1;
  });
  return { loads: () => loads };
}

const failuresOnThisLoad = (page: Page) => page.evaluate(() => (window as unknown as { chunkFailures?: boolean[] }).chunkFailures ?? []);

// These route the page's chunk requests, which a service worker (the offline shell) would
// answer from its precache instead; with the worker, a deploy's old chunks are gone from
// its cache as from the server, and the same reload happens (tests/e2e/offline-shell.test.ts).
describe('a tab open across a deploy', () => {
  it('reloads once when the editor chunk is gone, and then opens the document', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se', { serviceWorkers: 'block' });
    const doc = await freshPlan(anna.api, 'Efter driftsättning');
    const page = await anna.context.newPage();
    const watch = await watchChunkFailures(page);
    // The page first loaded is the old build, whose chunk is gone (every request for it,
    // preload and import alike); the reloaded page is the new build, whose chunk is there.
    await page.route('**/assets/DocumentPage-*.js', (route) =>
      watch.loads() < 2 ? route.fulfill({ status: 404, body: 'Filen finns inte.' }) : route.continue(),
    );
    await openPlan(page, server, doc);
    expect(watch.loads()).toBe(2);
    expect(await failuresOnThisLoad(page)).toEqual([]);
    await anna.context.close();
  });

  it('does not reload in a loop when the chunk stays missing', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se', { serviceWorkers: 'block' });
    const doc = await freshPlan(anna.api, 'Saknad bit');
    const page = await anna.context.newPage();
    const watch = await watchChunkFailures(page);
    await page.route('**/assets/DocumentPage-*.js', (route) => route.fulfill({ status: 404, body: 'Filen finns inte.' }));
    await page.goto(`${server.url}/d/${doc}`);
    // The second load's failure arrives, and the app leaves it alone (no second reload).
    await page.waitForFunction(() => ((window as unknown as { chunkFailures?: boolean[] }).chunkFailures ?? []).includes(false));
    expect(watch.loads()).toBe(2);
    expect(await failuresOnThisLoad(page)).toEqual([false]);
    await anna.context.close();
  });
});
