/**
 * User test u13 items 2 and 3, by keyboard at 1 440 and 1 024 px: after ↑/↓ focus stays on
 * the moved row's same arrow (Enter again moves one more step; at the end, the other arrow),
 * after a confirmed ✕ on the next row's ✕ (the last row: the previous one's), after
 * "Importera" on the report's heading; "Flytta till mål" browses with the arrows and moves
 * only on Enter, Escape cancels. Never <body> (WCAG 2.4.3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readSample } from '../support/samples.js';
import { launchBrowser } from './support/browser.js';
import { afterFrames } from './support/frames.js';
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

/** The focused element's accessible text (aria-hidden signs left out) and its row's number. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName ?? '',
      row: el?.closest('tr.activity')?.getAttribute('data-number') ?? null,
      text: [...(el?.childNodes ?? [])].map((n) => (n instanceof Element && n.getAttribute('aria-hidden') === 'true' ? '' : n.textContent)).join('').replace(/\s+/g, ' ').trim(),
    };
  });
}
/** The activity numbers of goal 1's rows, in order. */
const goalOneRows = (page: Page) => page.locator('tr.activity').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number') ?? '').filter((n) => n.startsWith('1.')));

describe('focus stays where the keyboard user works', () => {
  it.each([1440, 1024])('move up/down, remove and move to goal keep focus on the row (%i px)', async (width) => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.setViewportSize({ width, height: 900 });
    const doc = await freshPlan(api, `Fokus ${width}`);
    await openPlan(page, server, doc);
    const before = await goalOneRows(page);
    const [a = '', b = '', c = '', ...rest] = before;
    const name = (verb: string, n: string) => new RegExp(`^${verb} ${n.replace(/\./g, '\\.')} `);
    expect(before.length).toBeGreaterThanOrEqual(3);

    await activityRow(page, c).getByRole('button', { name: name('Flytta upp', c) }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => goalOneRows(page)).toEqual([a, c, b, ...rest]);
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'BUTTON', row: c, text: expect.stringMatching(name('Flytta upp', c)) });
    await page.keyboard.press('Enter');
    await expect.poll(() => goalOneRows(page)).toEqual([c, a, b, ...rest]);
    // At the top "Flytta upp" is disabled: focus on the same row's other arrow.
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'BUTTON', row: c, text: expect.stringMatching(name('Flytta ned', c)) });

    await activityRow(page, c).getByRole('button', { name: name('Flytta ned', c) }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => goalOneRows(page)).toEqual([a, c, b, ...rest]);
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'BUTTON', row: c, text: expect.stringMatching(name('Flytta ned', c)) });

    await activityRow(page, c).getByRole('button', { name: name('Ta bort', c) }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => goalOneRows(page)).toEqual([a, b, ...rest]);
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'BUTTON', row: b, text: expect.stringMatching(name('Ta bort', b)) });

    // Flytta till mål: ArrowDown browses, Escape cancels, Enter moves.
    const row = activityRow(page, '2.3');
    const id = await row.getAttribute('data-activity');
    const goalOf = () => page.locator(`tr.activity[data-activity="${id}"]`).evaluate((tr) => document.getElementById(tr.closest('section.goal')?.getAttribute('aria-labelledby') ?? '')?.textContent?.trim());
    await row.getByRole('button', { name: /^Flytta till mål \(2\.3 / }).focus();
    await page.keyboard.press('Enter');
    await page.locator('select:focus').waitFor();
    await page.keyboard.press('ArrowDown');
    // A move on `change` would be drawn by then (a pause could end before a slow page moved it).
    await afterFrames(page);
    expect(await goalOf()).toBe('Mål 2');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'BUTTON', row: '2.3', text: expect.stringMatching(/^Flytta till mål \(2\.3 /) });
    expect(await goalOf()).toBe('Mål 2');
    await page.keyboard.press('Enter');
    await page.locator('select:focus').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(goalOf).toBe('Mål 3');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'BUTTON', row: '2.3', text: expect.stringMatching(/^Flytta till mål \(2\.3 /) });
    await context.close();
  });

  it('after "Importera" focus is on the import report, not on <body>', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const page = await context.newPage();
    await page.goto(`${server.url}/w/${me.workspaces[0]?.id}`);
    await page.locator('textarea[name="table"]').fill(readSample('handlingsplan-smaland.tsv'));
    await page.getByRole('button', { name: 'Importera', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 15_000 }).toBe('report-heading');
    await context.close();
  });
});
