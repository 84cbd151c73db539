/**
 * User test U14 item 5: two versions with the same name could not be told apart in the
 * compare lists ("Version ”Remiss”" twice). Now every list and select of versions says when
 * (and by whom) beside the name: the compare selects' options and the versions list's
 * "Öppna"/"Återställ" names are all different, and each option carries its time. Two
 * versions saved by the same person within one minute differ by their seconds.
 */
import { describe, expect, it } from 'vitest';
import { freshPlan, openPlan } from './support/fixture.js';
import { useE2eSuite } from './support/suite.js';

const e2e = useE2eSuite();

const distinct = (texts: string[]) => new Set(texts).size === texts.length;

describe('versions with the same name', () => {
  it('are told apart by their time (and author) in the compare selects and the list', async () => {
    const { context, api } = await e2e.signedIn('anna@demo.samplan.se', { serviceWorkers: 'block' });
    const doc = await freshPlan(api, 'Två remisser');
    // Back to back, by the same person: most often within one minute.
    await api.json('POST', `/api/documents/${doc}/versions`, { name: 'Remiss' }, 201);
    await api.json('POST', `/api/documents/${doc}/versions`, { name: 'Remiss' }, 201);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await openPlan(page, e2e.server, doc);
    const from = page.locator('.versions-panel .compare form select').nth(0);
    await expect.poll(() => from.locator('option').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    for (const select of [from, page.locator('.versions-panel .compare form select').nth(1)]) {
      const texts = (await select.locator('option').allTextContents()).filter((text) => text.includes('Remiss'));
      expect(texts).toHaveLength(2);
      expect(distinct(texts)).toBe(true);
      // The time is written out beside the name: a year and hh:mm.
      for (const text of texts) expect(text).toMatch(/Remiss.*\d{4}.*\d{1,2}:\d{2}/);
    }
    const remiss = page.locator('.versions-panel ul.versions li', { hasText: 'Remiss' });
    expect(await remiss.count()).toBe(2);
    const openNames = await remiss.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''));
    const restoreNames = await remiss.locator('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    expect(distinct(openNames)).toBe(true);
    expect(distinct(restoreNames)).toBe(true);
    await context.close();
  });
});
