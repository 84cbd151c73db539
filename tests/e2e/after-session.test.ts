/**
 * The client after a session ends (issues 15/16, a new-user test in Chromium): nothing typed
 * after a logout, and nothing unsent from before it, is ever sent by the next person to sign
 * in in the same browser; a tab learns from any 401 that its session ended elsewhere; an
 * outsider reads why a plan does not open; the account page says what happened and deletes
 * only on an explicit second step, with a delete button people can read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/demo/seed.js';
import { ApiClient } from '../support/api.js';
import type { TestServer } from '../support/server.js';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
import { activityRow, freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';

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
const localCopies = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).flatMap((db) => (db.name?.startsWith('samplan:') ? [db.name] : [])));

/**
 * Waits until the service worker controls `page`, opening it again when it does not within
 * 15 s: a worker whose first install did not complete (the install fails whole when one
 * precache fetch does; CI once waited 30 s for nothing) installs on the next load. Says
 * what the registrations were if it never does.
 */
async function serviceWorkerControls(page: Page, reopen: () => Promise<void>): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const controlled = page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
    if (await controlled.then(() => true, () => false)) return;
    await reopen();
  }
  const registrations = await page.evaluate(async () =>
    JSON.stringify((await navigator.serviceWorker.getRegistrations()).map((r) => ({ active: r.active?.state, installing: r.installing?.state, waiting: r.waiting?.state }))),
  );
  throw new Error(`the service worker never controlled the page: ${registrations}`);
}

/** What a page that shows no heading was doing: its text, worker, connection and API calls (for a failure message). */
async function pageState(page: Page): Promise<string> {
  return page
    .evaluate(() =>
      JSON.stringify({
        text: document.body.textContent?.slice(0, 200),
        readyState: document.readyState,
        controlled: navigator.serviceWorker.controller !== null,
        onLine: navigator.onLine,
        api: performance.getEntriesByType('resource').flatMap((entry) => (entry.name.includes('/api/') ? [`${entry.name} ${Math.round(entry.duration)} ms`] : [])),
      }),
    )
    .catch((error: unknown) => `unreadable: ${String(error).slice(0, 200)}`);
}

/** A new person with no workspace in common with the demo, signed in in a fresh context. */
async function newcomer(email: string) {
  const api = new ApiClient(server.url);
  await api.signup(email, 'Ny Person', 'nytt-lösenord-1');
  const [name = '', value = ''] = api.sessionCookie.split('=');
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
  await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  return { context, api };
}

describe('after a logout on a shared computer (item 1)', () => {
  it('what Erik typed after logging out, or had not yet sent, is never sent under Anna’s name', async () => {
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(erik.api, 'Delad dator');
    // Erik's edit before the logout never reaches the server: it is only in this browser.
    let holdBack = false;
    await erik.context.routeWebSocket(/\/ws\//, (route) => {
      const toServer = route.connectToServer();
      route.onMessage((message) => {
        if (!holdBack) toServer.send(message);
      });
    });
    const editing = await erik.context.newPage();
    await openPlan(editing, server, doc);
    holdBack = true;
    const responsible = activityRow(editing, '1.1').getByLabel('Ansvar 1.1');
    await responsible.fill('ERIK-UNSENT-EDIT');
    await responsible.press('Tab');
    await responsible.focus();
    await expect.poll(async () => (await localCopies(editing)).length).toBe(1);

    const other = await erik.context.newPage();
    await other.goto(`${server.url}/`);
    await other.getByRole('button', { name: 'Logga ut' }).click();
    await other.getByRole('heading', { name: 'Logga in' }).waitFor();
    holdBack = false;

    const alert = editing.locator('[role="alert"][data-notice="signed-out"]');
    await alert.waitFor();
    expect(plain(await alert.textContent())).toContain('Ändringar som inte hann sparas finns inte kvar.');
    await editing.locator('[data-signed-out="true"]').waitFor();
    // Typing into the field that had focus, and trying to focus it again, changes nothing.
    await editing.keyboard.type('ERIK-OFFLINE-EDIT');
    await responsible.focus();
    await editing.keyboard.type('ERIK-OFFLINE-EDIT');
    expect(await responsible.inputValue()).not.toContain('ERIK-OFFLINE-EDIT');
    // Inert: the field cannot hold focus (Playwright's isEditable does not look at `inert`).
    expect(await responsible.evaluate((el) => el === document.activeElement)).toBe(false);
    // Erik's local copies are gone from this browser.
    await expect.poll(() => localCopies(editing)).toEqual([]);

    // Anna signs in in the same browser and opens the plan: her copy is her own.
    await other.getByLabel('E-postadress').fill('anna@demo.samplan.se');
    await other.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await other.getByRole('button', { name: 'Logga in' }).click();
    await other.getByRole('heading', { name: 'Arbetsytor' }).waitFor();
    await openPlan(other, server, doc);
    const anna = new ApiClient(server.url);
    const { user } = await anna.json<{ user: { id: string } }>('POST', '/api/auth/login', { email: 'anna@demo.samplan.se', password: DEMO_PASSWORD }, 200);
    expect(await localCopies(other)).toEqual([`samplan:${user.id}:${doc}`]);
    // A change of Anna's reaching Erik's API client proves her page synced with the server.
    await activityRow(other, '1.2').getByLabel('Ansvar 1.2').fill('Annas ändring');
    await activityRow(other, '1.2').getByLabel('Ansvar 1.2').press('Tab');
    await expect.poll(async () => JSON.stringify(await anna.json('GET', `/api/documents/${doc}/export.json`))).toContain('Annas ändring');
    const saved = JSON.stringify(await anna.json('GET', `/api/documents/${doc}/export.json`));
    expect(saved).not.toContain('ERIK-OFFLINE-EDIT');
    expect(saved).not.toContain('ERIK-UNSENT-EDIT');
    expect(await activityRow(other, '1.1').getByLabel('Ansvar 1.1').inputValue()).not.toContain('ERIK');
    await erik.context.close();
  });
});

