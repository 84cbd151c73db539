/**
 * User test U15 item 5: in the presentation view at 1440 px the plan's subtitle stood below
 * the "Antagen version" and "Ändrat sedan ditt senaste besök" boxes, far from its title. For
 * a plan (its subtitle) and an agenda (its network) the line now follows the title: the next
 * element after the h1, above the boxes, at 390 and 1440 px; axe finds nothing serious.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPlan } from './support/fixture.js';
import { seriousAxeViolations } from './support/browser.js';
import { useE2eSuite } from './support/suite.js';
import type { ApiClient } from '../support/api.js';

const e2e = useE2eSuite();

async function demoAgenda(api: ApiClient): Promise<string> {
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  return ws.documents.find((d) => d.kind === 'agenda')?.id ?? '';
}

/** Where the subtitle is: the class of the h1's next element, and whether it sits above the panels. */
const placement = (page: Page) =>
  page.evaluate(() => {
    const title = document.querySelector('.present h1');
    const subtitle = document.querySelector('.present .present-subtitle');
    const panels = document.querySelector('.present .present-panels');
    return {
      next: title?.nextElementSibling?.className ?? '',
      abovePanels: !panels || (subtitle?.getBoundingClientRect().bottom ?? Infinity) <= panels.getBoundingClientRect().top,
    };
  });

describe('the presentation view’s subtitle', () => {
  it('stands right under the title, above the boxes', async () => {
    const anna = await e2e.signedIn('anna@demo.samplan.se', { viewport: { width: 1440, height: 900 } });
    const documents = [await freshPlan(anna.api, 'Underrubrik'), await demoAgenda(anna.api)];
    const page = await anna.context.newPage();
    for (const id of documents) {
      await page.goto(`${e2e.server.url}/d/${id}/present`);
      await page.locator('.present [data-status="online"]').waitFor();
      await page.locator('.present .present-subtitle').waitFor();
      await page.locator('.present .present-panels').waitFor();
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await placement(page), `${id} ${width}`).toEqual({ next: 'present-subtitle', abovePanels: true });
        expect(await seriousAxeViolations(page)).toEqual([]);
      }
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});
