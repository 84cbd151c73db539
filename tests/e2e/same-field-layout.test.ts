/**
 * Issue 17 user-test leftover (item 10, "Same field, two people"): the notice of a value
 * that arrived while you typed never covers another control — not the next field, not a
 * button — at a phone's, a small laptop's and a large laptop's width. It stays in its own
 * cell, in the flow under the field, and wraps there; it is all in view and readable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { allActivities, type ActionPlanJSON } from '../../shared/model/action-plan.js';
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

/**
 * Controls (fields, buttons, editors) and other cells of its row (the neighbouring fields,
 * whose text editors show as plain text until focused) whose boxes intersect the notice.
 */
const covered = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const notice = document.querySelector(sel);
    if (!notice) return ['no notice'];
    const own = notice.getBoundingClientRect();
    const controls = [...document.querySelectorAll('input, textarea, select, button, a[href], .cm-editor, [contenteditable="true"]')];
    const cells = [...(notice.closest('tr')?.querySelectorAll('td, th') ?? [])];
    return [...controls, ...cells]
      .filter((el) => !notice.contains(el) && !el.contains(notice))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        return box.left < own.right - 0.5 && own.left < box.right - 0.5 && box.top < own.bottom - 0.5 && own.top < box.bottom - 0.5;
      })
      .map((el) => `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30) ?? ''}`);
  }, selector);

describe('the same-field notice', () => {
  it('covers no other control at 390, 1 280 and 1 440 px', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Notisens plats');
    const plan = await anna.api.json<ActionPlanJSON>('GET', `/api/documents/${doc}/export.json`);
    const id = allActivities(plan).find((a) => a.number === '2.2')?.id ?? '';
    const [pageA, pageE] = await Promise.all([anna.context.newPage(), erik.context.newPage()]);
    await Promise.all([openPlan(pageA, server, doc), openPlan(pageE, server, doc)]);
    await expect.poll(() => pageE.locator('.presence .avatar').count()).toBe(2);

    const budgetE = activityRow(pageE, '2.2').getByLabel('Budget 2.2');
    await budgetE.click();
    await budgetE.pressSequentially('420000');
    const budgetA = activityRow(pageA, '2.2').getByLabel('Budget 2.2');
    await budgetA.fill('380 000');
    await budgetA.press('Enter');
    const selector = `[data-field-conflict="f-activities-${id}-budget"]`;
    await pageE.locator(selector).waitFor();

    for (const width of [1280, 390, 1440]) {
      await pageE.setViewportSize({ width, height: 900 });
      const notice = pageE.locator(selector);
      await notice.scrollIntoViewIfNeeded();
      // Layout settles after the resize (container queries, cards): poll, never sleep.
      await expect.poll(() => covered(pageE, selector), { message: `covered at ${width} px` }).toEqual([]);
      // In its own cell: reaching into the neighbouring column covered the field there (user test, 1 280 px).
      const cell = await notice.evaluate((el) => {
        const box = el.closest('td')?.getBoundingClientRect();
        return box ? { left: box.left, right: box.right } : null;
      });
      const box = await notice.boundingBox();
      expect(cell, `a cell at ${width} px`).not.toBeNull();
      expect(box?.x ?? -1, `inside its cell at ${width} px`).toBeGreaterThanOrEqual((cell?.left ?? 0) - 0.5);
      expect((box?.x ?? 0) + (box?.width ?? 0), `inside its cell at ${width} px`).toBeLessThanOrEqual((cell?.right ?? 0) + 0.5);
      expect(box?.x ?? -1, `left edge at ${width} px`).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0), `right edge at ${width} px`).toBeLessThanOrEqual(width);
      // Readable: its text is not squeezed into a column of single words.
      const textWidth = await notice.locator('.field-notice-text').evaluate((el) => el.getBoundingClientRect().width);
      expect(textWidth, `text width at ${width} px`).toBeGreaterThanOrEqual(7 * 16);
      // Still waiting at the field, the typist's draft untouched.
      expect(await budgetE.inputValue()).toBe('420000');
      if (process.env.SCREENSHOTS) await pageE.screenshot({ path: `/tmp/same-field-${width}.png` });
    }
    await Promise.all([anna.context.close(), erik.context.close()]);
  });
});
