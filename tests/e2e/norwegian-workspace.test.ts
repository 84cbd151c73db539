/**
 * A Norwegian workspace made in real Chromium (user test u11: the UI could not make one, and
 * its plans said SEK): the new-workspace form's country choice (labelled, keyboard-usable,
 * proposing the UI language's country), the country on the workspace page in sv/nb/en, a
 * plan made there totalling in NOK ("kr" in bokmål) and a strategy offering Norway's goals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { allActivities, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { launchBrowser } from './support/browser.js';
import { activityRow, startE2eServer } from './support/fixture.js';
import { readmeShot } from './support/screenshots.js';
import { ApiClient, email } from '../support/api.js';
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

const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');
/** The text of what `locator` finds now, '' when nothing (never waits, so a poll can time out). */
const textNow = async (locator: Locator) => plain((await locator.allTextContents()).join(''));

/** A new person, signed up, and a browser context in `locale` signed in as them. */
async function newPerson(locale: string): Promise<{ context: BrowserContext; api: ApiClient }> {
  const api = new ApiClient(server.url);
  await api.signup(email('w3-country'));
  const [name = '', value = ''] = api.sessionCookie.split('=');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  return { context, api };
}

/** Makes a document through the workspace page's "new document" form (nb) and waits for it to open. */
async function newDocument(page: Page, kind: string, title: string): Promise<void> {
  const documents = page.getByRole('region', { name: 'Dokumenter' });
  await documents.getByRole('combobox', { name: 'Type', exact: true }).selectOption(kind);
  await documents.getByRole('textbox', { name: 'Tittel', exact: true }).fill(title);
  await documents.getByRole('button', { name: 'Opprett', exact: true }).click();
  await page.waitForURL(/\/d\/[^/]+$/);
}

const focusedValue = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? null);

describe('the new-workspace form’s country', () => {
  it.each([
    ['sv-SE', 'Land', 'Sverige', 'Norge', 'Sverige'],
    ['nb-NO', 'Land', 'Sverige', 'Norge', 'Norge'],
    ['en-GB', 'Country', 'Sweden', 'Norway', 'Sweden'],
  ])('a %s UI offers a group "%s" of %s and %s, %s chosen', async (locale, legend, sweden, norway, proposed) => {
    const { context } = await newPerson(locale);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const group = page.getByRole('group', { name: legend });
    await group.waitFor();
    expect(await group.getByRole('radio').count()).toBe(2);
    expect(await group.getByRole('radio', { name: sweden, exact: true }).count()).toBe(1);
    expect(await group.getByRole('radio', { name: norway, exact: true }).count()).toBe(1);
    expect(await group.getByRole('radio', { name: proposed, exact: true }).isChecked()).toBe(true);
    await context.close();
  });

  it('makes a Norwegian workspace by keyboard alone; its plan totals in NOK and its strategy offers Norway’s goals', async () => {
    const { context, api } = await newPerson('nb-NO');
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Arbeidsområder' }).waitFor();
    await page.getByLabel('Navn på arbeidsområdet').focus();
    await page.keyboard.type('Klimanettverket Innherred');
    // Tab reaches the chosen country; the arrows change it like any radio group.
    await page.keyboard.press('Tab');
    expect(await focusedValue(page)).toBe('NO');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('radio', { name: 'Sverige' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Norge' }).isChecked()).toBe(true);
    await page.screenshot({ path: readmeShot('new-workspace-nb.png') });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/w\/[^/]+$/);
    const ws = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect((await api.json<{ country: string }>('GET', `/api/workspaces/${ws}`)).country).toBe('NO');
    await expect.poll(() => textNow(page.locator('[data-workspace-country]'))).toBe('Land: Norge');
    await page.screenshot({ path: readmeShot('workspace-no-nb.png') });

    // A plan made there: a budget typed in, the totals read in kroner (NOK, "kr" in bokmål).
    await newDocument(page, 'action-plan', 'Handlingsplan 2027');
    const plan = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.locator('[data-status="online"]').waitFor();
    await page.getByRole('button', { name: /^\+? ?Legg til mål/ }).click();
    await page.getByRole('button', { name: /Legg til tiltak/ }).first().click();
    const stored = () => api.json<ActionPlanJSON & { totals: { planned: number } }>('GET', `/api/documents/${plan}/export.json`);
    // The new activity stored and its history read once: the budget below is then a step of
    // its own ("Budsjett endret"), not folded into "Lagt til" (one person's edits within a
    // minute merge while they are read in one go: server/history/derive-core.ts runsOf).
    await expect.poll(async () => allActivities(await stored()).length).toBe(1);
    await api.json('GET', `/api/documents/${plan}/history`, undefined, 200);
    const budget = activityRow(page, '1.1').locator('input[id$="-budget"]');
    await budget.fill('12 500');
    await budget.press('Enter');
    await expect.poll(() => textNow(page.locator('[data-total="planned"]'))).toBe('12 500 kr');
    // Stored on the server (so the change log, read once when opened, has it), as NOK.
    await expect.poll(async () => (await stored()).totals.planned).toBe(1_250_000);
    expect((await stored()).currency).toBe('NOK');
    // The change log names the amount in the plan's currency too, never as SEK.
    await page.getByRole('heading', { name: 'Endringslogg' }).click();
    const logText = async () => plain((await page.locator('.history-list li').allTextContents()).join('\n'));
    await expect.poll(logText).toMatch(/– → 12 500 kr\)/);
    expect(await logText()).not.toMatch(/SEK/);
    await page.screenshot({ path: readmeShot('plan-nok-nb.png'), fullPage: true });

    // A strategy made there offers Norway's national goals, not Sweden's objectives.
    await page.goto(`${server.url}/w/${ws}`);
    await newDocument(page, 'strategy', 'Klimastrategi');
    await page.locator('[data-status="online"]').waitFor();
    await page.getByRole('button', { name: /Legg til innsatsområde/ }).click();
    await page.getByRole('button', { name: /Legg til mål/ }).first().click();
    const objectives = page.getByRole('group', { name: 'Nasjonale miljømål' }).first();
    await objectives.waitFor();
    expect(await objectives.getByRole('checkbox').count()).toBe(18);
    expect(await objectives.getByRole('checkbox', { name: 'Kutt i klimagassutslipp innen 2030' }).count()).toBe(1);
    expect(await objectives.getByRole('checkbox', { name: /Begränsad klimatpåverkan/ }).count()).toBe(0);
    await page.screenshot({ path: readmeShot('strategy-no-nb.png'), fullPage: true });
    await context.close();
  });

  it.each([
    ['sv-SE', 'Land: Norge'],
    ['nb-NO', 'Land: Norge'],
    ['en-GB', 'Country: Norway'],
  ])('the workspace page in %s says %j', async (locale, text) => {
    const { context, api } = await newPerson(locale);
    const { id } = await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Innherred', country: 'NO' }, 201);
    const page = await context.newPage();
    await page.goto(`${server.url}/w/${id}`);
    await expect.poll(() => textNow(page.locator('[data-workspace-country]'))).toBe(text);
    await context.close();
  });
});
