/**
 * A co-edited text at its length limit (shared/content-limits.ts: a title 200 characters, a
 * description 20 000) says what did not fit, and long texts stay usable: user test, a
 * 30 000-character paste lost 10 000 without a word and made its row 17 440 px tall; End in
 * a wrapped title stopped at the wrap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

async function storedActivity(api: ApiClient, doc: string, number: string) {
  const plan = await api.json<ActionPlanJSON>('GET', `/api/documents/${doc}/export.json`);
  return allActivities(plan).find((a) => a.number === number);
}

/** Erik's page on a fresh plan, with the text `name` of activity 1.1 focused and emptied. */
async function emptiedText(name: (number: string) => string, title: string): Promise<{ page: Page; api: ApiClient; doc: string; close: () => Promise<void> }> {
  const { context, api } = await signedInContext(browser, server, 'erik@demo.samplan.se');
  const doc = await freshPlan(api, title);
  const page = await context.newPage();
  await openPlan(page, server, doc);
  await activityRow(page, '1.1').getByRole('textbox', { name: name('1.1'), exact: true }).click();
  await page.locator('.cm-editor.cm-focused').waitFor();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  return { page, api, doc, close: () => context.close() };
}

describe('a text at its length limit', () => {
  it.each([
    ['a title', (n: string) => `Aktivitet ${n}`, 'title' as const, 200, 260, 'Texten får vara högst 200 tecken – 60 tecken kom inte med.'],
    ['a description', (n: string) => `Beskrivning ${n}`, 'description' as const, 20_000, 20_500, 'Texten får vara högst 20\u00a0000 tecken – 500 tecken kom inte med.'],
  ])('%s: what did not fit is said under it, and the rest is kept', async (_what, name, field, max, pasted, notice) => {
    const { page, api, doc, close } = await emptiedText(name, `Gräns ${field}`);
    await page.keyboard.insertText('ä'.repeat(pasted));
    await expect.poll(async () => (await storedActivity(api, doc, '1.1'))?.[field]).toBe('ä'.repeat(max));
    const shown = page.locator('[data-field-too-long]');
    await expect.poll(async () => (await shown.textContent())?.replace(/\s/g, ' ')).toBe(notice.replace(/\s/g, ' '));
    // The next edit that fits takes the note away.
    await page.keyboard.press('Backspace');
    await expect.poll(() => shown.count()).toBe(0);
    await close();
  });

  it('a long description scrolls inside its field instead of stretching its row', async () => {
    const { page, close } = await emptiedText((n) => `Beskrivning ${n}`, 'Lång beskrivning');
    await page.keyboard.insertText('Ett stycke om klimatsmart skola.\n'.repeat(400));
    const height = () => activityRow(page, '1.1').evaluate((row) => row.getBoundingClientRect().height);
    await expect.poll(height).toBeGreaterThan(100);
    expect(await height()).toBeLessThan(800);
    await close();
  });

  it('End and Shift+Home in a wrapped title reach its end and start, not the wrap', async () => {
    const { page, api, doc, close } = await emptiedText((n) => `Aktivitet ${n}`, 'Radbruten titel');
    const words = 'Workshopserie om klimatanpassning för förvaltningar i alla kommuner i nätverket, med uppföljning varje kvartal och en gemensam rapport';
    await page.keyboard.insertText(words);
    const lines = await page.locator('.cm-editor.cm-focused .cm-line').evaluate((line) => {
      const range = document.createRange();
      range.selectNodeContents(line);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines).toBeGreaterThan(1);
    await page.keyboard.press('Control+Home').catch(() => undefined);
    await page.keyboard.press('Home');
    await page.keyboard.press('End');
    await page.keyboard.insertText(' SLUT');
    await expect.poll(async () => (await storedActivity(api, doc, '1.1'))?.title).toBe(`${words} SLUT`);
    await page.keyboard.press('Shift+Home');
    await page.keyboard.insertText('Ny titel');
    await expect.poll(async () => (await storedActivity(api, doc, '1.1'))?.title).toBe('Ny titel');
    await close();
  });
});