describe('a tab whose session ended elsewhere (item 3)', () => {
  it('an idle tab learns it from the next 401: "Du har loggats ut" with a sign-in link back, no name in the header', async () => {
    const lena = await signedInContext(browser, server, 'lena@demo.samplan.se');
    const page = await lena.context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('.user-name').waitFor();
    const elsewhere = new ApiClient(server.url);
    await elsewhere.json('POST', '/api/auth/login', { email: 'lena@demo.samplan.se', password: DEMO_PASSWORD }, 200);
    await elsewhere.request('POST', '/api/auth/logout-everywhere');

    await page.getByRole('link', { name: 'Mitt konto' }).click();
    const error = page.locator('[data-load-error="signed-out"]');
    await error.waitFor();
    expect(plain(await error.getByRole('heading', { level: 1 }).textContent())).toBe('Du har loggats ut.');
    expect(await error.getByRole('link', { name: 'Logga in' }).getAttribute('href')).toBe('/login?next=%2Fkonto');
    expect(await page.locator('.user-name').count()).toBe(0);
    await lena.context.close();
  });

  it('a document open when the session ends elsewhere: every local copy and cached answer goes, so offline the browser opens nothing of theirs', async () => {
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const [first, second] = [await freshPlan(erik.api, 'Slut på sessionen A'), await freshPlan(erik.api, 'Slut på sessionen B')];
    const page = await erik.context.newPage();
    await openPlan(page, server, second);
    await openPlan(page, server, first);
    await expect.poll(async () => (await localCopies(page)).length).toBe(2);
    // The service worker controls the page, so an offline start below is the app's, not Chromium's error page.
    await serviceWorkerControls(page, () => openPlan(page, server, first));
    await expect.poll(() => page.evaluate(() => caches.has('samplan-api'))).toBe(true);
    const elsewhere = new ApiClient(server.url);
    await elsewhere.json('POST', '/api/auth/login', { email: 'erik@demo.samplan.se', password: DEMO_PASSWORD }, 200);
    await elsewhere.request('POST', '/api/auth/logout-everywhere');

    await page.locator('[role="alert"][data-notice="signed-out"]').waitFor();
    await expect.poll(() => localCopies(page)).toEqual([]);
    await expect.poll(() => page.evaluate(() => caches.has('samplan-api'))).toBe(false);
    // Whoever uses the browser next, offline: no name, no document.
    const seen: string[] = [];
    page.on('console', (message) => seen.push(`console ${message.type()}: ${message.text().slice(0, 160)}`));
    page.on('pageerror', (error) => seen.push(`pageerror: ${String(error).slice(0, 160)}`));
    erik.context.on('requestfailed', (request) => seen.push(`failed ${request.url()} ${request.failure()?.errorText ?? ''}`));
    erik.context.on('requestfinished', (request) => seen.push(`finished ${request.url()}`));
    await erik.context.setOffline(true);
    const navigation = await page.goto(`${server.url}/d/${first}`).then(
      () => 'committed',
      (error: unknown) => `failed: ${String(error).slice(0, 200)}`,
    );
    // Bounded by the client's call timeout (20 s): a hanging request ends in "Servern kunde inte nås".
    await page.locator('h1').first().waitFor({ timeout: 40_000 }).catch(async (error: unknown) => {
      throw new Error(`no heading at ${page.url()} (navigation ${navigation}; page: ${await pageState(page)}; seen: ${seen.join(' | ')})`, { cause: error });
    });
    expect(plain(await page.locator('h1').first().textContent())).toMatch(/^(Servern kunde inte nås|Logga in)/);
    expect(await page.locator('body').textContent()).not.toContain('Slut på sessionen');
    expect(await page.locator('body').textContent()).not.toContain('Erik Redaktör');
    await erik.context.close();
  }, 180_000);

  it('a member opening a version that is not there reads that, not that the document is missing', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Utan den versionen');
    const page = await anna.context.newPage();
    await page.goto(`${server.url}/d/${doc}/versions/finns-inte`);
    const error = page.locator('[data-load-error="missing"]');
    await error.waitFor();
    expect(plain(await error.getByRole('heading', { level: 1 }).textContent())).toBe('Versionen finns inte i det här dokumentet.');
    expect(await error.getByRole('link', { name: 'Till dokumentet' }).getAttribute('href')).toBe(`/d/${doc}`);
    await anna.context.close();
  });

  it('an outsider opening a plan URL reads why, not "Laddar …"', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Inte din');
    const outsider = await newcomer('utomstaende@example.se');
    const page = await outsider.context.newPage();
    await page.goto(`${server.url}/d/${doc}`);
    const error = page.locator('[data-load-error]');
    await error.waitFor();
    expect(plain(await error.getByRole('heading', { level: 1 }).textContent())).toContain('Dokumentet finns inte');
    await Promise.all([anna.context.close(), outsider.context.close()]);
  });
});

