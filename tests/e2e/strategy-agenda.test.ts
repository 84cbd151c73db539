/** The strategy and agenda editors, co-edited live by two browsers against the real server. */
import { afterEach, beforeAll, afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeRuleViolations, launchBrowser, seriousAxeViolations } from './support/browser.js';
import { signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';
import type { ApiClient } from '../support/api.js';

let browser: Browser;
let server: TestServer;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
// Each test gets its own demo data.
beforeEach(async () => {
  server = await startE2eServer();
});
afterEach(async () => {
  await server?.stop();
});

const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

async function demoDocument(api: ApiClient, kind: 'strategy' | 'agenda' | 'action-plan'): Promise<string> {
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  return ws.documents.find((d) => d.kind === kind)?.id ?? '';
}

async function open(page: Page, id: string, ready: string): Promise<void> {
  await page.goto(`${server.url}/d/${id}`);
  await page.locator('[data-status="online"]').waitFor();
  await page.locator(ready).first().waitFor();
}

describe('strategy', () => {
  it('co-edits an indicator’s measurements, and both charts follow', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await demoDocument(anna.api, 'strategy');
    const [pageA, pageB] = await Promise.all([anna.context.newPage(), erik.context.newPage()]);
    await Promise.all([open(pageA, doc, '.indicator-chart canvas'), open(pageB, doc, '.indicator-chart canvas')]);
    const indicator = (page: Page) => page.locator('article.indicator', { has: page.locator('input[id$="-name"]') }).first();
    const chart = (page: Page) => indicator(page).locator('[data-measurements]');
    expect(await chart(pageB).getAttribute('data-measurements')).toBe('2');

    const add = async (page: Page, year: string, value: string) => {
      const form = indicator(page).locator('form');
      await form.getByLabel('År').fill(year);
      await form.getByLabel('Värde').fill(value);
      await form.getByLabel('Källa').fill('Energistatistik');
      await form.getByRole('button', { name: /Lägg till mätvärde/ }).click();
    };
    await Promise.all([add(pageA, '2025', '141'), add(pageB, '2026', '190')]);
    for (const page of [pageA, pageB]) {
      await expect.poll(() => chart(page).getAttribute('data-measurements')).toBe('4');
      await expect.poll(() => indicator(page).locator('table.measurements tbody th').allTextContents()).toEqual(['2022', '2024', '2025', '2026']);
    }
    // 190 kWh/m² in 2026 is behind the path to 112: both see it off track, in text.
    await expect.poll(() => indicator(pageA).locator('figcaption').textContent()).toContain('Efter den raka vägen');
    await expect.poll(() => pageB.locator('.validation [data-code="indicator.off-track"]').count()).toBe(1);
    await Promise.all([anna.context.close(), erik.context.close()]);
  });

  it('sums the budget of linked activities, live as the plan changes', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const strategy = await demoDocument(anna.api, 'strategy');
    const plan = await demoDocument(anna.api, 'action-plan');
    const [pageA, pageB] = await Promise.all([anna.context.newPage(), erik.context.newPage()]);
    await open(pageA, strategy, 'section.goal');
    const goal = pageA.locator('section.goal').first();
    await goal.locator('summary').click();
    await goal.getByLabel(/^1\.1 Energikartläggning/).check();
    await goal.getByLabel(/^1\.2 Utbildning/).check();
    const budget = goal.locator('[data-goal-budget]');
    await expect.poll(async () => plain(await budget.textContent())).toBe('516 500 kr');
    await expect.poll(async () => plain(await pageA.locator('[data-objective-budget="se-01"]').textContent())).toBe('516 500 kr');

    await open(pageB, plan, '[data-total="planned"]');
    const input = pageB.locator('tr.activity[data-number="1.1"]').getByLabel('Budget 1.1');
    await input.fill('500 000');
    await input.press('Enter');
    await expect.poll(async () => plain(await budget.textContent()), { timeout: 15_000 }).toBe('596 500 kr');
    await Promise.all([anna.context.close(), erik.context.close()]);
  });
});

