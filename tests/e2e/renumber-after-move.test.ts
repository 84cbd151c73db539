/**
 * User test (fresh user, last session) item 1: moving rows with ↑/↓ or "Flytta till mål" left
 * numbers out of order (2.3 under Mål 3, 2.3 above 2.2) and "nothing offered to renumber" —
 * the plan-wide offer sat above the first goal, out of view from the row just moved. Now the
 * goal the numbers are off in says so under its table, with "Numrera om" reachable by Tab from
 * the moved row; it renumbers the whole plan in one step and leaves focus on what it did.
 * At 390 and 1 280 px, with axe on the notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
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

/** The activity numbers of one goal's section, in order. */
function numbersIn(page: Page, goalHeading: string): Promise<string[]> {
  return page.locator('section.goal', { has: page.getByRole('heading', { name: goalHeading, exact: true }) }).locator('tr.activity').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number') ?? ''));
}

/** Tabs forward from the focused control until `name`'s button has focus; the number of Tabs, or -1. */
async function tabTo(page: Page, name: string, limit: number): Promise<number> {
  for (let i = 1; i <= limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((n) => document.activeElement?.textContent?.trim() === n && document.activeElement.tagName === 'BUTTON', name)) return i;
  }
  return -1;
}

describe('renumbering after moves', () => {
  it.each([390, 1280])('↑ in Mål 2 offers "Numrera om" under that goal, by keyboard (%i px)', async (width) => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await openPlan(page, server, await freshPlan(api, `Ordning ${width}`));
    const goal2 = page.locator('section.goal', { has: page.getByRole('heading', { name: 'Mål 2', exact: true }) });

    await activityRow(page, '2.3').locator('[data-row-action="up"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => numbersIn(page, 'Mål 2')).toEqual(['2.1', '2.3', '2.2']);
    const notice = goal2.locator('.renumber-offer');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toContain('Numreringen är inte i ordning');
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/c2-renumber-notice-${width}.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // From the moved row's ↑, Tab reaches the goal's "Numrera om" before leaving the goal.
    await activityRow(page, '2.3').locator('[data-row-action="up"]').focus();
    expect(await tabTo(page, 'Numrera om', 40)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.closest('section.goal')?.querySelector('h3')?.textContent)).toBe('Mål 2');
    await page.keyboard.press('Enter');
    await expect.poll(() => numbersIn(page, 'Mål 2')).toEqual(['2.1', '2.2', '2.3']);
    // Focus stays where the user is: the sentence in Mål 2 that says what happened.
    await expect.poll(() => page.evaluate(() => ({ text: document.activeElement?.textContent, goal: document.activeElement?.closest('section.goal')?.querySelector('h3')?.textContent }))).toEqual({
      text: '2 nummer ändrades. Ångra med Ctrl+Z.',
      goal: 'Mål 2',
    });
    expect(await page.locator('.renumber-offer').count()).toBe(0);
    await context.close();
  });

  it('"Flytta till mål" from Mål 2 to Mål 3 offers it under Mål 3, not under Mål 2', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const page = await context.newPage();
    await openPlan(page, server, await freshPlan(api, 'Ordning mål'));
    const row = activityRow(page, '2.3');
    await row.getByRole('button', { name: 'Flytta till mål (2.3 Samordnad varudistribution)' }).click();
    await page.locator('select:focus').selectOption({ label: 'Mål 3' });
    await page.keyboard.press('Enter');
    await expect.poll(() => numbersIn(page, 'Mål 3')).toContain('2.3');
    const inGoal = (name: string) => page.locator('section.goal', { has: page.getByRole('heading', { name, exact: true }) }).locator('.renumber-offer');
    await expect.poll(() => inGoal('Mål 3').count()).toBe(1);
    expect(await inGoal('Mål 2').count()).toBe(0);
    await inGoal('Mål 3').getByRole('button', { name: 'Numrera om' }).click();
    await expect.poll(() => numbersIn(page, 'Mål 3')).toEqual(['3.1', '3.2', '3.3']);
    await context.close();
  });
});
