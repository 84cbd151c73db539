/**
 * User test U14 (leftovers, item 5): an agenda action's link to the plan activity made from
 * it says whether that activity still exists. When the plan is restored to a version from
 * before the activity, the agenda page open in another tab must say so once its reader comes
 * back to it (the page shown again: \`visibilitychange\`, dispatched here since a headless
 * browser's tabs are all visible), not only after a reload.
 */
import { describe, expect, it } from 'vitest';
import { freshPlan } from './support/fixture.js';
import { useE2eSuite } from './support/suite.js';
import { seriousAxeViolations } from './support/browser.js';
import type { ApiClient } from '../support/api.js';

const e2e = useE2eSuite();

interface AgendaExport {
  meetings: Array<{ items: Array<{ actions: Array<{ id: string }> }> }>;
}

async function demoAgenda(api: ApiClient): Promise<string> {
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  return ws.documents.find((d) => d.kind === 'agenda')?.id ?? '';
}

describe('an agenda action’s link after the plan is restored', () => {
  it('says the activity is gone when the reader comes back to the agenda tab', async () => {
    const { context, api } = await e2e.signedIn('anna@demo.samplan.se', { viewport: { width: 1440, height: 900 } });
    const agenda = await demoAgenda(api);
    const plan = await freshPlan(api, 'Återställd plan');
    const before = await api.json<{ id: string }>('POST', `/api/documents/${plan}/versions`, { name: 'Före åtgärden' }, 201);
    const planJson = await api.json<{ goals: Array<{ id: string }> }>('GET', `/api/documents/${plan}/export.json`);
    const agendaJson = await api.json<AgendaExport>('GET', `/api/documents/${agenda}/export.json`);
    const action = agendaJson.meetings.flatMap((m) => m.items.flatMap((i) => i.actions))[0]?.id ?? '';
    await api.json('POST', `/api/documents/${agenda}/actions/${action}/to-plan`, { planId: plan, goalId: planJson.goals[0]?.id }, 201);

    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/d/${agenda}`);
    const link = page.locator(`a[data-plan-activity^="${plan}:"]`);
    await link.waitFor();
    // Another tab (here: the API) restores the plan to before the activity; the agenda tab is left, then returned to.
    const other = await context.newPage();
    await other.goto(`${e2e.server.url}/d/${plan}`);
    await api.json('POST', `/api/documents/${plan}/versions/${before.id}/restore`, undefined, 200);
    await page.bringToFront();
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.locator(`[data-plan-activity-gone^="${plan}:"]`).waitFor();
    expect(await link.count()).toBe(0);
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
  });
});
