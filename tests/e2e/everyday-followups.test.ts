/**
 * Issue 17 follow-ups from the user tester, in real Chromium: an en-US amount field writes
 * numbers as its totals do and reads back what it shows; a US-style date is answered with
 * the app's format, never transposed; every typed field says "Inte sparat … Esc"; on a phone
 * an amount's error spans the card; the import form is emptied after a successful import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import type { ActionPlanJSON } from '../../shared/model/action-plan.js';
import { launchBrowser } from './support/browser.js';
import { activityRow, freshPlan, openPlan, signedInContext, startE2eServer, describedText } from './support/fixture.js';
import type { TestServer } from '../support/server.js';
import type { ApiClient } from '../support/api.js';
import { readSample } from '../support/samples.js';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const exported = (api: ApiClient, doc: string) => api.json<ActionPlanJSON>('GET', `/api/documents/${doc}/export.json`);
const budgetOf = async (api: ApiClient, doc: string) => (await exported(api, doc)).goals.flatMap((g) => g.activities).find((a) => a.number === '1.1')?.budget;
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** A signed-in context whose browser speaks `locale` (the app picks its language from it). */
async function contextIn(locale: string, width = 1400): Promise<{ context: BrowserContext; api: ApiClient }> {
  const { context: signed, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
  const cookies = await signed.cookies();
  await signed.close();
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale });
  await context.addCookies(cookies);
  return { context, api };
}

describe('amount fields write numbers as the totals do, per language, and read back what they show', () => {
  it.each([
    ['en-US', 'Budget 1.1', '1,500.50', '1,500.50', /^SEK\s?[\d,]+$/],
    ['en-GB', 'Budget 1.1', '1 500,50', '1,500.50', /^SEK\s?[\d,]+$/],
    ['sv-SE', 'Budget 1.1', '1,500.50', '1 500,50', /^[\d\s]+\skr$/],
    ['nb-NO', 'Budsjett 1.1', '1.500,50', '1 500,50', /^[\d\s]+\sSEK$/],
  ])('%s: the field (%s) shows the totals\' grouping; %j is saved and shown as %j', async (browserLocale, label, typed, shown, total) => {
    const { context, api } = await contextIn(browserLocale);
    const doc = await freshPlan(api, `Belopp ${browserLocale}`);
    const page = await context.newPage();
    await openPlan(page, server, doc);
    const totalText = plain(await page.locator('[data-total="planned"]').innerText());
    expect(totalText).toMatch(total);
    const field = activityRow(page, '1.1').getByLabel(label, { exact: true });
    const before = plain(await field.inputValue());
    // The same thousands separator as the total: a comma in English, a space in sv/nb.
    const separator = browserLocale.startsWith('en') ? ',' : ' ';
    if (Number(before.replace(/\D/g, '')) >= 1000) expect(before).toContain(separator);
    expect(before).not.toMatch(browserLocale.startsWith('en') ? / / : /,/);
    await field.fill(typed);
    await field.press('Enter');
    await expect.poll(() => budgetOf(api, doc)).toBe(150_050);
    expect(plain(await field.inputValue())).toBe(shown);
    // Shown text read back: committing it again changes nothing and raises no error.
    await field.press('Enter');
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    expect(await budgetOf(api, doc)).toBe(150_050);
    await context.close();
  });
});

