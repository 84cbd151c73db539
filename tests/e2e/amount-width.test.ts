/**
 * A huge amount is read whole (issue 17 item 3): "1 000 000 000 000 kr" typed into a budget
 * was cut off in its field. At 390, 1 280 and 1 440 px every kind of amount field — an
 * activity's budget, a cost's amount, the plan's frame — shows its whole text (nothing
 * scrolled out of it) or writes it out whole under itself (amount-whole.ts), inside its cell
 * or field, and the page does not pan sideways; the budget is warned about as implausible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
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

const HUGE = '1 000 000 000 000';
/** The amount fields of a plan, one of each kind (all are MoneyInput). */
const budget = (page: Page) => activityRow(page, '1.1').getByLabel('Budget 1.1');
const FIELDS: Array<[string, (page: Page) => Locator]> = [
  ['budget of activity 1.1', budget],
  ['amount of the first cost', (page) => page.locator('tr[data-row-kind="costs"] td.col-budget .money input').first()],
  ['the plan’s frame', (page) => page.getByLabel('Projektbudget utan intäkter (ram)')],
];

/** Whether the field shows its whole text, or writes it out whole under itself, inside its cell (or field). */
function seen(input: Locator) {
  return input.evaluate((el: HTMLInputElement) => {
    const box = el.closest('td') ?? el.closest('.field');
    const cell = box?.getBoundingClientRect();
    const inside = (r: DOMRect | undefined) => !!cell && !!r && r.left >= cell.left - 0.5 && r.right <= cell.right + 0.5;
    const under = el.parentElement?.querySelector<HTMLElement>('.amount-whole');
    const fits = el.scrollWidth <= el.clientWidth;
    const shownUnder = !!under && under.getBoundingClientRect().width > 0 && under.scrollWidth <= under.clientWidth && inside(under.getBoundingClientRect());
    return {
      whole: fits || shownUnder,
      text: fits ? el.value : (under?.textContent ?? '').replace(/\s+/g, ' '),
      inCell: inside(el.getBoundingClientRect()),
      pagePans: document.documentElement.scrollWidth > window.innerWidth,
    };
  });
}

describe('a huge amount', () => {
  it.each([390, 1280, 1440])('is whole in every kind of amount field at %i px, and warned about', async (width) => {
    const { context, api } = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(api, `Stort belopp ${width}`);
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await openPlan(page, server, doc);
    for (const [name, field] of FIELDS) {
      await field(page).scrollIntoViewIfNeeded();
      await field(page).fill(HUGE);
      await field(page).press('Enter');
      await expect.poll(() => field(page).inputValue()).toBe(HUGE);
      await field(page).blur();
      const result = await seen(field(page));
      expect(result, name).toMatchObject({ whole: true, inCell: true, pagePans: false });
      expect(result.text, name).toMatch(/^1 000 000 000 000( kr)?$/);
    }
    await expect.poll(() => describedText(budget(page))).toMatch(/orimlig|rimlig|stort/i);
    await context.close();
  });
});
