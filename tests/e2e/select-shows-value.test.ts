/**
 * User test u13 item 4: a select shows what its control will use. On a fresh load of the
 * editor the compare "Till" select showed "Antagen version …" while "Jämför" compared with
 * "Utkastet (live)", and the spotlight list showed "– ingen –" after a reload with an item
 * spotlighted: the options were drawn (again) after the select's value was set. Checked by
 * what is shown (the selected option's text), on load and after the lists are refetched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
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

const DECISION = { body: 'Kommunstyrelsen', date: '2027-03-15', reference: 'KS 2027-03-15 § 42' };
/** The text a person sees in a closed select. */
// A version's option also says when and by whom after " – " (versions-same-name.test.ts): the name is what is compared here.
const shownText = (select: Locator) => select.evaluate((s: HTMLSelectElement) => (s.selectedOptions[0]?.text ?? '').split(' – ')[0] ?? '');

describe('a select shows what will be used', () => {
  it.each([1440, 1024])('compare "Från"/"Till" show the adopted version and the live draft, also after another version arrives (%i px)', async (width) => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(api, `Jämför ${width}`);
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await openPlan(page, server, doc);
    // The only version, adopted while the page is open (the panel polls): the list is drawn then.
    await api.json('POST', `/api/documents/${doc}/versions`, { name: 'Antagen plan 2027', decision: DECISION }, 201);
    // "Från" and "Till", in that order (a label around a select is named with its value too).
    const from = page.locator('.versions-panel .compare form select').nth(0);
    const to = page.locator('.versions-panel .compare form select').nth(1);
    await to.waitFor({ timeout: 15_000 });
    const expected = ['Antagen version ”Antagen plan 2027” (KS 2027-03-15 § 42)', 'Utkastet (live)'];
    await expect.poll(async () => [await shownText(from), await shownText(to)]).toEqual(expected);
    // Someone saves another version: the panel's poll draws the options anew (within 10 s).
    await api.json('POST', `/api/documents/${doc}/versions`, { name: 'Remissversion' }, 201);
    await expect.poll(() => to.locator('option').count(), { timeout: 12_000 }).toBe(3);
    expect([await shownText(from), await shownText(to)]).toEqual(expected);
    await page.locator('.versions-panel .compare').getByRole('button', { name: 'Jämför', exact: true }).click();
    await expect.poll(() => page.locator('.compare .compare-result').getAttribute('data-to')).toBe('live');
    await context.close();
  });

  it('the spotlight list shows the spotlit item after a reload (1024 px)', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(api, 'Lyft fram efter omladdning');
    const page = await context.newPage();
    await page.setViewportSize({ width: 1024, height: 800 });
    await openPlan(page, server, doc);
    await page.getByRole('button', { name: 'Starta arbetspass' }).click();
    const select = page.locator('[data-spotlight-select]');
    await select.selectOption({ index: 3 });
    const label = await shownText(select);
    await page.getByRole('button', { name: 'Lyft fram', exact: true }).click();
    await page.locator('[data-spotlight-label]').waitFor();
    await page.reload();
    await openPlan(page, server, doc);
    await expect.poll(() => shownText(select)).toBe(label);
    await page.waitForTimeout(2_000);
    expect(await shownText(select)).toBe(label);
    await context.close();
  });
});
