/**
 * Issue 17 (C item 4, WCAG 3.3.1): a field's error is readable next to the field, not only
 * an icon with a tooltip: its message is drawn beside or under the field, inside the page
 * (not cut, no sideways scroll), and the field points at it with aria-describedby — in a
 * plan row (a card at 390 px, the table at 1 440 px) and among the plan's own fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
import { describedText, freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
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

/** The field's error messages as drawn: text, box, whether anything clips or covers it. */
function drawnErrors(input: Locator) {
  return input.evaluate((el) => {
    const field = el.closest('.field');
    const messages = [...(field?.querySelectorAll<HTMLElement>('.field-issues .issue-marker.error') ?? [])];
    const own = el.getBoundingClientRect();
    return messages.map((marker) => {
      const text = marker.querySelector<HTMLElement>('.issue-text');
      const box = (text ?? marker).getBoundingClientRect();
      // Cut: any box from the text up to the field's card or cell clips it.
      let cut = false;
      for (let node: HTMLElement | null = text; node && node !== field?.parentElement; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflow !== 'visible' && node.scrollWidth > node.clientWidth + 1) cut = true;
      }
      const middle = document.elementFromPoint((box.left + box.right) / 2, (box.top + Math.min(box.bottom, box.top + 10)) / 2 + 2);
      return {
        text: (text?.textContent ?? '').trim(),
        width: box.width,
        height: box.height,
        left: box.left,
        right: box.right,
        // How far the message is from the field: beside it or right under it.
        gap: Math.max(0, box.top - own.bottom, own.top - box.bottom),
        cut,
        covered: middle !== null && text !== null && !text.contains(middle),
        viewport: document.documentElement.clientWidth,
      };
    });
  });
}

async function expectReadableError(page: Page, input: Locator, message: RegExp): Promise<void> {
  await input.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await drawnErrors(input)).length).toBeGreaterThan(0);
  const [drawn] = await drawnErrors(input);
  expect(drawn?.text).toMatch(message);
  expect(drawn && drawn.width > 20 && drawn.height > 8, JSON.stringify(drawn)).toBe(true);
  expect(drawn && drawn.left >= 0 && drawn.right <= drawn.viewport + 0.5, JSON.stringify(drawn)).toBe(true);
  expect(drawn?.gap, JSON.stringify(drawn)).toBeLessThanOrEqual(40);
  expect(drawn?.cut, JSON.stringify(drawn)).toBe(false);
  expect(drawn?.covered, JSON.stringify(drawn)).toBe(false);
  // The same words are what a screen reader hears with the field.
  expect(await describedText(input)).toContain(drawn?.text ?? '—');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

describe('a field error is readable next to the field', () => {
  for (const width of [390, 1440]) {
    it(`at ${width} px: an activity ending before it starts, and a budget frame below the planned total; axe finds nothing serious`, async () => {
      const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
      const doc = await freshPlan(api, `Felet vid fältet ${width}`);
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await openPlan(page, server, doc);
      const end = page.getByLabel('Slut 1.1', { exact: true });
      await end.fill('2027-01-15');
      await end.press('Enter');
      await expect.poll(() => page.locator('.validation [data-code="date.end-before-start"]').count()).toBe(1);
      await expectReadableError(page, end, /slutar innan den börjar/);

      const frame = page.getByLabel('Projektbudget utan intäkter (ram)', { exact: true });
      await frame.fill('1000');
      await frame.press('Enter');
      await expect.poll(() => page.locator('.validation [data-code="budget.over-frame"]').count()).toBe(1);
      await expectReadableError(page, frame, /överskrider budgetramen/);

      expect(await seriousAxeViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