describe('the account page says what happened (items 2 and 5)', () => {
  it('"Namnet är sparat." goes on the next edit', async () => {
    const person = await newcomer('namnbyte@example.se');
    const page = await person.context.newPage();
    await page.goto(`${server.url}/konto`);
    const name = page.getByRole('textbox', { name: 'Ditt namn' });
    await name.fill('Nytt Namn');
    await name.press('Enter');
    const saved = page.locator('[data-notice="name-saved"]');
    await expect.poll(async () => plain(await saved.textContent())).toBe('Namnet är sparat.');
    await name.press('a');
    expect(plain(await saved.textContent())).toBe('');
    await person.context.close();
  });

  it('Enter in the password field only asks; the readable button deletes; the sign-in page says so', async () => {
    const person = await newcomer('radera@example.se');
    const page = await person.context.newPage();
    await page.goto(`${server.url}/konto`);
    await page.getByLabel('Bekräfta med ditt lösenord').fill('nytt-lösenord-1');
    await page.getByLabel('Bekräfta med ditt lösenord').press('Enter');
    const confirm = page.locator('[data-delete-confirm]');
    await confirm.waitFor();
    expect((await person.api.request('GET', '/api/me')).status).toBe(200);
    // White on dark red, readable (WCAG 1.4.3): axe finds no contrast failure with both buttons shown.
    const violations = await seriousAxeViolations(page);
    expect(violations.filter((v) => v.id === 'color-contrast')).toEqual([]);
    const colors = await confirm.getByRole('button', { name: 'Ja, radera kontot nu' }).evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    expect(colors).toEqual(['rgb(255, 255, 255)', 'rgb(179, 38, 30)']);
    await confirm.getByRole('button', { name: 'Ja, radera kontot nu' }).click();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    expect(plain(await page.locator('[data-session-end="deleted"]').textContent())).toBe('Kontot är raderat.');
    expect((await person.api.request('GET', '/api/me')).status).toBe(401);
    await person.context.close();
  });

  it('"Logga ut överallt" lands on the sign-in page saying so', async () => {
    const person = await newcomer('overallt@example.se');
    const page = await person.context.newPage();
    await page.goto(`${server.url}/konto`);
    await page.getByRole('button', { name: 'Logga ut överallt' }).click();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    expect(plain(await page.locator('[data-session-end="everywhere"]').textContent())).toBe('Du är utloggad på alla enheter.');
    await person.context.close();
  });
});
