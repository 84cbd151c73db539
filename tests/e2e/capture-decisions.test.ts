/**
 * User test U14 (leftovers, item 3): the capture panel listed the current agenda item's
 * action items but not its decisions, so a decision just captured vanished from the
 * facilitator's view ("Sparat." and nothing else). Now the panel lists the item's decisions
 * too, under a heading a screen reader names, and the decision form is reached and sent by
 * keyboard alone; nothing serious for axe at 390 and 1440 px.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2eSuite } from './support/suite.js';
import { seriousAxeViolations } from './support/browser.js';
import { spotlight, startSession } from './support/session.js';
import type { ApiClient } from '../support/api.js';

const e2e = useE2eSuite();

async function demoAgenda(api: ApiClient): Promise<string> {
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  return ws.documents.find((d) => d.kind === 'agenda')?.id ?? '';
}

const listed = (page: Page) => page.locator('.session-capture [data-decision]').evaluateAll((items) => items.map((li) => li.textContent?.trim() ?? ''));

describe('the capture panel', () => {
  it('lists the current agenda item’s decisions, the one just captured too', async () => {
    const { context, api } = await e2e.signedIn('anna@demo.samplan.se', { viewport: { width: 1440, height: 900 } });
    const agenda = await demoAgenda(api);
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/d/${agenda}`);
    await page.locator('.agenda-item[data-item]').first().waitFor();
    await startSession(page);
    const first = (await page.locator('.agenda-item[data-item]').first().getAttribute('data-item')) ?? '';
    await spotlight(page, `items:${first}`);
    const capture = page.locator('.session-capture');
    await capture.waitFor();
    const before = await listed(page);

    // By keyboard: focus the field, type, Enter sends the form.
    await capture.getByLabel('Beslut', { exact: true }).focus();
    await page.keyboard.type('Nätverket antar tidplanen');
    await page.keyboard.press('Enter');
    await expect.poll(() => listed(page)).toEqual([...before, 'Nätverket antar tidplanen']);
    expect(await capture.getByRole('list', { name: /^Beslut på punkten/ }).count()).toBe(1);
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
  });
});
