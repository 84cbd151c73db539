/**
 * Issue 17 (find in page on the timeline) in real Chromium: the timeline of a 400-activity
 * plan builds its rows as they near the viewport, so the browser's find could not reach an
 * activity whose row was not built. Every row not built yet now shows its label in its
 * placeholder, at the row's height: find in page finds it and scrolls there, and the row is
 * built where the line was. `window.find` stands in for Ctrl+F (Chromium's find bar is not
 * reachable from a test; `window.find` neither reveals nor scrolls to `hidden="until-found"`
 * text, which is why the labels are plain text).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { openPlan, signedInContext, startE2eServer } from './support/fixture.js';
import type { ApiClient } from '../support/api.js';
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

const GOALS = 20;
const PER_GOAL = 20;

/** A plan of 20 goals × 20 activities; from goal 3 on, every fourth (x.3, x.7 …) undated: 90, a list built in chunks too. */
async function bigPlan(api: ApiClient): Promise<string> {
  const lines = ['Sökbar tidslinje', 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat'];
  for (let g = 1; g <= GOALS; g++) {
    lines.push(`Mål ${g} Mål nummer ${g}.\t\t\t\t\t`);
    for (let a = 1; a <= PER_GOAL; a++) {
      const dates = g > 2 && a % 4 === 3 ? '' : `2027-${String(1 + ((g + a) % 12)).padStart(2, '0')}-01 - 2028-06-30`;
      lines.push(`${g}.${a} Aktivitet ${g}.${a}\tBeskrivning\t1000\tKommunen\t${dates}\tAlla`);
    }
  }
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const imported = await api.request('POST', `/api/workspaces/${me.workspaces[0]?.id}/import`, lines.join('\n'), { 'content-type': 'text/tab-separated-values' });
  return ((await imported.json()) as { id: string }).id;
}

const row = (page: Page, label: string) => page.locator('tr.timeline-row', { hasText: label });
const inViewport = (page: Page, label: string) =>
  row(page, label)
    .evaluateAll((rows) => rows.some((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight))
    .catch(() => false);

describe('find in page on the timeline of a 400-activity plan', () => {
  it('finds an activity whose row is not built yet, and the row is built and in view', { timeout: 120_000 }, async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const id = await bigPlan(api);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await openPlan(page, server, id);
    await page.getByRole('tab', { name: 'Tidslinje' }).click();
    await page.locator('tr.timeline-row').first().waitFor();

    const last = `${GOALS}.${PER_GOAL} Aktivitet ${GOALS}.${PER_GOAL}`;
    // Not built: only its placeholder holds the text.
    expect(await row(page, last).count()).toBe(0);
    expect(await page.locator('tr.timeline-placeholder .timeline-placeholder-lines', { hasText: last }).count()).toBe(1);

    // Clicked into the page first, as a user does before Ctrl+F (with the focus where navigation
    // put it, on the heading, Chromium's window.find reports a match without selecting it).
    await page.locator('.timeline-table caption').click();
    expect(await page.evaluate((text) => (window as unknown as { find(text: string): boolean }).find(text), last)).toBe(true);
    await expect.poll(() => inViewport(page, last)).toBe(true);

    // The undated activities' list too: its last item is in a chunk not built yet.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('.timeline-table caption').click();
    const undated = page.locator('.timeline-undated li:not([aria-hidden="true"])', { hasText: '20.19 Aktivitet 20.19' });
    expect(await undated.count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { find(text: string): boolean }).find('20.19 Aktivitet 20.19'))).toBe(true);
    await expect.poll(() => undated.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight).catch(() => false)).toBe(true);
    await context.close();
  });
});

describe('find in page on the plan table of a 400-activity plan', () => {
  it('finds an activity wherever it is, built or not yet, and its row ends built and in view', { timeout: 120_000 }, async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const id = await bigPlan(api);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await openPlan(page, server, id);
    const last = `${GOALS}.${PER_GOAL} Aktivitet ${GOALS}.${PER_GOAL}`;
    const activity = page.locator(`tr.activity[data-number="${GOALS}.${PER_GOAL}"]`);
    // Exactly one place holds it: its goal's placeholder while the goal waits to be built, else its row.
    const inPlaceholder = await page.locator('.goal-placeholder-lines', { hasText: last }).count();
    expect(inPlaceholder + (await activity.count())).toBe(1);
    await page.locator('#goals-heading').click();
    expect(await page.evaluate((text) => (window as unknown as { find(text: string): boolean }).find(text), `Aktivitet ${GOALS}.${PER_GOAL}`)).toBe(true);
    await expect.poll(() => activity.evaluate((el) => el.getBoundingClientRect().bottom > 0 && el.getBoundingClientRect().top < innerHeight).catch(() => false)).toBe(true);
    await context.close();
  });
});
