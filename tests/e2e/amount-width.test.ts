/**
 * A huge amount is read whole (issue 17 item 3): "1 000 000 000 000 kr" typed into a budget
 * was cut off in its field. At 390, 1 280 and 1 440 px the budget field shows its whole text
 * (nothing scrolled out of it), stays inside its cell, the page does not pan sideways, and
 * the amount is warned about as implausible. A field its cell keeps narrower writes the
 * whole value out under itself (amount-whole.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { activityRow, describedText, freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
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

const budget = (page: Page, number: string) => activityRow(page, number).getByLabel(`Budget ${number}`);

/** Whether the field shows its whole text, and stays inside its table cell or card. */
function fits(page: Page, number: string) {
  return budget(page, number).evaluate((input: HTMLInputElement) => {
    const cell = input.closest('td')?.getBoundingClientRect();
    const box = input.getBoundingClientRect();
    // Whole in the field, or (a field its cell keeps narrower) written out whole under it.
    const under = input.parentElement?.querySelector<HTMLElement>('.amount-whole');
    const underBox = under?.getBoundingClientRect();
    const shownUnder = !!under && !!underBox && underBox.width > 0 && under.scrollWidth <= under.clientWidth && underBox.left >= (cell?.left ?? 0) - 0.5 && underBox.right <= (cell?.right ?? 0) + 0.5;
    return {
      whole: input.scrollWidth <= input.clientWidth || shownUnder,
      text: input.scrollWidth <= input.clientWidth ? input.value : (under?.textContent ?? '').replace(/\s+/g, ' '),
      inCell: !!cell && box.left >= cell.left - 0.5 && box.right <= cell.right + 0.5,
      pagePans: document.documentElement.scrollWidth > window.innerWidth,
    };
  });
}

describe('a huge budget', () => {
  it.each([390, 1280, 1440])('is whole in its field at %i px and warned about', async (width) => {
    const { context, api } = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(api, `Stort belopp ${width}`);
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await openPlan(page, server, doc);
    await budget(page, '1.1').fill('1 000 000 000 000');
    await budget(page, '1.1').press('Enter');
    await expect.poll(() => budget(page, '1.1').inputValue()).toBe('1 000 000 000 000');
    await budget(page, '1.1').blur();
    const seen = await fits(page, '1.1');
    expect(seen).toMatchObject({ whole: true, inCell: true, pagePans: false });
    expect(seen.text).toMatch(/^1 000 000 000 000( kr)?$/);
    await expect.poll(() => describedText(budget(page, '1.1'))).toMatch(/orimlig|rimlig|stort/i);
    await context.close();
  });
});
