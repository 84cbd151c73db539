/**
 * Offline, the start page and the export links say so (user test u11, issue 17): the
 * workspace list at `/` opened without a network is marked offline (as the workspace page
 * is), shown as last seen, with creating a workspace disabled and why; on a document the
 * export links, which need the server, say so instead of doing nothing when clicked. Back
 * online, both are as before by themselves.
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
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Once the worker controls the page, what its API cache holds (paths). */
async function cachedPaths(page: Page): Promise<string[]> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  return page.evaluate(async () => (await (await caches.open('samplan-api')).keys()).map((request) => new URL(request.url).pathname));
}

const NOTES = [
  ['sv', 'Offline — arbetsytorna visas som de sågs senast. Att skapa en arbetsyta kräver anslutning till servern.'],
  ['nb', 'Frakoblet — arbeidsområdene vises slik de ble sett sist. Å opprette et arbeidsområde krever tilkobling til serveren.'],
  ['en', 'Offline — the workspaces are shown as last seen. Creating a workspace needs a connection to the server.'],
] as const;

describe('offline', () => {
  it('the start page says it is offline, lists the workspaces as last seen and cannot create one', async () => {
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const me = await erik.api.json<{ workspaces: Array<{ id: string; name: string }> }>('GET', '/api/me');
    const first = me.workspaces[0]?.name ?? '';
    const page = await erik.context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: first }).waitFor();
    expect(await page.locator('[data-offline-home]').count()).toBe(0);
    await expect.poll(() => cachedPaths(page), POLL).toContain('/api/me');

    await erik.context.setOffline(true);
    await page.reload();
    const note = page.locator('[data-offline-home]');
    await note.waitFor();
    await page.getByRole('link', { name: first }).waitFor();
    expect(await page.locator('[data-load-error]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Skapa' }).isDisabled()).toBe(true);
    for (const [locale, text] of NOTES) {
      await page.locator('header select').selectOption(locale);
      await expect.poll(async () => plain(await note.textContent())).toBe(text);
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/offline-home-${locale}.png` });
    }
    await page.locator('header select').selectOption('sv');

    await erik.context.setOffline(false);
    await note.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Skapa' }).isDisabled()).toBe(false);
    await erik.context.close();
  });

  it('an export link on a document says it needs the server instead of doing nothing', async () => {
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(erik.api, 'Export utan nät');
    const page = await erik.context.newPage();
    await openPlan(page, server, doc);
    const links = page.locator('.breadcrumb [data-download]');
    expect(await links.count()).toBeGreaterThanOrEqual(5);

    await erik.context.setOffline(true);
    await page.locator('[data-status="offline"]').waitFor();
    await page.locator('.breadcrumb [data-download="tsv"][aria-disabled="true"]').waitFor();
    // Marked before any click, not only in a tooltip.
    const mark = await page.locator('.breadcrumb [data-download="tsv"]').evaluate((e) => getComputedStyle(e, '::before').content);
    expect(mark).toContain('⊘');
    // aria-disabled: Playwright waits for an enabled element before it clicks; a person just clicks.
    await page.getByRole('link', { name: 'Plantabell (TSV)' }).click({ force: true });
    await page.locator('.breadcrumb').getByText('Export kräver anslutning till servern.').waitFor();
    // A second link, by Enter, adds no second message: the row says why once (user test u12).
    await page.getByRole('link', { name: 'Excel (.xlsx)' }).press('Enter');
    await page.getByRole('link', { name: 'Word (.docx)' }).click({ force: true });
    const breadcrumb = plain(await page.locator('.breadcrumb').textContent());
    expect(breadcrumb.split('Export kräver anslutning till servern.').length - 1).toBe(1);
    expect(await page.locator('.breadcrumb [role="status"]').count()).toBe(1);
    // Every download there is marked as not available, none leads anywhere.
    for (const link of await links.all()) {
      expect(await link.getAttribute('aria-disabled')).toBe('true');
      expect(await link.getAttribute('href')).toBeNull();
    }
    if (process.env.SCREENSHOTS) await page.locator('.breadcrumb').screenshot({ path: `${process.env.SCREENSHOTS}/offline-export.png` });

    await erik.context.setOffline(false);
    await page.locator('.breadcrumb [data-download="tsv"][href]').waitFor({ timeout: 30_000 });
    expect(await page.locator('.breadcrumb').getByText('Export kräver anslutning till servern.').count()).toBe(0);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Plantabell (TSV)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.tsv$/);
    await erik.context.close();
  });
});
