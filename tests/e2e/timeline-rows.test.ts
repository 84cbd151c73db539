/**
 * Issue 17 items 8 and 9 in real Chromium: a new row takes the focus in its title; empty
 * titles and clashing numbers are warned about and "Numrera om" fixes them in one undo
 * step; the timeline has a month axis, goal groups, invalid dates said as such, and a
 * clear message for a plan without dates. axe checks the timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations, type AxeViolation } from './support/browser.js';
import { activityRow, freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
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

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const rowNumbers = (page: Page) => page.locator('tr.activity').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
const warnings = (page: Page, code: string) => page.locator(`.validation [data-code="${code}"]`).count();

/**
 * Serious axe violations inside the timeline panel. The whole page is accessibility.test.ts's
 * job; this test answers for the timeline, whatever else the header holds.
 */
async function timelineViolations(page: Page): Promise<AxeViolation[]> {
  const all = await seriousAxeViolations(page);
  const inside = await page.evaluate(
    // A node axe names but the page no longer holds counts as inside: never hide a finding.
    (targets) =>
      targets.map((target) =>
        target.some((selector) => {
          const node = document.querySelector(selector);
          return node === null || node.closest('#panel-timeline') !== null;
        }),
      ),
    all.flatMap((v) => v.nodes.map((n) => n.target)),
  );
  let i = 0;
  return all
    .map((v) => ({ ...v, nodes: v.nodes.filter(() => inside[i++] === true) }))
    .filter((v) => v.nodes.length > 0);
}

async function setNumber(page: Page, from: string, to: string): Promise<void> {
  const field = activityRow(page, from).getByLabel(/^Nummer/);
  await field.fill(to);
  await field.press('Enter');
}

describe('rows', () => {
  it('focuses the new row’s title, warns about empty titles and clashing numbers, and renumbers in one undo step', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(api, 'Rader');
    const page = await context.newPage();
    await openPlan(page, server, doc);
    expect(await warnings(page, 'title.empty')).toBe(0);

    await page.getByRole('button', { name: /Lägg till aktivitet Mål 1$/ }).click();
    await expect.poll(() => focusedId(page)).toMatch(/^f-activities-.+-title$/);
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-number'))).toBe('1.3');
    await expect.poll(() => warnings(page, 'title.empty')).toBe(1);
    await page.keyboard.type('Nytt studiebesök');
    await page.keyboard.press('Tab');
    await expect.poll(() => warnings(page, 'title.empty')).toBe(0);

    await page.getByRole('button', { name: /Lägg till mål/ }).click();
    await expect.poll(() => focusedId(page)).toMatch(/^f-goals-.+-title$/);
    await expect.poll(() => warnings(page, 'title.empty')).toBe(1);
    await page.getByRole('button', { name: /Lägg till kostnadsrad/ }).click();
    await expect.poll(() => focusedId(page)).toMatch(/^f-costs-.+-label$/);

    // A clash as after concurrent adds (two 2.2) and a row numbered as another goal's (2.4 under Mål 3).
    expect(await page.locator('.renumber-offer').count()).toBe(0);
    await setNumber(page, '2.3', '2.2');
    await setNumber(page, '3.2', '2.4');
    await expect.poll(() => warnings(page, 'number.duplicate')).toBe(1);
    await expect.poll(() => warnings(page, 'number.out-of-place')).toBe(1);
    const clashing = ['1.1', '1.2', '1.2.1', '1.3', '2.1', '2.2', '2.2', '3.1', '2.4'];
    expect(await rowNumbers(page)).toEqual(clashing);

    // The plan-wide offer above the goals (each goal that is off has its own as well).
    await page.locator('#goals-heading ~ .renumber-offer').getByRole('button', { name: 'Numrera om' }).click();
    const renumbered = ['1.1', '1.2', '1.2.1', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2'];
    await expect.poll(() => rowNumbers(page)).toEqual(renumbered);
    expect(await warnings(page, 'number.duplicate')).toBe(0);
    expect(await warnings(page, 'number.out-of-place')).toBe(0);
    await expect.poll(() => page.locator('#goals-heading ~ .renumber-status').textContent()).toBe('2 nummer ändrades. Ångra med Ctrl+Z.');
    expect(await page.locator('.renumber-offer').count()).toBe(0);

    // One undo step takes every number back; redo brings them all again.
    await page.getByRole('button', { name: 'Ångra', exact: true }).click();
    await expect.poll(() => rowNumbers(page)).toEqual(clashing);
    await page.getByRole('button', { name: 'Gör om', exact: true }).click();
    await expect.poll(() => rowNumbers(page)).toEqual(renumbered);
    await context.close();
  });
});

