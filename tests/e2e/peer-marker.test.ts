/**
 * The "redigerar" badge of a field someone else is in never covers another field (user test
 * u11: placed 0.9rem above its field, it hid the bottom of the field above, whose text could
 * not be read). Two people in one plan; Erik focuses each kind of field of an activity (text,
 * budget, responsible, date, status); on Anna's screen, at 390 and 1 440 px, the badge shows,
 * lies in the window, and its box meets no other field's box (inputs, text areas, selects,
 * text editors). Screen readers get it once: not inside a label, not in a field's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './support/browser.js';
import { activityRow, freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
const SHOTS = mkdtempSync(join(tmpdir(), 'samplan-peer-marker-'));
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The badge's box, and every other field whose box meets it. */
const badgeOverlaps = (page: Page) =>
  page.evaluate(() => {
    const badge = document.querySelector('.peer-marker');
    if (!badge) return { shown: false, overlaps: [] as string[], inWindow: false, inLabel: false };
    const own = badge.getBoundingClientRect();
    const field = badge.closest('.field');
    const fields = [...document.querySelectorAll('input:not([type="hidden"]), textarea, select, .cm-editor, .text-static, [contenteditable="true"]')];
    const overlaps = fields
      // Rows off screen are skipped by `content-visibility` (plan-rows.css): not drawn, and their
      // boxes keep a stale layout (after a resize, the table's), so only fields drawn count.
      .filter((el) => !field?.contains(el) && !el.closest('.visually-hidden, .picker-proxy') && el.checkVisibility({ contentVisibilityAuto: true }))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        return box.left < own.right - 0.5 && own.left < box.right - 0.5 && box.top < own.bottom - 0.5 && own.top < box.bottom - 0.5;
      })
      .map((el) => el.id || el.getAttribute('aria-label') || el.tagName);
    return { shown: own.width > 0 && own.height > 0, overlaps, inWindow: own.left >= 0 && own.right <= innerWidth && own.top >= 0 && own.bottom <= innerHeight, inLabel: badge.closest('label') !== null };
  });

/** Whether the badge is at the same place two animation frames later. */
const stillOverTwoFrames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const where = () => JSON.stringify(document.querySelector('.peer-marker')?.getBoundingClientRect());
        const before = where();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(where() === before)));
      }),
  );

/** Erik's field, by its accessible name in activity 2.2's row. */
const FIELDS = ['Aktivitet 2.2', 'Beskrivning 2.2', 'Budget 2.2', 'Ansvar 2.2', 'Mottagare av resultat 2.2', 'Start 2.2', 'Slut 2.2', 'Status 2.2'];

describe('the peer badge', () => {
  it('covers no other field at 390 and 1 440 px', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Märkets plats');
    const [pageA, pageE] = await Promise.all([anna.context.newPage(), erik.context.newPage()]);
    await Promise.all([openPlan(pageA, server, doc), openPlan(pageE, server, doc)]);
    await expect.poll(() => pageA.locator('.presence .avatar').count()).toBe(2);
    for (const width of [390, 1440]) {
      await pageA.setViewportSize({ width, height: 900 });
      for (const name of FIELDS) {
        await activityRow(pageE, '2.2').getByLabel(name, { exact: true }).focus();
        const badge = pageA.locator('.peer-marker');
        await badge.waitFor();
        await badge.scrollIntoViewIfNeeded();
        // Goals and rows are built and measured as they come into view (lazy-goals.ts): wait until
        // the badge stands still over two frames, then measure.
        await expect.poll(() => stillOverTwoFrames(pageA)).toBe(true);
        await badge.scrollIntoViewIfNeeded();
        await expect.poll(() => badge.textContent()).toMatch(/redigerar$/);
        const found = await badgeOverlaps(pageA);
        await pageA.screenshot({ path: join(SHOTS, `${width}-${name.replace(/\W+/g, '-')}.png`) });
        expect(found, `${name} at ${width} px`).toEqual({ shown: true, overlaps: [], inWindow: true, inLabel: false });
        // The field keeps its own name: the badge is not read as part of it.
        await expect.poll(() => activityRow(pageA, '2.2').getByLabel(name, { exact: true }).count()).toBe(1);
        await pageE.locator('h1').first().click();
        await badge.waitFor({ state: 'detached' });
      }
    }
    await Promise.all([anna.context.close(), erik.context.close()]);
  });
});
