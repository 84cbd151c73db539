/**
 * User test U15 item 4: a viewer at 390 px saw "ÅÅÅÅ-MM-DD" in every empty date field, a
 * format hint for typing they cannot do. For a viewer, every empty read-only field of a plan
 * (an activity just added, with no dates or budget) and of the demo agenda reads "–" or
 * nothing, never a format hint; an editor still gets the hint. Axe at 390 and 1440 px.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPlan, openPlan } from './support/fixture.js';
import { seriousAxeViolations } from './support/browser.js';
import { useE2eSuite } from './support/suite.js';
import type { ApiClient } from '../support/api.js';

const e2e = useE2eSuite();

async function demoAgenda(api: ApiClient): Promise<string> {
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  return ws.documents.find((d) => d.kind === 'agenda')?.id ?? '';
}

/** The placeholders of the page's empty inputs, read-only or not. */
const emptyPlaceholders = (page: Page, readOnly: boolean) =>
  page.locator('main input:not([type="checkbox"]):not([type="hidden"])').evaluateAll(
    (inputs, ro) => inputs.filter((el) => (el as HTMLInputElement).readOnly === ro && (el as HTMLInputElement).value === '').map((el) => (el as HTMLInputElement).placeholder),
    readOnly,
  );

describe('a viewer’s empty fields', () => {
  it('read “–”, not a format to type in', async () => {
    const anna = await e2e.signedIn('anna@demo.samplan.se', { viewport: { width: 1440, height: 900 } });
    const plan = await freshPlan(anna.api, 'Tomma datum');
    const editor = await anna.context.newPage();
    await openPlan(editor, e2e.server, plan);
    await editor.getByRole('button', { name: /Lägg till aktivitet Mål 1$/ }).click();
    await editor.keyboard.type('Ny utan datum');
    await editor.keyboard.press('Tab');
    // The editor types, so the hint stays for them.
    await expect.poll(() => emptyPlaceholders(editor, false)).toContain('ÅÅÅÅ-MM-DD');

    const viewer = await e2e.pageAs('lena@demo.samplan.se', { viewport: { width: 390, height: 900 } });
    for (const path of [`/d/${plan}`, `/d/${await demoAgenda(anna.api)}`]) {
      await viewer.goto(`${e2e.server.url}${path}`);
      await viewer.locator('[data-status="online"]').waitFor();
      await viewer.locator('input[readonly]').first().waitFor();
      if (path.endsWith(plan)) await viewer.getByText('Ny utan datum').or(viewer.locator('tr.activity[data-number="1.3"]')).first().waitFor();
      const shown = await emptyPlaceholders(viewer, true);
      // The plan's new activity has empty dates; the agenda may have none empty.
      if (path.endsWith(plan)) expect(shown.length, path).toBeGreaterThan(0);
      expect(shown.filter((text) => text !== '' && text !== '–'), path).toEqual([]);
      for (const width of [390, 1440]) {
        await viewer.setViewportSize({ width, height: 900 });
        expect(await seriousAxeViolations(viewer)).toEqual([]);
      }
      await viewer.setViewportSize({ width: 390, height: 900 });
    }
  });
});
