/**
 * User test U15 item 3: "Skapa länk" with no label and "Spara version" adopted without a
 * decision-making body showed Chromium's own bubble in the browser's language ("Please fill
 * out this field."), which screen readers miss and which vanishes; and "Versionen är
 * sparad." from an earlier save stayed while the next one was refused. A table over the
 * app's plain forms: each refused field says so in the app's words under the field, is
 * marked invalid, described by the message and focused; the message is announced (an
 * alert) and goes once the field is filled. Axe at 390 and 1440 px.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { describedText, freshPlan, openPlan } from './support/fixture.js';
import { seriousAxeViolations } from './support/browser.js';
import { useE2eSuite } from './support/suite.js';

const e2e = useE2eSuite();

interface Case {
  name: string;
  /** Leaves the form ready to send with the refused field; returns that field. */
  prepare: (page: Page) => Promise<Locator>;
  send: (page: Page) => Promise<void>;
  message: string;
  fill: string;
}

const CASES: Case[] = [
  {
    name: 'share link without label',
    prepare: async (page) => page.locator('section.share-panel').getByLabel('Etikett (vem länken är till)'),
    send: (page) => page.locator('section.share-panel').getByRole('button', { name: 'Skapa länk' }).click(),
    message: 'Fyll i fältet.',
    fill: 'KS',
  },
  {
    name: 'adopted version without a body',
    prepare: async (page) => {
      await page.getByLabel('Namn på versionen').fill('Första');
      await page.getByRole('button', { name: 'Spara version' }).click();
      await page.getByText('Versionen är sparad.').waitFor();
      await page.getByLabel('Namn på versionen').fill('Antagen');
      await page.getByLabel('Versionen är antagen genom ett beslut').check();
      return page.getByLabel('Beslutande organ');
    },
    send: (page) => page.getByRole('button', { name: 'Spara version' }).click(),
    message: 'Fyll i fältet.',
    fill: 'Kommunstyrelsen',
  },
];

describe('a plain form with a refused field', () => {
  it('says why in the app’s words, under the field, announced, and drops an earlier “sparad”', async () => {
    const anna = await e2e.signedIn('anna@demo.samplan.se', { viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await anna.context.newPage();
    // The UI language is the person's choice (sv), not the browser's (en-US).
    await page.addInitScript(() => localStorage.setItem('samplan.locale', 'sv'));
    await openPlan(page, e2e.server, await freshPlan(anna.api, 'Formulärfel'));
    for (const c of CASES) {
      const field = await c.prepare(page);
      await c.send(page);
      await expect.poll(() => field.getAttribute('aria-invalid'), { message: c.name }).toBe('true');
      expect(await describedText(field), c.name).toContain(c.message);
      expect(await field.evaluate((el) => el === document.activeElement), c.name).toBe(true);
      expect(await page.getByRole('alert').filter({ hasText: c.message }).count(), c.name).toBe(1);
      expect(await page.getByText('Versionen är sparad.').count(), c.name).toBe(0);
      if (c === CASES[CASES.length - 1]) {
        for (const width of [390, 1440]) {
          await page.setViewportSize({ width, height: 900 });
          expect(await seriousAxeViolations(page)).toEqual([]);
        }
      }
      await field.fill(c.fill);
      await expect.poll(() => field.getAttribute('aria-invalid'), { message: c.name }).toBe(null);
      expect(await describedText(field), c.name).not.toContain(c.message);
    }
  });
});
