/**
 * The live action-plan workspace in real Chromium against the real server: co-editing,
 * concurrent typing, viewers, offline edits, import by upload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { allActivities, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { launchBrowser } from './support/browser.js';
import { activityRow, editorText, freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
import { SAMPLES_DIR } from '../support/samples.js';
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

const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

async function activityId(api: ApiClient, doc: string, number: string): Promise<string> {
  const plan = await api.json<ActionPlanJSON>('GET', `/api/documents/${doc}/export.json`);
  return allActivities(plan).find((a) => a.number === number)?.id ?? '';
}

describe('co-editing an action plan', () => {
  it('shows each user the other’s change and the new totals', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Samredigering');
    const [pageA, pageB] = await Promise.all([anna.context.newPage(), erik.context.newPage()]);
    await Promise.all([openPlan(pageA, server, doc), openPlan(pageB, server, doc)]);
    expect(plain(await pageB.locator('[data-total="planned"]').textContent())).toBe('3 281 250 kr');

    const budgetA = activityRow(pageA, '2.2').getByLabel('Budget 2.2');
    await budgetA.fill('10 000 kr');
    await budgetA.press('Enter');
    await expect.poll(() => activityRow(pageB, '2.2').getByLabel('Budget 2.2').inputValue()).toBe('10 000');
    await expect.poll(async () => plain(await pageB.locator('[data-total="planned"]').textContent())).toBe('3 291 250 kr');
    // The missing-budget warning for 2.2 is gone for both.
    await expect.poll(() => pageB.locator('.validation [data-code="budget.missing"]').count()).toBe(0);

    const responsibleB = activityRow(pageB, '1.1').getByLabel('Ansvar 1.1');
    await responsibleB.fill('Energikontoret Sydost');
    await responsibleB.press('Tab');
    await expect.poll(() => activityRow(pageA, '1.1').getByLabel('Ansvar 1.1').inputValue()).toBe('Energikontoret Sydost');

    // Both see each other in the document.
    await expect.poll(() => pageA.locator('.presence .avatar').count()).toBe(2);
    await Promise.all([anna.context.close(), erik.context.close()]);
  });

  it('keeps both carets and both texts when two people type in one description', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Samtidig text');
    const id = await activityId(anna.api, doc, '1.1');
    const [pageA, pageB] = await Promise.all([anna.context.newPage(), erik.context.newPage()]);
    await Promise.all([openPlan(pageA, server, doc), openPlan(pageB, server, doc)]);
    const original = '- Gemensam upphandling av energikartläggning - Rapport per kommun';
    const editorA = pageA.locator(`#f-activities-${id}-description`);
    const editorB = pageB.locator(`#f-activities-${id}-description`);
    await editorA.click();
    await pageA.keyboard.press('Control+End');
    await editorB.click();
    await pageB.keyboard.press('Control+Home');
    await Promise.all([pageA.keyboard.type(' [Anna skriver]', { delay: 25 }), pageB.keyboard.type('[Erik skriver] ', { delay: 25 })]);
    const expected = `[Erik skriver] ${original} [Anna skriver]`;
    const selector = `#f-activities-${id}-description`;
    await expect.poll(() => editorText(pageA, selector)).toBe(expected);
    await expect.poll(() => editorText(pageB, selector)).toBe(expected);
    // Each sees the other's caret, with name.
    await expect.poll(() => pageA.locator('.cm-ySelectionInfo', { hasText: 'Erik Redaktör' }).count()).toBe(1);
    await expect.poll(() => pageB.locator('.cm-ySelectionInfo', { hasText: 'Anna Samordnare' }).count()).toBe(1);
    // And their own caret stayed where they were typing: one more character lands in place.
    await pageA.keyboard.type('!');
    await pageB.keyboard.type('#');
    const final = `[Erik skriver] #${original} [Anna skriver]!`;
    await expect.poll(() => editorText(pageA, selector)).toBe(final);
    await expect.poll(() => editorText(pageB, selector)).toBe(final);
    await Promise.all([anna.context.close(), erik.context.close()]);
  });

  it('lets a viewer follow live without any way to edit', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const lena = await signedInContext(browser, server, 'lena@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Läsare');
    const id = await activityId(anna.api, doc, '1.1');
    const [pageA, pageV] = await Promise.all([anna.context.newPage(), lena.context.newPage()]);
    await Promise.all([openPlan(pageA, server, doc), openPlan(pageV, server, doc)]);

    expect(await pageV.getByText(/Du är läsare/).count()).toBe(1);
    expect(await pageV.getByRole('button', { name: /Lägg till/ }).count()).toBe(0);
    expect(await pageV.getByRole('button', { name: 'Ångra' }).count()).toBe(0);
    expect(await pageV.locator(`#f-activities-${id}-budget`).getAttribute('readonly')).not.toBeNull();
    const description = pageV.locator(`#f-activities-${id}-description`);
    expect(await description.getAttribute('aria-readonly')).toBe('true');
    // Opening the text shows the co-editing view, still read-only.
    await description.click();
    await expect.poll(() => pageV.locator(`#f-activities-${id}-description`).getAttribute('contenteditable')).toBe('false');

    const budgetA = activityRow(pageA, '1.1').getByLabel('Budget 1.1');
    await budgetA.fill('500 000');
    await budgetA.press('Enter');
    await expect.poll(() => pageV.locator(`#f-activities-${id}-budget`).inputValue()).toBe('500 000');
    await expect.poll(async () => plain(await pageV.locator('[data-total="planned"]').textContent())).toBe('3 361 250 kr');
    await Promise.all([anna.context.close(), lena.context.close()]);
  });

  it('undoes only one’s own changes', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Ångra');
    const [pageA, pageB] = await Promise.all([anna.context.newPage(), erik.context.newPage()]);
    await Promise.all([openPlan(pageA, server, doc), openPlan(pageB, server, doc)]);
    const budgetA = activityRow(pageA, '1.1').getByLabel('Budget 1.1');
    await budgetA.fill('111 111');
    await budgetA.press('Enter');
    await expect.poll(() => activityRow(pageB, '1.1').getByLabel('Budget 1.1').inputValue()).toBe('111 111');
    const responsibleB = activityRow(pageB, '1.2').getByLabel('Ansvar 1.2');
    await responsibleB.fill('Eriks ändring');
    await responsibleB.press('Enter');
    await expect.poll(() => activityRow(pageA, '1.2').getByLabel('Ansvar 1.2').inputValue()).toBe('Eriks ändring');

    await pageA.getByRole('button', { name: 'Ångra' }).click();
    await expect.poll(() => activityRow(pageB, '1.1').getByLabel('Budget 1.1').inputValue()).toBe('420 000');
    expect(await activityRow(pageA, '1.2').getByLabel('Ansvar 1.2').inputValue()).toBe('Eriks ändring');
    await pageA.getByRole('button', { name: 'Gör om' }).click();
    await expect.poll(() => activityRow(pageB, '1.1').getByLabel('Budget 1.1').inputValue()).toBe('111 111');
    await Promise.all([anna.context.close(), erik.context.close()]);
  });

  it('merges edits made offline when the browser comes back', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Offline');
    const [pageA, pageB] = await Promise.all([anna.context.newPage(), erik.context.newPage()]);
    await Promise.all([openPlan(pageA, server, doc), openPlan(pageB, server, doc)]);

    await erik.context.setOffline(true);
    await pageB.locator('[data-status="offline"]').waitFor();
    const responsible = activityRow(pageB, '3.2').getByLabel('Ansvar 3.2');
    await responsible.fill('Ändrat offline');
    await responsible.press('Tab');
    const online = activityRow(pageA, '3.1').getByLabel('Ansvar 3.1');
    await online.fill('Ändrat online');
    await online.press('Tab');

    await erik.context.setOffline(false);
    await pageB.locator('[data-status="online"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => activityRow(pageA, '3.2').getByLabel('Ansvar 3.2').inputValue(), { timeout: 15_000 }).toBe('Ändrat offline');
    await expect.poll(() => activityRow(pageB, '3.1').getByLabel('Ansvar 3.1').inputValue(), { timeout: 15_000 }).toBe('Ändrat online');
    await Promise.all([anna.context.close(), erik.context.close()]);
  });
});

describe('import by file upload', () => {
  it('shows the import report, with the stated total that does not match', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const me = await anna.api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const page = await anna.context.newPage();
    await page.goto(`${server.url}/w/${me.workspaces[0]?.id}`);
    await page.getByLabel('Titel', { exact: true }).first().waitFor();
    await page.locator('#import-heading').scrollIntoViewIfNeeded();
    await page.getByLabel('Fil').setInputFiles(SAMPLES_DIR + 'handlingsplan-smaland.tsv');
    await page.getByRole('button', { name: 'Importera' }).click();
    const report = page.locator('.report');
    await report.waitFor();
    expect(plain(await report.locator('tr.mismatch').textContent())).toContain('Totalsumma projektledning (kr)1 290 0001 285 000✗ stämmer inte');
    expect(await report.getByText('Alla rader importerades.').count()).toBe(1);
    expect(await report.getByRole('link', { name: /Handlingsplan Klimatnätverket Småland/ }).count()).toBe(1);
    // The way on after the report: the imported plan itself.
    await report.getByRole('link', { name: 'Öppna den importerade planen' }).click();
    await page.locator('[data-total="planned"]').waitFor();
    expect(await page.locator('h1').textContent()).toContain('Handlingsplan Klimatnätverket Småland');
    await anna.context.close();
  });
});
