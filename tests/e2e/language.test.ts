/**
 * Issue 17 item 6 in real Chromium: the browser's language until one is chosen (then
 * remembered), Norwegian words in nb, chart years not grouped like numbers, measurements
 * with the locale's decimal mark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';
import type { ApiClient } from '../support/api.js';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function documentOf(api: ApiClient, kind: string): Promise<string> {
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  return ws.documents.find((d) => d.kind === kind)?.id ?? '';
}

describe('the language', () => {
  it.each([
    ['sv-SE', 'sv', 'Logga in'],
    ['nb-NO', 'nb', 'Logg inn'],
    ['nn-NO', 'nb', 'Logg inn'],
    ['en-US', 'en', 'Log in'],
    ['de-DE', 'sv', 'Logga in'],
  ])('a %s browser sees %s until a language is chosen', async (browserLocale, lang, heading) => {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('heading', { name: heading }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await context.close();
  });

  it('remembers the language chosen over the browser’s', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await context.close();
  });

  it('says Visjon and Organisasjon in Norwegian', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    await context.addInitScript(() => localStorage.setItem('samplan.locale', 'nb'));
    const page = await context.newPage();
    await page.goto(`${server.url}/d/${await documentOf(api, 'strategy')}`);
    await page.locator('[data-status="online"]').waitFor();
    await page.getByText('Visjon', { exact: true }).waitFor();
    await page.goto(`${server.url}/d/${await documentOf(api, 'agenda')}`);
    await page.locator('[data-status="online"]').waitFor();
    await page.getByRole('columnheader', { name: 'Organisasjon' }).waitFor();
    expect(await page.getByText('Organisation', { exact: true }).count()).toBe(0);
    await context.close();
  });
});

describe('numbers in the indicator chart', () => {
  async function legendAt(page: Page, fraction: number): Promise<string[]> {
    const chart = page.locator('.indicator-chart .u-over').first();
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) * fraction, (box?.y ?? 0) + (box?.height ?? 0) / 2);
    return page.locator('.indicator-chart').first().locator('.u-legend .u-value').allTextContents();
  }

  it.each([
    ['sv', '2022', '150,4'],
    ['nb', '2022', '150,4'],
    ['en', '2022', '150.4'],
  ])('in %s the legend says the year %s (never "2 022") and the path value %s', async (lang, year, value) => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    await context.addInitScript((l) => localStorage.setItem('samplan.locale', l), lang);
    const page = await context.newPage();
    await page.goto(`${server.url}/d/${await documentOf(api, 'strategy')}`);
    await page.locator('.indicator-chart canvas').first().waitFor();
    // The demo's first indicator: baseline 160 in 2020, target 112 in 2030; 2022 is a fifth of the way.
    await expect.poll(() => legendAt(page, 0.2)).toEqual([year, '152', value]);
    // Seen, not spoken: the caption and the table already say it (user test u12).
    expect(await page.locator('.indicator-chart .u-legend').first().getAttribute('aria-hidden')).toBe('true');
    await context.close();
  });
});
