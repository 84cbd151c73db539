/**
 * User test U14 item 1: what a screen reader announces, read from Chromium's own
 * accessibility tree (CDP), not from our markup. At 1 440 px in the demo plan, strategy
 * and agenda (the agenda in a session with a captured action): no accessible name has a
 * space before ":" or "," (a name glued from text and a visually hidden part, "Gör till
 * aktivitet : …"), and every control in a plan's activity row names the row's number
 * ("Klart (%)" alone did not say which activity it belongs to).
 */
import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { afterFrames } from './support/frames.js';
import { useE2eSuite } from './support/suite.js';
import type { ApiClient } from '../support/api.js';

const e2e = useE2eSuite();

interface AxNode {
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
}

async function demoDocument(api: ApiClient, kind: 'strategy' | 'agenda' | 'action-plan'): Promise<string> {
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  return ws.documents.find((d) => d.kind === kind)?.id ?? '';
}

/** Every announced name in the page ("role: name"), from Chromium's computed tree. */
async function accessibleNames(cdp: CDPSession): Promise<string[]> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] };
  return nodes.filter((n) => !n.ignored && (n.name?.value ?? '') !== '').map((n) => `${n.role?.value ?? ''}: ${n.name?.value ?? ''}`);
}

/** A space before a colon or a comma: what a name glued from pieces says wrongly. */
const SPACED_PUNCTUATION = /\s[:,]/;
const badNames = (names: string[]) => names.filter((line) => SPACED_PUNCTUATION.test(line.slice(line.indexOf(': ') + 2)));

/** The computed name of each control inside each plan activity row, with the row's number. */
async function rowControlNames(page: Page, cdp: CDPSession): Promise<Array<{ number: string; name: string }>> {
  const numbers = await page.evaluate(() => {
    const found: string[] = [];
    document.querySelectorAll('tr.activity[data-number]').forEach((row) =>
      row.querySelectorAll('input, select, textarea, [role="textbox"], [role="progressbar"], [role="spinbutton"]').forEach((control) => {
        if (control.closest('[aria-hidden="true"]')) return;
        control.setAttribute('data-name-probe', String(found.length));
        found.push(row.getAttribute('data-number') ?? '');
      }),
    );
    return found;
  });
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
  const out: Array<{ number: string; name: string }> = [];
  for (let i = 0; i < numbers.length; i++) {
    // A row off screen is skipped by `content-visibility` (plan-rows.css), and so is its
    // accessibility subtree until drawn: each control is brought into view first.
    await page.evaluate((probe) => document.querySelector(`[data-name-probe="${probe}"]`)?.scrollIntoView({ block: 'center' }), i);
    await afterFrames(page);
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-name-probe="${i}"]` })) as { nodeId: number };
    const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false })) as unknown as { nodes: AxNode[] };
    out.push({ number: numbers[i] ?? "", name: nodes[0]?.name?.value ?? "" });
  }
  return out;
}

describe('accessible names at 1 440 px', () => {
  it('the demo plan: no " :" or " ,", and each activity row control names its row', async () => {
    const { context, api } = await e2e.signedIn('anna@demo.samplan.se', { serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${e2e.server.url}/d/${await demoDocument(api, 'action-plan')}`);
    await page.locator('[data-status="online"]').waitFor();
    await page.locator('tr.activity').first().waitFor();
    const cdp = await context.newCDPSession(page);
    expect(badNames(await accessibleNames(cdp))).toEqual([]);
    const controls = await rowControlNames(page, cdp);
    expect(controls.length).toBeGreaterThan(20);
    const namesRow = (c: { number: string; name: string }) => new RegExp(`(^|[\\s(])${c.number.replace(/\./g, '\\.')}($|[\\s),:])`).test(c.name);
    expect(controls.filter((c) => !namesRow(c))).toEqual([]);
    await context.close();
  });

  it('the demo strategy: no " :" or " ,"', async () => {
    const { context, api } = await e2e.signedIn('anna@demo.samplan.se', { serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${e2e.server.url}/d/${await demoDocument(api, 'strategy')}`);
    await page.locator('[data-status="online"]').waitFor();
    await page.locator('.indicator-chart canvas').first().waitFor();
    expect(badNames(await accessibleNames(await context.newCDPSession(page)))).toEqual([]);
    await context.close();
  });

  it('the demo agenda in a session with a captured action: no " :" or " ,"', async () => {
    const { context, api } = await e2e.signedIn('anna@demo.samplan.se', { serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${e2e.server.url}/d/${await demoDocument(api, 'agenda')}`);
    await page.locator('[data-status="online"]').waitFor();
    await page.locator('.agenda-item').first().waitFor();
    const cdp = await context.newCDPSession(page);
    expect(badNames(await accessibleNames(cdp))).toEqual([]);
    await page.getByRole('button', { name: 'Starta arbetspass' }).click();
    const first = (await page.locator('.agenda-item[data-item]').first().getAttribute('data-item')) ?? '';
    await page.locator('[data-spotlight-select]').selectOption(`items:${first}`);
    await page.locator('[data-spotlight-commit]').click();
    const capture = page.locator('.session-capture');
    await capture.getByLabel('Åtgärd').fill('Boka lokal');
    await capture.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    await capture.locator('[data-action]', { hasText: 'Boka lokal' }).getByRole('button', { name: /Gör till aktivitet/ }).waitFor();
    const names = await accessibleNames(cdp);
    expect(names).toContain('button: Gör till aktivitet: Boka lokal');
    expect(badNames(names)).toEqual([]);
    await context.close();
  });
});
