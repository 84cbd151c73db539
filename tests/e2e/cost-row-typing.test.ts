/**
 * User test U15 item 2: on a new cost row, Tab went Benämning → "Historik för …" →
 * Beskrivning, so typing name, Tab, description, Tab, amount put the description on the
 * button and the amount in the description. For every kind of row an editor adds, the
 * fields from the one the caret lands in onward follow each other with no history button
 * between. A cost row with no amount now gets its warning in "Att åtgärda", as an activity
 * without a budget does. Axe at 390 and 1440 px.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPlan, openPlan } from './support/fixture.js';
import { seriousAxeViolations } from './support/browser.js';
import { useE2eSuite } from './support/suite.js';

const e2e = useE2eSuite();

/** The focusable controls of the row holding focus, in Tab order, from the focused one: "field" or "history". */
const rowFromFocus = (page: Page) =>
  page.evaluate(() => {
    const here = document.activeElement;
    const row = here?.closest('tr');
    if (!here || !row) return [];
    const all = [...row.querySelectorAll<HTMLElement>('input, textarea, select, button, [contenteditable="true"]')].filter((el) => !el.hasAttribute('disabled'));
    return all.slice(all.indexOf(here as HTMLElement)).map((el) => (el.classList.contains('history-button') ? 'history' : el.tagName === 'BUTTON' ? 'button' : 'field'));
  });

const ADDS = [
  { kind: 'costs', add: /Lägg till kostnadsrad/, fields: 3 },
  { kind: 'activities', add: /Lägg till aktivitet Mål 1$/, fields: 2 },
];

describe('typing a new row', () => {
  it('meets no history button between the fields, and a cost row without amount is flagged', async () => {
    const { context, api } = await e2e.signedIn('anna@demo.samplan.se', { viewport: { width: 1440, height: 900 } });
    const doc = await freshPlan(api, 'Kostnadsrad med tabb');
    const page = await context.newPage();
    await openPlan(page, e2e.server, doc);
    for (const { kind, add, fields } of ADDS) {
      await page.getByRole('button', { name: add }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(new RegExp(`^f-${kind}-`));
      const order = await rowFromFocus(page);
      expect(order.slice(0, fields), kind).toEqual(Array(fields).fill('field'));
    }

    const warnings = () => page.locator('.validation [data-code="budget.missing"]').allTextContents();
    const before = (await warnings()).length;
    await page.getByRole('button', { name: /Lägg till kostnadsrad/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^f-costs-.+-label$/);
    await page.keyboard.type('Lokalhyra');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Två dagar');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^f-costs-.+-amount$/);
    const id = await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-row') ?? '');
    expect(await page.locator(`#f-costs-${id}-label`).inputValue()).toBe('Lokalhyra');
    expect(await page.locator(`#f-costs-${id}-description`).inputValue()).toBe('Två dagar');
    await expect.poll(async () => (await warnings()).filter((text) => text.includes('Lokalhyra'))).toEqual(['Kostnadsraden ”Lokalhyra” saknar belopp.']);
    expect((await warnings()).length).toBeGreaterThan(before);
    await page.keyboard.type('5000');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await warnings()).filter((text) => text.includes('Lokalhyra'))).toEqual([]);
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
  });
});
