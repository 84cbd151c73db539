/**
 * Undo in a co-edited text (a goal's or an activity's title, a description) takes back one's
 * own change exactly once, whichever way it is asked for: Ctrl+Z in the text, Ctrl+Z in the
 * next field, the header's "Ångra" (user test: Ctrl+A, Delete, Ctrl+Z gave the title twice,
 * saved and sent to everyone).
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

async function storedTitle(api: ApiClient, doc: string, number: string): Promise<string | undefined> {
  const plan = await api.json<ActionPlanJSON>('GET', `/api/documents/${doc}/export.json`);
  return allActivities(plan).find((a) => a.number === number)?.title;
}

type UndoWay = (page: Page) => Promise<void>;
const ways: Array<[string, UndoWay]> = [
  ['Ctrl+Z in the text', (page) => page.keyboard.press('Control+z')],
  [
    'Ctrl+Z after Tab to the next field',
    async (page) => {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+z');
    },
  ],
  [
    'the header’s Ångra',
    async (page) => {
      await page.keyboard.press('Tab');
      await page.getByRole('button', { name: 'Ångra', exact: true }).click();
    },
  ],
];

describe('undo in a co-edited text', () => {
  it.each(ways)('%s brings an emptied title back once', async (_way, undo) => {
    const { context, api } = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(api, 'Ångra i titeln');
    const before = await storedTitle(api, doc, '1.1');
    expect(before).toBeTruthy();
    const page = await context.newPage();
    await openPlan(page, server, doc);
    const title = activityRow(page, '1.1').getByRole('textbox', { name: 'Aktivitet 1.1', exact: true });
    await title.click();
    await page.locator('.cm-editor.cm-focused').waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await expect.poll(() => storedTitle(api, doc, '1.1')).toBe('');
    await undo(page);
    await expect.poll(() => storedTitle(api, doc, '1.1')).toBe(before);
    // Nothing else arrives later: the title stays as it was, once.
    await page.keyboard.press('Shift+Tab').catch(() => undefined);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    expect(await storedTitle(api, doc, '1.1')).toBe(before);
    expect(plainText(await title.textContent())).toBe(before);
    await context.close();
  });

  it.each(['Control+y', 'Control+Shift+z'])('%s in a text redoes an undone edit once, with no error in the page', async (redo) => {
    const { context, api } = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(api, 'Gör om i titeln');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await openPlan(page, server, doc);
    const title = activityRow(page, '1.1').getByRole('textbox', { name: 'Aktivitet 1.1', exact: true });
    await title.click();
    await page.locator('.cm-editor.cm-focused').waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Ny titel');
    await expect.poll(() => storedTitle(api, doc, '1.1')).toBe('Ny titel');
    await page.keyboard.press('Control+z');
    await expect.poll(() => storedTitle(api, doc, '1.1')).not.toBe('Ny titel');
    await page.keyboard.press(redo);
    await expect.poll(() => storedTitle(api, doc, '1.1')).toBe('Ny titel');
    expect(plainText(await title.textContent())).toBe('Ny titel');
    expect(errors).toEqual([]);
    await context.close();
  });
});

function plainText(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
