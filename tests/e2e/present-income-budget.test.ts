/**
 * User test U14 item 3: the editor's summary shows "Projektbudget med intäkter" (the plan's
 * project budget with revenues), but the presentation view and its print left it out. Now
 * the demo plan's presentation shows it, on screen and on paper, with the figure the
 * editor shows, beside "Projektbudget" (the frame "Kvar att fördela" is counted from).
 */
import { describe, expect, it } from 'vitest';
import { freshPlan, openPlan } from './support/fixture.js';
import { useE2eSuite } from './support/suite.js';

const e2e = useE2eSuite();

/** "3 900 000 kr" or "3 900 000" → 3900000 (whole kronor are enough here). */
const kronor = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

describe('"Projektbudget med intäkter" in the presentation', () => {
  it('is shown with the editor’s figure on screen and printed', async () => {
    const { context, api } = await e2e.signedIn('anna@demo.samplan.se', { serviceWorkers: 'block' });
    const doc = await freshPlan(api, 'Budget med intäkter');
    const page = await context.newPage();
    await openPlan(page, e2e.server, doc);
    const inEditor = kronor(await page.getByLabel('Projektbudget med intäkter', { exact: true }).inputValue());
    expect(inEditor).toBe(3_900_000);

    await page.goto(`${e2e.server.url}/d/${doc}/present`);
    await page.locator('.present [data-status="online"]').waitFor();
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      const line = page.locator('.present-totals div', { has: page.locator('[data-total="frameWithIncome"]') });
      expect(await line.isVisible()).toBe(true);
      expect((await line.locator('dt').textContent())?.trim()).toBe('Projektbudget med intäkter');
      expect(kronor(await line.locator('dd').textContent())).toBe(inEditor);
    }
    await context.close();
  });
});
