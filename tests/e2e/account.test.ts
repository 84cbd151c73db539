/**
 * Sessions that really end, in Chromium against the real server (issue 16 item 2 and "GDPR
 * and account pages"): logging out in one tab ends editing in the other — the server closes
 * that tab's socket (4401), nothing is simulated — and the account page changes the
 * password by keyboard, ending the person's other sessions while this one stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/demo/seed.js';
import { ApiClient } from '../support/api.js';
import type { TestServer } from '../support/server.js';
import { launchBrowser } from './support/browser.js';
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

describe('sessions that end, in the browser', () => {
  it('logging out in one tab ends editing in the other with "Du har loggats ut"', async () => {
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(erik.api, 'Utloggad i annan flik');
    const editing = await erik.context.newPage();
    // The versions list is held back until after the log-out, so its call answers 401 after
    // the socket's 4401: the page must stay readable either way (CI stop 23 saw both orders).
    let releaseVersions = () => {};
    const logoutDone = new Promise<void>((resolve) => (releaseVersions = resolve));
    const versionsAnswered = editing.waitForResponse((response) => response.url().endsWith('/versions'));
    await editing.route('**/api/documents/*/versions', async (route) => {
      await logoutDone;
      await route.continue();
    });
    await openPlan(editing, server, doc);
    expect(await activityRow(editing, '1.1').getByLabel('Budget 1.1').isEditable()).toBe(true);

    // Deep in the plan when it happens (user test): the notice must still be in view.
    await editing.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const other = await erik.context.newPage();
    await other.goto(`${server.url}/`);
    await other.getByRole('button', { name: 'Logga ut' }).click();
    await other.getByRole('heading', { name: 'Logga in' }).waitFor();
    releaseVersions();
    expect((await versionsAnswered).status()).toBe(401);

    // The server closed the editing tab's socket at once: the tab says so and offers to sign in.
    await expect.poll(async () => plain(await editing.locator('[data-status]').textContent())).toBe('Du har loggats ut');
    const alert = editing.locator('[role="alert"][data-notice="signed-out"]');
    await alert.waitFor();
    expect(await alert.getByRole('link', { name: 'Logga in igen' }).getAttribute('href')).toBe(`/login?next=${encodeURIComponent(`/d/${doc}`)}`);
    // In view though the page was scrolled down, and focused: the plan behind it is inert.
    const box = await alert.boundingBox();
    const viewport = editing.viewportSize();
    expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
    await expect.poll(() => editing.evaluate(() => document.activeElement?.textContent)).toBe('Logga in igen');
    // The plan is still there to read, not replaced by an error page.
    expect(await activityRow(editing, '1.1').getByLabel('Budget 1.1').inputValue()).not.toBe('');
    expect(await editing.locator('[data-load-error]').count()).toBe(0);
    await erik.context.close();
  });

  it('the account page changes the password by keyboard; other sessions end, this one stays', async () => {
    const lena = await signedInContext(browser, server, 'lena@demo.samplan.se');
    const elsewhere = new ApiClient(server.url);
    await elsewhere.json('POST', '/api/auth/login', { email: 'lena@demo.samplan.se', password: DEMO_PASSWORD }, 200);
    const page = await lena.context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Mitt konto' }).click();
    await page.getByRole('heading', { name: 'Mitt konto', level: 1 }).waitFor();
    const sessions = page.locator('[data-sessions] li');
    await expect.poll(() => sessions.count()).toBe(2);
    expect(await page.locator('[data-sessions] li[data-current="true"]').textContent()).toContain('Den här enheten');

    await page.getByLabel('Nuvarande lösenord').fill('fel-lösenord-1');
    await page.getByLabel('Nytt lösenord').fill('lenas-nya-lösenord');
    await page.getByLabel('Nytt lösenord').press('Enter');
    await expect.poll(async () => plain(await page.locator('form[aria-labelledby="password-heading"] [role="alert"]').textContent())).toBe('Lösenordet stämmer inte.');

    await page.getByLabel('Nuvarande lösenord').fill(DEMO_PASSWORD);
    await page.getByLabel('Nytt lösenord').fill('lenas-nya-lösenord');
    await page.getByLabel('Nytt lösenord').press('Enter');
    await expect.poll(async () => plain(await page.locator('[data-notice="password-changed"]').textContent())).toBe('Lösenordet är bytt. Du är utloggad på alla andra enheter.');
    await expect.poll(() => sessions.count()).toBe(1);
    expect((await elsewhere.request('GET', '/api/me')).status).toBe(401);
    // This browser is still signed in, and the new password is the one that works.
    await page.reload();
    await page.getByRole('heading', { name: 'Mitt konto', level: 1 }).waitFor();
    const fresh = new ApiClient(server.url);
    expect((await fresh.request('POST', '/api/auth/login', { email: 'lena@demo.samplan.se', password: DEMO_PASSWORD })).status).toBe(401);
    expect((await fresh.request('POST', '/api/auth/login', { email: 'lena@demo.samplan.se', password: 'lenas-nya-lösenord' })).status).toBe(200);

    // "Logga ut överallt" ends this session too and leads to the log-in page.
    await page.getByRole('button', { name: 'Logga ut överallt' }).click();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    expect((await fresh.request('GET', '/api/me')).status).toBe(401);
    await lena.context.close();
  });
});
