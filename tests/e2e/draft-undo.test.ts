/**
 * Issue 17 (C item 3): undo and redo in a budget being typed (a draft), as in a spreadsheet
 * cell. While the draft is open Ctrl+Z undoes its typing step by step (the browser's own
 * input undo); once the field is back at the stored value the next Ctrl+Z is the document's
 * undo; Ctrl+Shift+Z and Ctrl+Y redo the same way (first the draft's typing, then the
 * document's). Before: one typed change took two Ctrl+Z, and redo skipped the draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { allActivities, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { launchBrowser } from './support/browser.js';
import { activityRow, freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
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

async function storedBudget(api: ApiClient, doc: string): Promise<number | null | undefined> {
  const plan = await api.json<ActionPlanJSON>('GET', `/api/documents/${doc}/export.json`);
  return allActivities(plan).find((a) => a.number === '1.1')?.budget;
}

/** Types `text` at the end of the field, one key at a time, each its own undo step (a pause between words). */
async function typeAtEnd(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('End');
  await page.keyboard.insertText(text);
}

describe('undo and redo in a budget draft', () => {
  for (const redo of ['Control+Shift+z', 'Control+y']) {
    it(`Ctrl+Z undoes the draft's typing one step at a time, then the document; ${redo} redoes the same way back`, async () => {
      const { context, api } = await signedInContext(browser, server, 'erik@demo.samplan.se');
      const doc = await freshPlan(api, `Ångra i budgeten ${redo}`);
      const page = await context.newPage();
      await openPlan(page, server, doc);
      const field = activityRow(page, '1.1').getByLabel('Budget 1.1', { exact: true });
      const original = await storedBudget(api, doc);
      // A saved change: the document's undo has one step.
      await field.fill('200000');
      await field.press('Enter');
      await expect.poll(() => storedBudget(api, doc)).toBe(20_000_000);
      await expect.poll(() => field.inputValue()).toBe('200 000');
      // A draft of two typed steps.
      await typeAtEnd(page, field, '1');
      await typeAtEnd(page, field, '2');
      expect(await field.inputValue()).toBe('200 00012');

      await page.keyboard.press('Control+z');
      expect(await field.inputValue()).toBe('200 0001');
      await page.keyboard.press('Control+z');
      expect(await field.inputValue()).toBe('200 000');
      expect(await storedBudget(api, doc)).toBe(20_000_000);
      // Back at the stored value: the next Ctrl+Z is the document's.
      await page.keyboard.press('Control+z');
      await expect.poll(() => storedBudget(api, doc)).toBe(original);
      await expect.poll(() => field.inputValue()).not.toBe('200 000');
      // Redo: the document's step first (nothing typed since), then nothing of the draft.
      await page.keyboard.press(redo);
      await expect.poll(() => storedBudget(api, doc)).toBe(20_000_000);
      await expect.poll(() => field.inputValue()).toBe('200 000');

      // One typed change over the whole text is one step back (it took two).
      await field.focus();
      await page.keyboard.press('Control+a');
      await page.keyboard.type('5');
      expect(await field.inputValue()).toBe('5');
      await page.keyboard.press('Control+z');
      expect(await field.inputValue()).toBe('200 000');
      expect(await storedBudget(api, doc)).toBe(20_000_000);

      // Redo within a draft: type, undo, redo gives the typing back and saves nothing.
      await typeAtEnd(page, field, '7');
      await page.keyboard.press('Control+z');
      expect(await field.inputValue()).toBe('200 000');
      await page.keyboard.press(redo);
      expect(await field.inputValue()).toBe('200 0007');
      expect(await storedBudget(api, doc)).toBe(20_000_000);
      await context.close();
    });
  }
});
