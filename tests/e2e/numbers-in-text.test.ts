/**
 * User test u11 in real Chromium: a Swedish off-track warning read "135.6" where the
 * indicator's table shows "135,6". A measurement of 135,6 is added to the demo strategy; the
 * warning in "Att åtgärda", the chart's caption and the table write it as the reader's
 * language does (sv/nb 135,6, en 135.6), switching language live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { signedInContext, startE2eServer } from './support/fixture.js';
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

const WRITTEN = { sv: '135,6', nb: '135,6', en: '135.6' } as const;
const OTHER = { sv: '135.6', nb: '135.6', en: '135,6' } as const;
const NAMES = { sv: 'Svenska', nb: 'Norsk bokmål', en: 'English' } as const;

describe('a measured decimal in running text', () => {
  it('reads the reader’s way in the warning, the caption and the table, in sv, nb and en', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const me = await anna.api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const docs = (await anna.api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`)).documents;
    const page = await anna.context.newPage();
    await page.goto(`${server.url}/d/${docs.find((d) => d.kind === 'strategy')?.id}`);
    await page.locator('[data-status="online"]').waitFor();
    const indicator = page.locator('article.indicator', { has: page.locator('input[id$="-name"]') }).first();
    await indicator.locator('.indicator-chart canvas').waitFor();
    // 152 → 112 kWh/m² over 2022–2030: 132 expected in 2026, so 135,6 is behind the path.
    const form = indicator.locator('form');
    await form.getByLabel('År').fill('2026');
    await form.getByLabel('Värde').fill('135,6');
    await form.getByRole('button', { name: /Lägg till mätvärde/ }).click();
    const warning = page.locator('.validation [data-code="indicator.off-track"]');
    await expect.poll(() => warning.count()).toBe(1);
    for (const lang of ['sv', 'en', 'nb'] as const) {
      await page.locator('.app-header .language select').selectOption({ label: NAMES[lang] });
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
      for (const where of [warning, indicator.locator('figcaption'), indicator.locator('table.measurements')]) {
        await expect.poll(() => where.textContent(), { message: lang }).toContain(WRITTEN[lang]);
        expect(await where.textContent(), lang).not.toContain(OTHER[lang]);
      }
    }
    await anna.context.close();
  });
});