describe('timeline', () => {
  it('has a month axis, goal groups, invalid dates apart from late ones, and passes axe', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(api, 'Tidslinje');
    const page = await context.newPage();
    await openPlan(page, server, doc);
    // 1.1 now ends before it starts.
    const end = page.getByLabel('Slut 1.1', { exact: true });
    await end.fill('2027-01-15');
    await end.press('Enter');
    await expect.poll(() => page.locator('.validation [data-code="date.end-before-start"]').count()).toBe(1);
    // 1.2.1 loses its start: it cannot be drawn.
    const start = page.getByLabel('Start 1.2.1', { exact: true });
    await start.fill('');
    await start.press('Enter');
    await expect.poll(() => start.inputValue()).toBe('');

    await page.getByRole('tab', { name: 'Tidslinje' }).click();
    const table = page.locator('.timeline-table');
    await table.waitFor();
    // The sample runs 2027-01-10 – 2028-06-30: 18 months, so a month axis.
    const ticks = await table.locator('.timeline-units .timeline-tick').allTextContents();
    expect(ticks).toHaveLength(18);
    expect(ticks.slice(0, 3)).toEqual(['jan', 'feb', 'mars']);
    expect(ticks[12]).toBe('jan');
    expect(await table.locator('.timeline-years .timeline-tick').allTextContents()).toEqual(['2027', '2028']);
    expect(await table.locator('caption').textContent()).toBe('Aktiviteter per mål, 10 januari 2027 – 30 juni 2028, i månader');
    const groups = await table.locator('tbody .timeline-group th').allTextContents();
    expect(groups.map((g) => g.slice(0, 5))).toEqual(['Mål 1', 'Mål 2', 'Mål 3']);
    expect(await table.locator('tbody').nth(1).locator('tr.timeline-row th').allTextContents()).toEqual([
      '2.1 Gemensam laddplan för regionen',
      '2.2 Resepolicy och uppföljning',
      '2.3 Samordnad varudistribution',
    ]);

    const invalid = table.locator('tr.timeline-row[data-state="invalid"]');
    expect(await invalid.count()).toBe(1);
    const invalidText = await invalid.textContent();
    expect(invalidText).toContain('1.1 Energikartläggning av skolor och förskolor (Ogiltiga datum)');
    expect(invalidText).toContain('slutar 15 januari 2027, före starten 1 februari 2027');
    expect(invalidText).not.toContain('Försenad');
    // 1.2.1, with only an end, is listed as without dates, not drawn.
    expect(await page.getByRole('heading', { name: 'Utan datum (1)' }).count()).toBe(1);
    expect(await page.locator('.timeline-undated li').allTextContents()).toEqual(['1.2.1 Studiebesök hos föregångskommun']);

    const violations = await timelineViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    // On a phone the timeline fits the width: no sideways page scroll, every bar inside its track.
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const outside = await table.locator('.timeline-bar').evaluateAll((bars) =>
      bars.filter((bar) => {
        const own = bar.getBoundingClientRect();
        const track = bar.parentElement?.getBoundingClientRect();
        return !track || own.left < track.left - 1 || own.right > track.right + 1;
      }).length,
    );
    expect(outside).toBe(0);
    expect(await timelineViolations(page)).toEqual([]);
    await context.close();
  });

  it('says how to get a timeline when no activity has dates, instead of "Inga problem hittades"', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const created = await api.json<{ id: string }>('POST', `/api/workspaces/${me.workspaces[0]?.id}/documents`, { kind: 'action-plan', title: 'Utan datum' }, 201);
    const page = await context.newPage();
    await page.goto(`${server.url}/d/${created.id}`);
    await page.locator('[data-status="online"]').waitFor();
    await page.getByRole('button', { name: /Lägg till mål/ }).click();
    await page.getByRole('button', { name: /Lägg till aktivitet Mål 1$/ }).click();
    await expect.poll(() => page.locator('tr.activity').count()).toBe(1);

    await page.getByRole('tab', { name: 'Tidslinje' }).click();
    const panel = page.locator('#panel-timeline');
    await panel.getByText('Inga aktiviteter har datum ännu – ange start och slut för att se tidslinjen.').waitFor();
    expect(await panel.locator('.timeline-table').count()).toBe(0);
    expect(await panel.getByText('Inga problem hittades').count()).toBe(0);
    const violations = await timelineViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await context.close();
  });
});
