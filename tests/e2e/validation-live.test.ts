/**
 * The live "Att åtgärda" list after the user tester's steps (editor, demo plan, 1280 px):
 * add activity 1.3 under Mål 1, give it a budget. The list must then say that 1.3 lacks a
 * responsible, must not list any issue twice, and must equal what a reload shows.
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

/** The issue list as shown: every entry's text, in order. */
const listed = (page: Page) => page.locator('.validation li a').allTextContents();

describe('Att åtgärda while editing', () => {
  it('after adding 1.3 and giving it a budget lists "1.3 … saknar ansvarig" once and nothing twice', async () => {
    const { context, api } = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(api, 'Att åtgärda');
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await openPlan(page, server, doc);

    await page.getByRole('button', { name: /Lägg till aktivitet Mål 1$/ }).click();
    await activityRow(page, '1.3').waitFor();
    await expect.poll(async () => (await listed(page)).filter((text) => text.includes('”1.3”')).length).toBe(3);
    const budget = page.getByLabel('Budget 1.3', { exact: true });
    await budget.fill('25000');
    await budget.press('Enter');
    await expect.poll(async () => (await listed(page)).some((text) => text.includes('”1.3” saknar budget'))).toBe(false);

    const live = await listed(page);
    expect(live.filter((text) => text.includes('”1.3” saknar ansvarig'))).toHaveLength(1);
    expect(new Set(live).size).toBe(live.length);
    await page.reload();
    await openPlan(page, server, doc);
    await expect.poll(() => listed(page)).toEqual(live);
    await context.close();
  });
});
