/**
 * Same field, two people (issue 17 item 10), in real Chromium against the real server: a
 * value someone commits never replaces what another person is typing in that field — it
 * waits there, named, with "Använd deras" / "Behåll mitt" — and a value that is replaced is
 * never lost silently: its author is told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { allActivities, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { launchBrowser } from './support/browser.js';
import { activityRow, freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';
import type { ApiClient } from '../support/api.js';

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
const POLL = { timeout: 10_000 };

async function activityId(api: ApiClient, doc: string, number: string): Promise<string> {
  const plan = await api.json<ActionPlanJSON>('GET', `/api/documents/${doc}/export.json`);
  return allActivities(plan).find((a) => a.number === number)?.id ?? '';
}

/** Anna and Erik on a fresh plan; `id` is activity 2.2's. */
async function twoPeople(title: string) {
  const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
  const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
  const doc = await freshPlan(anna.api, title);
  const id = await activityId(anna.api, doc, '2.2');
  const [pageA, pageE] = await Promise.all([anna.context.newPage(), erik.context.newPage()]);
  const log: string[] = [];
  for (const [who, p] of [['A', pageA], ['E', pageE]] as const) {
    p.on('websocket', (ws) => { log.push(`${who} ws open`); ws.on('close', () => log.push(`${who} ws close`)); ws.on('socketerror', (e) => log.push(`${who} ws error ${e}`)); });
    p.on('response', (r) => r.status() >= 400 && log.push(`${who} http ${r.status()} ${r.url()}`));
    p.on('console', (m) => log.push(`${who} console ${m.text()}`));
  }
  await Promise.all([openPlan(pageA, server, doc), openPlan(pageE, server, doc)]).catch(async (error) => {
    const status = await Promise.all([pageA, pageE].map((p) => p.locator('[data-status]').first().getAttribute('data-status').catch(() => 'none')));
    throw new Error(`${String(error)}\nstatus ${status.join(',')}\n${log.join('\n')}`);
  });
  // Each sees the other (awareness carries the names the notices show).
  await expect.poll(() => pageA.locator('.presence .avatar').count(), POLL).toBe(2);
  await expect.poll(() => pageE.locator('.presence .avatar').count(), POLL).toBe(2);
  const close = () => Promise.all([anna.context.close(), erik.context.close()]);
  return { pageA, pageE, id, close };
}

const budget = (page: Page) => activityRow(page, '2.2').getByLabel('Budget 2.2');
const conflict = (page: Page, id: string) => page.locator(`[data-field-conflict="f-activities-${id}-budget"]`);
const replaced = (page: Page, id: string) => page.locator(`[data-field-replaced="f-activities-${id}-budget"] .field-notice-text`);

describe('two people in the same budget', () => {
  it('keeps what Erik types, tells him what Anna set; "Behåll mitt" wins and Anna is told', async () => {
    const { pageA, pageE, id, close } = await twoPeople('Samma fält');
    await budget(pageE).click();
    await budget(pageE).pressSequentially('420000');

    await budget(pageA).fill('380 000');
    await budget(pageA).press('Enter');

    await expect.poll(async () => plain(await conflict(pageE, id).textContent()), POLL).toContain('Anna Samordnare ändrade till 380 000 kr');
    expect(await budget(pageE).inputValue()).toBe('420000');
    await expect(budget(pageE).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // Readable in the narrow Budget column (user test: it wrapped word by word): wide, in view, above its neighbours.
    const box = await conflict(pageE, id).boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(16 * 16);
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect(await conflict(pageE, id).evaluate((el) => document.elementFromPoint(el.getBoundingClientRect().left + 4, el.getBoundingClientRect().top + 4)?.closest('[data-field-conflict]') === el)).toBe(true);
    // Anna's value is stored meanwhile: Erik's totals already count it.
    await expect.poll(async () => plain(await pageE.locator('[data-total="planned"]').textContent()), POLL).toBe('3 661 250 kr');

    await conflict(pageE, id).getByRole('button', { name: 'Behåll mitt' }).click();
    await expect.poll(() => budget(pageA).inputValue(), POLL).toBe('420 000');
    await expect.poll(() => conflict(pageE, id).count(), POLL).toBe(0);
    expect(await budget(pageE).inputValue()).toBe('420 000');
    await expect.poll(async () => plain(await replaced(pageA, id).textContent()), POLL).toBe('Ditt värde 380 000 kr ersattes av Erik Redaktör: 420 000 kr');
    // Read out once to screen-reader users too, through the shared polite live region.
    await expect.poll(async () => plain(await pageA.locator('[data-field-announcer]').textContent()), POLL).toBe('Ditt värde 380 000 kr ersattes av Erik Redaktör: 420 000 kr');
    await close();
  });

  it('"Använd deras" drops the draft and shows their value; nobody is told of a replacement', async () => {
    const { pageA, pageE, id, close } = await twoPeople('Använd deras');
    await budget(pageE).click();
    await budget(pageE).pressSequentially('1');
    await budget(pageA).fill('77 600 kr');
    await budget(pageA).press('Enter');
    await conflict(pageE, id).getByRole('button', { name: 'Använd deras' }).click();
    expect(await budget(pageE).inputValue()).toBe('77 600');
    expect(await conflict(pageE, id).count()).toBe(0);
    // Tabbing away now commits nothing: the field holds Anna's value for both.
    await budget(pageE).press('Tab');
    await expect.poll(() => budget(pageA).inputValue(), POLL).toBe('77 600');
    expect(await replaced(pageA, id).count()).toBe(0);
    await close();
  });

  it('a focused field without a draft, and an unfocused one, show a remote value at once', async () => {
    const { pageA, pageE, id, close } = await twoPeople('Utan utkast');
    await budget(pageE).click();
    await budget(pageA).fill('5 000');
    await budget(pageA).press('Enter');
    await expect.poll(() => budget(pageE).inputValue(), POLL).toBe('5 000');
    await budget(pageE).blur();
    await budget(pageA).fill('6 000');
    await budget(pageA).press('Enter');
    await expect.poll(() => budget(pageE).inputValue(), POLL).toBe('6 000');
    expect(await conflict(pageE, id).count()).toBe(0);
    await close();
  });

  it('both commit at once: both end with the same value and the replaced one is never silent', async () => {
    const { pageA, pageE, id, close } = await twoPeople('Samtidigt');
    await budget(pageA).click();
    await budget(pageE).click();
    await Promise.all([budget(pageA).pressSequentially('111111'), budget(pageE).pressSequentially('222222')]);
    await Promise.all([budget(pageA).press('Enter'), budget(pageE).press('Enter')]);
    // Whoever's commit came second overwrote the other's, knowingly (after the notice) or
    // at the same instant (Yjs picked one): either way, the one whose value went is told.
    await expect.poll(async () => (await budget(pageA).inputValue()) === (await budget(pageE).inputValue()) && (await replaced(pageA, id).count()) + (await replaced(pageE, id).count()) > 0, POLL).toBe(true);
    const final = await budget(pageA).inputValue();
    const [loser, lost] = final === '222 222' ? [pageA, '111 111'] : [pageE, '222 222'];
    expect(plain(await replaced(loser, id).textContent())).toContain(`Ditt värde ${lost} kr ersattes av`);
    await close();
  });
});
