/**
 * Per-field history in the browser (issue 20 item 1): Erik changes a budget in his window;
 * Lena (a viewer) opens that activity's "Historik" and reads "Budget ändrad av Erik
 * Redaktör … (420 000 kr → 380 000 kr)"; the document's change log filters by person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

describe('history of an activity', () => {
  it("Erik's budget change shows in Lena's popover and in the change log, filtered by person", async () => {
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const lena = await signedInContext(browser, server, 'lena@demo.samplan.se');
    try {
      const doc = await freshPlan(erik.api, 'Historik');
      const [pageE, pageL] = await Promise.all([erik.context.newPage(), lena.context.newPage()]);
      await Promise.all([openPlan(pageE, server, doc), openPlan(pageL, server, doc)]);

      const budget = activityRow(pageE, '1.1').getByLabel('Budget 1.1');
      await budget.fill('380 000');
      await budget.press('Enter');
      // Lena's window has it live, so the server has committed it.
      await expect.poll(async () => plain(await activityRow(pageL, '1.1').getByLabel('Budget 1.1').inputValue()), POLL).toMatch(/^380 000/);

      await activityRow(pageL, '1.1').getByRole('button', { name: /^Historik för 1\.1 / }).click();
      const popover = pageL.getByRole('dialog', { name: /^Historik: 1\.1 / });
      await expect.poll(async () => plain(await popover.locator('li[data-field="budget"]').first().textContent()), POLL).toMatch(
        /^Budget ändrad av Erik Redaktör \d{2}:\d{2} \(420 000 kr → 380 000 kr\)$/,
      );
      await popover.press('Escape');
      await expect.poll(() => popover.count(), POLL).toBe(0);

      await pageL.locator('.history-log summary').click();
      const log = pageL.locator('.history-log');
      await expect.poll(() => log.locator('select[name="user"] option', { hasText: 'Erik Redaktör' }).count(), POLL).toBe(1);
      await log.locator('select[name="user"]').selectOption({ label: 'Erik Redaktör' });
      await expect.poll(async () => plain(await log.locator('.history-list li').first().textContent()), POLL).toMatch(
        /^1\.1 Energikartläggning av skolor och förskolor: Budget ändrad av Erik Redaktör/,
      );
      await log.locator('select[name="user"]').selectOption({ label: 'Alla' });
      await log.locator('input[name="from"]').fill('2020-01-01');
      await log.locator('input[name="to"]').fill('2020-12-31');
      await log.getByRole('button', { name: 'Visa' }).click();
      await expect.poll(() => log.getByText('Inga ändringar matchar filtret.').count(), POLL).toBe(1);
    } finally {
      await Promise.all([erik.context.close(), lena.context.close()]);
    }
  });
});
