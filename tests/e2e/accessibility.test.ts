/** WCAG 2.1 AA: no serious or critical axe-core violations on any page; keyboard works. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
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

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('axe-core', () => {
  it('finds nothing serious on the log-in and sign-up pages', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await expectNoSeriousViolations(page, 'login');
    await page.goto(`${server.url}/signup`);
    await page.getByRole('heading', { name: 'Skapa konto' }).waitFor();
    await expectNoSeriousViolations(page, 'signup');
    await context.close();
  });

  it('finds nothing serious on the workspace list, a workspace, the plan and its timeline', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Arbetsytor' }).waitFor();
    await expectNoSeriousViolations(page, 'home');
    await page.getByRole('link', { name: 'Klimatnätverket Småland' }).click();
    await page.getByRole('heading', { name: 'Medlemmar' }).waitFor();
    await expectNoSeriousViolations(page, 'workspace');
    const doc = await freshPlan(api, 'Tillgänglighet');
    await openPlan(page, server, doc);
    await expectNoSeriousViolations(page, 'plan table');
    await page.getByRole('tab', { name: 'Tidslinje' }).click();
    await page.getByRole('heading', { name: 'Tidslinje' }).waitFor();
    await expectNoSeriousViolations(page, 'timeline');
    await context.close();
  });

  it('finds nothing serious on the plan as a viewer sees it', async () => {
    const { context, api } = await signedInContext(browser, server, 'lena@demo.samplan.se');
    const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
    const page = await context.newPage();
    await openPlan(page, server, ws.documents.find((d) => d.kind === 'action-plan')?.id ?? '');
    await expectNoSeriousViolations(page, 'viewer plan');
    await context.close();
  });
});

describe('keyboard', () => {
  it('reorders an activity and follows a validation link to its field', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(api, 'Tangentbord');
    const page = await context.newPage();
    await openPlan(page, server, doc);
    const numbers = () => page.locator('tr.activity').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
    expect((await numbers()).slice(0, 3)).toEqual(['1.1', '1.2', '1.2.1']);
    await activityRow(page, '1.2.1').getByRole('button', { name: 'Flytta upp 1.2.1' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await numbers()).slice(0, 3)).toEqual(['1.1', '1.2.1', '1.2']);

    await page.locator('.validation a[data-code="budget.missing"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^f-activities-.*-budget$/);
    const focusedRow = await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-number'));
    expect(focusedRow).toBe('2.2');
    await context.close();
  });
});