describe('dates: out of range is the format, never a transposed date; every typed field says "not saved … Esc"', () => {
  it('en-US: 03/15/2027 gets the format message with the saved date, and Escape restores it', async () => {
    const { context, api } = await contextIn('en-US');
    const doc = await freshPlan(api, 'US-datum');
    const page = await context.newPage();
    await openPlan(page, server, doc);
    const start = activityRow(page, '1.1').getByLabel('Start 1.1', { exact: true });
    const saved = await start.inputValue();
    for (const typed of ['03/15/2027', '2027-13-01', '32.1.2027']) {
      await start.fill(typed);
      await start.press('Tab');
      expect(await start.getAttribute('aria-invalid')).toBe('true');
      const message = await describedText(start);
      expect(message).toContain(`Not saved: write the date as YYYY-MM-DD, e.g. 2027-03-15. Esc brings back the saved value (${saved}).`);
      expect(message).not.toMatch(/does not exist|2027-15-03/);
    }
    await start.focus();
    await start.press('Escape');
    expect(await start.inputValue()).toBe(saved);
    expect(await start.getAttribute('aria-invalid')).toBe('false');
    await context.close();
  });

  it.each([390, 1400])('at %i px the calendar button stays inside its date field while the field says Inte sparat', async (width) => {
    const { context, api } = await contextIn('sv-SE', width);
    const doc = await freshPlan(api, 'Knappen i fältet');
    const page = await context.newPage();
    await openPlan(page, server, doc);
    const start = activityRow(page, '1.1').getByLabel('Start 1.1', { exact: true });
    await start.fill('2027-02-30');
    await start.press('Tab');
    expect(await describedText(start)).toContain('Inte sparat');
    const [field, button] = await Promise.all([start.boundingBox(), start.locator('xpath=..').locator('button.picker').boundingBox()]);
    expect(field && button && button.x >= field.x && button.x + button.width <= field.x + field.width + 1, JSON.stringify({ field, button })).toBe(true);
    await context.close();
  });

  it('sv: an impossible day and a percent out of range both say Inte sparat and what Esc brings back', async () => {
    const { context, api } = await contextIn('sv-SE');
    const doc = await freshPlan(api, 'Inte sparat');
    const page = await context.newPage();
    await openPlan(page, server, doc);
    const row = activityRow(page, '1.1');
    const start = row.getByLabel('Start 1.1', { exact: true });
    const saved = await start.inputValue();
    await start.fill('2027-02-30');
    await start.press('Tab');
    expect(await describedText(start)).toContain(`Inte sparat: datumet 2027-02-30 finns inte. Esc tar tillbaka det sparade (${saved}).`);
    const progress = row.getByLabel('Klart (%) 1.1', { exact: true });
    const savedProgress = await progress.inputValue();
    await progress.fill('150');
    await progress.press('Tab');
    expect(await progress.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(progress)).toContain(`Inte sparat: skriv ett heltal från 0 till 100. Esc tar tillbaka det sparade (${savedProgress}).`);
    await progress.focus();
    await progress.press('Escape');
    expect(await progress.inputValue()).toBe(savedProgress);
    expect(await describedText(progress)).not.toContain('Inte sparat');
    await context.close();
  });
});

describe('on a phone (390 px) an amount error spans the card below the field', () => {
  it('the budget message is about as wide as the card and a few lines tall', async () => {
    const { context, api } = await contextIn('sv-SE', 390);
    const doc = await freshPlan(api, 'Telefonfel');
    const page = await context.newPage();
    await openPlan(page, server, doc);
    const row = activityRow(page, '1.1');
    const field = row.getByLabel('Budget 1.1', { exact: true });
    await field.fill('12 abc');
    await field.press('Tab');
    const error = page.locator(`[id="${await field.getAttribute('id')}-error"]`);
    await expect.poll(() => error.textContent()).toContain('Inte sparat');
    const [card, box, input] = await Promise.all([row.boundingBox(), error.boundingBox(), field.boundingBox()]);
    if (!card || !box || !input) throw new Error('not laid out');
    if (process.env.SCREENSHOTS) await row.screenshot({ path: `${process.env.SCREENSHOTS}/budget-error-390.png` });
    // Below the field, across the card (less its padding), not a ~150 px column.
    expect(box.y).toBeGreaterThanOrEqual(input.y + input.height - 1);
    expect(box.width).toBeGreaterThan(card.width * 0.8);
    const lineHeight = await error.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.4);
    expect(box.height / lineHeight).toBeLessThanOrEqual(4.5);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});

describe('the import form after an import', () => {
  it('is emptied after a successful import and kept after a failed one', async () => {
    const { context, api } = await contextIn('sv-SE');
    const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const page = await context.newPage();
    await page.goto(`${server.url}/w/${me.workspaces[0]?.id}`);
    const form = page.getByRole('region', { name: 'Importera plantabell' });
    const title = form.getByLabel('Titel', { exact: true });
    const table = form.getByLabel('Eller klistra in tabellen här', { exact: true });
    const file = form.locator('input[name="file"]');
    const button = form.getByRole('button', { name: 'Importera', exact: true });
    await title.waitFor();
    // A failure (an empty table) keeps what was typed, to be fixed.
    await title.fill('Tom import');
    await table.fill('');
    await button.click();
    await form.locator('form [role="alert"]').first().waitFor();
    expect(await title.inputValue()).toBe('Tom import');
    // A success empties title, file and pasted table: a second click cannot import it again.
    await title.fill('Importerad en gång');
    await file.setInputFiles({ name: 'plan.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(readSample('handlingsplan-smaland.tsv')) });
    await button.click();
    await page.getByRole('link', { name: 'Importerad en gång' }).first().waitFor();
    expect(await title.inputValue()).toBe('');
    expect(await file.evaluate((el: HTMLInputElement) => el.files?.length ?? 0)).toBe(0);
    expect(await table.inputValue()).toBe('');
    await context.close();
  });
});
