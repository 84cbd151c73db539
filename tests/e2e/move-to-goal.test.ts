/**
 * Issue 17 user test items 1 and 2: "Flytta till mål" by keyboard. The ⇄ control opens as a
 * labelled choice that can be read ("Flytta till mål" and the goals, not a blank 32 px
 * dropdown), focus follows the moved row into its new goal, and "Numrera om" leaves focus on
 * what it did, never on <body> (WCAG 2.4.3), at 390 and 1 440 px.
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

/** What has focus: its tag, its row's activity number and goal, and its text or name. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const row = el?.closest('tr.activity');
    return {
      tag: el?.tagName ?? '',
      row: row?.getAttribute('data-number') ?? null,
      goal: document.getElementById(el?.closest('section.goal')?.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? null,
      // What a screen reader says: the text without what is aria-hidden (the ⇄ sign).
      text: [...(el?.childNodes ?? [])].map((n) => (n instanceof Element && n.getAttribute('aria-hidden') === 'true' ? '' : n.textContent)).join('').replace(/\s+/g, ' ').trim(),
    };
  });
}

describe('move to goal by keyboard', () => {
  it.each([390, 1440])('reads as a labelled choice and keeps focus on the moved row, then on what "Numrera om" did (%i px)', async (width) => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const doc = await freshPlan(api, `Flytta ${width}`);
    await openPlan(page, server, doc);

    const row = activityRow(page, '2.3');
    const activityId = await row.getAttribute('data-activity');
    await row.getByRole('button', { name: 'Flytta till mål (2.3 Samordnad varudistribution)' }).focus();
    await page.keyboard.press('Enter');
    const select = page.locator('select:focus');
    await select.waitFor();
    // A visible label and room for the goals' names: not a 32 px box with nothing in it.
    const shape = await select.evaluate((s: HTMLSelectElement) => {
      const label = s.closest('label');
      const visible = [...(label?.querySelectorAll('span') ?? [])].filter((span) => span.getBoundingClientRect().width > 1 && getComputedStyle(span).clip === 'auto');
      const box = s.getBoundingClientRect();
      return { label: visible.map((span) => span.textContent).join(' '), width: box.width, right: box.right, options: [...s.options].map((o) => o.text), shown: s.options[s.selectedIndex]?.text };
    });
    expect(shape.label).toBe('Flytta till mål');
    expect(shape.options).toEqual(['Mål 1', 'Mål 2', 'Mål 3']);
    expect(shape.shown).toBe('Mål 2');
    expect(shape.width).toBeGreaterThanOrEqual(96);
    expect(shape.right).toBeLessThanOrEqual(width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    await select.selectOption({ label: 'Mål 3' });
    // Choosing only browses (u13 item 2): Enter moves.
    await page.keyboard.press('Enter');
    const goalOf = (tr: Element) => document.getElementById(tr.closest('section.goal')?.getAttribute('aria-labelledby') ?? '')?.textContent?.trim();
    await expect.poll(() => page.locator(`tr.activity[data-activity="${activityId}"]`).evaluate(goalOf)).toBe('Mål 3');
    await expect.poll(() => focused(page)).toEqual({ tag: 'BUTTON', row: '2.3', goal: 'Mål 3', text: 'Flytta till mål (2.3 Samordnad varudistribution)' });

    // The offer under Mål 3, beside the moved row (renumber-after-move.test.ts); another sits above the goals.
    await page.locator(`section.goal:has(tr.activity[data-activity="${activityId}"])`).getByRole('button', { name: 'Numrera om' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`tr.activity[data-activity="${activityId}"]`).getAttribute('data-number')).toBe('3.3');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'P', text: '1 nummer ändrades. Ångra med Ctrl+Z.' });
    await context.close();
  });
});
