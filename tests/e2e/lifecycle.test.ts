/**
 * Document lifecycle in the browser (issue 20 item 4): Anna, a coordinator, renames a plan
 * from the workspace page, duplicates it without amounts (the copy opens), archives the
 * original (listed apart under "Arkiv"), deletes the copy and restores it from the
 * "Papperskorg"; the "Händelselogg" lists what she did.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { freshPlan, signedInContext, startE2eServer } from './support/fixture.js';
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

const POLL = { timeout: 10_000 };

/** The workspace page's entry for a document title, in the live list, the archive or the trash. */
const entry = (page: Page, section: string, title: string) => page.locator(`${section} li`, { has: page.getByText(title, { exact: true }) });
const menu = (page: Page, title: string) => page.locator(`details[data-title="${title}"] > summary`);

describe('lifecycle from the UI', () => {
  it('a coordinator renames, duplicates, archives, deletes and restores', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    try {
      const doc = await freshPlan(anna.api, 'Livscykelplan');
      const ws = (await anna.api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me')).workspaces[0]?.id ?? '';
      const page = await anna.context.newPage();
      await page.goto(`${server.url}/w/${ws}`);

      // Rename.
      await menu(page, 'Livscykelplan').click();
      const renameForm = page.locator(`[data-lifecycle="${doc}"] form[data-form="rename"]`);
      await renameForm.getByLabel('Nytt namn').fill('Plan 2029');
      await renameForm.getByRole('button', { name: 'Spara namnet' }).click();
      await expect.poll(() => page.getByRole('link', { name: 'Plan 2029', exact: true }).count(), POLL).toBe(1);
      await expect.poll(() => page.locator('[data-lifecycle-status]').textContent(), POLL).toBe('Namnet är sparat.');

      // Duplicate without amounts: the copy is listed, with its money empty.
      await menu(page, 'Plan 2029').click();
      const duplicateForm = page.locator(`[data-lifecycle="${doc}"] form[data-form="duplicate"]`);
      await duplicateForm.getByLabel('Namn på kopian').fill('Mall 2030');
      await duplicateForm.getByLabel('Ta med belopp').uncheck();
      await duplicateForm.getByRole('button', { name: 'Skapa kopia' }).click();
      await expect.poll(() => page.getByRole('link', { name: 'Mall 2030', exact: true }).count(), POLL).toBe(1);
      await expect.poll(() => page.locator('[data-lifecycle-status]').textContent(), POLL).toBe('Kopian Mall 2030 är skapad. Öppna kopian');
      const listing = await anna.api.json<{ documents: Array<{ id: string; title: string }> }>('GET', `/api/workspaces/${ws}`);
      const copy = listing.documents.find((d) => d.title === 'Mall 2030')?.id ?? '';
      const copied = await anna.api.json<{ budget: { frame: number | null } }>('GET', `/api/documents/${copy}/export.json`);
      expect(copied.budget.frame).toBeNull();

      // Archive the original: listed apart.
      await menu(page, 'Plan 2029').click();
      await page.locator(`[data-lifecycle="${doc}"]`).getByRole('button', { name: 'Arkivera' }).click();
      await expect.poll(() => entry(page, '[data-section="archive"]', 'Plan 2029').count(), POLL).toBe(1);
      // Opened from the archive, the presentation view says it is archived (user test).
      const present = await anna.context.newPage();
      await present.goto(`${server.url}/d/${doc}/present`);
      await expect.poll(() => present.locator('[data-notice="archived"]').textContent(), POLL).toBe('Arkiverat – kan läsas men inte ändras');
      await present.close();

      // Delete the copy (two steps), then restore it from the trash.
      await menu(page, 'Mall 2030').click();
      await page.locator(`[data-lifecycle="${copy}"]`).getByRole('button', { name: 'Ta bort', exact: true }).click();
      await page.locator(`[data-lifecycle="${copy}"] [data-confirm-delete]`).click();
      await expect.poll(() => entry(page, '[data-section="trash"]', 'Mall 2030').count(), POLL).toBe(1);
      await expect.poll(() => page.getByRole('link', { name: 'Mall 2030', exact: true }).count(), POLL).toBe(0);
      await entry(page, '[data-section="trash"]', 'Mall 2030').getByRole('button', { name: 'Återställ' }).click();
      await expect.poll(() => page.getByRole('link', { name: 'Mall 2030', exact: true }).count(), POLL).toBe(1);
      await expect.poll(() => entry(page, '[data-section="trash"]', 'Mall 2030').count(), POLL).toBe(0);

      // The audit log says what happened, newest first.
      await page.locator('[data-section="audit"] summary').click();
      // The heading sits on the marker's line (user test: "▶" stood alone above "Händelselogg").
      const [summaryBox, headingBox] = await Promise.all([page.locator('[data-section="audit"] > summary').boundingBox(), page.locator('[data-section="audit"] > summary h2').boundingBox()]);
      expect(summaryBox?.height ?? 0).toBeLessThan((headingBox?.height ?? 0) * 1.5);
      expect(summaryBox?.height ?? 0).toBeGreaterThan(0);
      const actions = page.locator('[data-section="audit"] tbody tr td:nth-child(3)');
      await expect.poll(async () => (await actions.allTextContents()).slice(0, 6), POLL).toEqual([
        'Dokument återställt',
        'Dokument borttaget',
        'Dokument arkiverat',
        'Dokument exporterat (JSON)',
        'Dokument duplicerat',
        'Dokument omdöpt',
      ]);
    } finally {
      await anna.context.close();
    }
  });
});