describe('agenda', () => {
  it('recomputes clock times when another browser changes a duration', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await demoDocument(anna.api, 'agenda');
    const [pageA, pageB] = await Promise.all([anna.context.newPage(), erik.context.newPage()]);
    await Promise.all([open(pageA, doc, '.agenda-item'), open(pageB, doc, '.agenda-item')]);
    const clocks = (page: Page) => page.locator('section.meeting').first().locator('.clock strong').allTextContents();
    expect((await clocks(pageB)).map(plain)).toEqual(['09:00–09:20', '09:20–10:20', '10:20–11:05', '11:05–11:20']);

    const minutes = pageA.locator('section.meeting').first().locator('.agenda-item').first().getByLabel('Minuter');
    await minutes.fill('30');
    await minutes.press('Enter');
    await expect.poll(async () => (await clocks(pageB)).map(plain)).toEqual(['09:00–09:30', '09:30–10:30', '10:30–11:15', '11:15–11:30']);

    await minutes.fill('80');
    await minutes.press('Enter');
    await expect.poll(() => pageB.locator('section.meeting').first().locator('[data-overrun]').getAttribute('data-overrun')).toBe('20');
    await expect.poll(() => pageB.locator('.validation [data-code="agenda.overrun"]').count()).toBe(1);
    await Promise.all([anna.context.close(), erik.context.close()]);
  });

  it('shows open action items of the previous gathering when preparing the next', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await demoDocument(anna.api, 'agenda');
    const page = await anna.context.newPage();
    await open(page, doc, '.agenda-item');
    const second = page.locator('section.meeting').nth(1);
    await expect.poll(() => second.getByRole('note').textContent()).toContain('Samla in synpunkter från kommunerna');
    await anna.context.close();
  });
});

describe('axe-core on both editors', () => {
  it('finds nothing serious in the strategy and agenda editors', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const page = await anna.context.newPage();
    for (const [kind, ready] of [['strategy', '.indicator-chart canvas'], ['agenda', '.agenda-item']] as const) {
      await open(page, await demoDocument(anna.api, kind), ready);
      const violations = await seriousAxeViolations(page);
      expect(violations, `${kind}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    }
    await anna.context.close();
  });

  // Issue 17 user test item 5: `.goal > .links > h4` came right after the h2 "Fokusområden".
  it('keeps the strategy’s heading levels in order (axe heading-order) at 390 and 1 440 px', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const page = await anna.context.newPage();
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await open(page, await demoDocument(anna.api, 'strategy'), '.indicator-chart canvas');
      const violations = await axeRuleViolations(page, ['heading-order']);
      expect(violations, `${width}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      // Each goal's parts sit under a heading that names the goal (not only an aria-label).
      const levels = await page.locator('section.goal').first().evaluate((goal) => [...goal.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.tagName} ${h.textContent ?? ''}`));
      expect(levels).toEqual(['H4 Mål 1', 'H5 Aktiviteter som bidrar', 'H5 Indikatorer']);
    }
    await anna.context.close();
  });

  it('names in each measurement’s remove button its indicator, so that two indicators’ "Ta bort 2022" can be told apart', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const page = await anna.context.newPage();
    await open(page, await demoDocument(anna.api, 'strategy'), '.indicator-chart canvas');
    const tables = await page.locator('table.measurements').evaluateAll((all) =>
      all.map((table) => ({
        caption: table.querySelector('caption')?.textContent ?? '',
        buttons: [...table.querySelectorAll('button')].map((button) => button.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
      })),
    );
    const buttons = tables.flatMap(({ caption, buttons }) => buttons.map((name) => ({ name, indicator: caption.replace(/^[^:]*:\s*/, '') })));
    expect(buttons.length).toBeGreaterThan(2);
    expect(buttons.filter(({ name, indicator }) => !name.includes(indicator))).toEqual([]);
    await anna.context.close();
  });
});
