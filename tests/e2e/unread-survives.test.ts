/**
 * User test U13: unread changes survive closing or reloading the page. Lena (a member) opens
 * the presentation view and presses "Markera som läst"; Erik changes a budget in his own
 * browser; Lena's page lists it. Leaving the page without pressing the button again must not
 * mark it read: a visit moves only by "Markera som läst" (docs/versions.md). The same for a
 * guest on a share link, and for a member who never pressed the button in that session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const POLL = { timeout: 10_000 };

type Leave = 'reload' | 'close';
type Reader = 'member' | 'guest';

/** Leaves the page as the tester did, and opens the same address again in the same browser. */
async function leaveAndReopen(page: Page, context: BrowserContext, how: Leave): Promise<Page> {
  if (how === 'reload') {
    await page.reload();
    return page;
  }
  const url = page.url();
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(url);
  return again;
}

/** Erik changes 1.1's budget in his own browser window, as a user does. */
async function erikChangesBudget(doc: string, value: string): Promise<void> {
  const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
  try {
    const page = await erik.context.newPage();
    await openPlan(page, server, doc);
    const budget = activityRow(page, '1.1').getByLabel('Budget 1.1');
    await budget.fill(value);
    await budget.press('Enter');
    await page.locator('[data-status="online"]').waitFor();
  } finally {
    await erik.context.close();
  }
}

const CASES: Array<{ reader: Reader; pressed: boolean; how: Leave; width: number }> = [
  { reader: 'member', pressed: true, how: 'reload', width: 1024 },
  { reader: 'member', pressed: true, how: 'close', width: 390 },
  { reader: 'member', pressed: false, how: 'close', width: 1024 },
  { reader: 'guest', pressed: true, how: 'close', width: 390 },
];

describe('a change listed as unread is still listed after the page is left', () => {
  it.each(CASES)('$reader, pressed "Markera som läst" before: $pressed, $how at $width px', async ({ reader, pressed, how, width }) => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const lena = await signedInContext(browser, server, 'lena@demo.samplan.se');
    try {
      const doc = await freshPlan(anna.api, `Oläst ${reader} ${how} ${width}`);
      let url = `${server.url}/d/${doc}/present`;
      let context = lena.context;
      if (reader === 'guest') {
        const link = await anna.api.json<{ url: string }>('POST', `/api/documents/${doc}/share-links`, { label: 'Ledamöter' }, 201);
        url = link.url.replace(/^https?:\/\/[^/]+/, server.url);
        context = await browser.newContext({ locale: 'sv-SE' });
      }
      // An earlier visit, so the panel lists changes (not the first-visit text).
      if (reader === 'member' && !pressed) expect((await lena.api.request('POST', `/api/documents/${doc}/visits`)).status).toBe(204);
      let page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      await page.locator('.present [data-status="online"]').waitFor();
      const panel = () => page.locator('.changes-panel');
      if (pressed) {
        await panel().getByRole('button', { name: 'Markera som läst' }).click();
        await panel().getByText('Inget har ändrats sedan ditt senaste besök.').waitFor(POLL);
      } else await panel().getByText('Inget har ändrats sedan ditt senaste besök.').waitFor(POLL);
      const since = plain(await panel().locator('p.muted').first().textContent());

      await erikChangesBudget(doc, '380 000');
      await expect.poll(async () => plain(await panel().textContent()), POLL).toContain('Efter: 380 000 kr');

      page = await leaveAndReopen(page, context, how);
      await page.locator('.present [data-status="online"]').waitFor();
      await expect.poll(async () => plain(await panel().textContent()), POLL).toContain('Efter: 380 000 kr');
      expect(plain(await panel().textContent())).not.toContain('Inget har ändrats sedan ditt senaste besök.');
      // "Sedan" stays the time of the last visit she marked.
      expect(plain(await panel().locator('p.muted').first().textContent())).toBe(since);
      if (context !== lena.context) await context.close();
    } finally {
      await Promise.all([anna.context.close(), lena.context.close()]);
    }
  });
});
