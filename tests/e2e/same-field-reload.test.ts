/**
 * An undecided same-field conflict outlives a reload (issue 17 item 2): Erik types a budget,
 * Anna commits hers to the same field, "Använd deras / Behåll mitt" waits beside Erik's
 * field — and when Erik reloads before choosing, his typed value and the choice come back
 * (they were lost silently). Decided, it does not come back; a field changed again while he
 * was away drops it. Two browser contexts against the real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { allActivities, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { launchBrowser } from './support/browser.js';
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

const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ').trim();
const budget = (page: Page) => activityRow(page, '2.2').getByLabel('Budget 2.2');

/** Anna and Erik on a fresh plan, each seeing the other; Erik has typed 420000 and Anna committed 380 000 to activity 2.2's budget. */
async function undecided(title: string) {
  const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
  const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
  const doc = await freshPlan(anna.api, title);
  const plan = await anna.api.json<ActionPlanJSON>('GET', `/api/documents/${doc}/export.json`);
  const id = allActivities(plan).find((a) => a.number === '2.2')?.id ?? '';
  const [pageA, pageE] = await Promise.all([anna.context.newPage(), erik.context.newPage()]);
  await Promise.all([openPlan(pageA, server, doc), openPlan(pageE, server, doc)]);
  await expect.poll(() => pageE.locator('.presence .avatar').count()).toBe(2);
  await budget(pageE).click();
  await budget(pageE).pressSequentially('420000');
  await budget(pageA).fill('380 000');
  await budget(pageA).press('Enter');
  const conflict = (page: Page) => page.locator(`[data-field-conflict="f-activities-${id}-budget"]`);
  await expect.poll(async () => plain(await conflict(pageE).textContent())).toContain('Anna Samordnare ändrade till 380 000 kr');
  const close = () => Promise.all([anna.context.close(), erik.context.close()]);
  return { doc, pageA, pageE, conflict, close };
}

describe('an undecided same-field conflict', () => {
  // The local copy a reloaded page opens with may be older than Anna's value: the kept
  // conflict is decided once the server's state has come (field-binding.ts decideKept).
  it('comes back after a reload with the typed value; "Behåll mitt" then wins, and it is gone for good', async () => {
    const { doc, pageA, pageE, conflict, close } = await undecided('Konflikt och omladdning');
    await pageE.reload();
    await openPlan(pageE, server, doc);
    await expect.poll(async () => plain(await conflict(pageE).textContent())).toContain('Anna Samordnare ändrade till 380 000 kr');
    expect(await budget(pageE).inputValue()).toBe('420000');

    await conflict(pageE).getByRole('button', { name: 'Behåll mitt' }).click();
    await expect.poll(() => budget(pageA).inputValue()).toBe('420 000');
    expect(await conflict(pageE).count()).toBe(0);
    await pageE.reload();
    await openPlan(pageE, server, doc);
    expect(await conflict(pageE).count()).toBe(0);
    expect(await budget(pageE).inputValue()).toBe('420 000');
    await close();
  });

  it('"Använd deras" decides it too: no conflict after a reload', async () => {
    const { doc, pageE, conflict, close } = await undecided('Använd deras och omladdning');
    await conflict(pageE).getByRole('button', { name: 'Använd deras' }).click();
    await pageE.reload();
    await openPlan(pageE, server, doc);
    expect(await conflict(pageE).count()).toBe(0);
    expect(await budget(pageE).inputValue()).toBe('380 000');
    await close();
  });

  it('is dropped when the field changed again while Erik was away', async () => {
    const { doc, pageA, pageE, conflict, close } = await undecided('Ändrat igen');
    // Erik leaves the plan in the same tab (its session storage stays); Anna changes the budget again.
    await pageE.goto(`${server.url}/`);
    await budget(pageA).fill('5 000');
    await budget(pageA).press('Enter');
    await expect.poll(async () => (await anna(pageA)).budget).toBe(5_000_00);
    await openPlan(pageE, server, doc);
    await expect.poll(() => budget(pageE).inputValue()).toBe('5 000');
    expect(await conflict(pageE).count()).toBe(0);
    await close();
  });
});

/** Activity 2.2 as the server stores it, read through Anna's page's session. */
async function anna(page: Page): Promise<{ budget: number | null }> {
  const doc = new URL(page.url()).pathname.split('/')[2] ?? '';
  const plan = await page.evaluate(async (id) => (await fetch(`/api/documents/${id}/export.json`)).json() as Promise<ActionPlanJSON>, doc);
  return { budget: allActivities(plan).find((a) => a.number === '2.2')?.budget ?? null };
}
