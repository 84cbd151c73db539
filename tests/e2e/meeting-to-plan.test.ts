/**
 * User test U14 (leftovers, item 6): a meeting's captured action item can become a plan
 * activity from the meeting card itself ("Gör till aktivitet"), as from the capture panel,
 * without a session running; the card then links to the activity. Axe at 390 and 1440 px.
 */
import { describe, expect, it } from 'vitest';
import { freshPlan } from './support/fixture.js';
import { useE2eSuite } from './support/suite.js';
import { seriousAxeViolations } from './support/browser.js';
import type { ApiClient } from '../support/api.js';

const e2e = useE2eSuite();

async function demoAgenda(api: ApiClient): Promise<string> {
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  return ws.documents.find((d) => d.kind === 'agenda')?.id ?? '';
}

describe('the meeting card', () => {
  it('turns an action item into a plan activity, no session needed', async () => {
    const { context, api } = await e2e.signedIn('anna@demo.samplan.se', { viewport: { width: 1440, height: 900 } });
    const agenda = await demoAgenda(api);
    const plan = await freshPlan(api, 'Mål för åtgärden');
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/d/${agenda}`);
    const action = page.locator('[data-action-item]').first();
    await action.waitFor();
    const open = action.getByRole('button', { name: /^Gör till aktivitet: / });
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
    await open.click();
    const planSelect = action.getByLabel('Handlingsplan', { exact: true });
    await expect.poll(() => planSelect.locator(`option[value="${plan}"]`).count()).toBe(1);
    await planSelect.selectOption(plan);
    const goal = action.getByLabel('Mål', { exact: true });
    await expect.poll(() => goal.locator('option').count()).toBeGreaterThan(1);
    await goal.selectOption({ index: 1 });
    await action.getByRole('button', { name: 'Gör till aktivitet', exact: true }).click();
    await action.locator(`a[data-plan-activity^="${plan}:"]`).waitFor();
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
  });
});
