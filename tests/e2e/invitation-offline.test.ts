/**
 * An invitation link opened while its request gets no answer (user test u11): the page says why
 * with "Försök igen", and shows the invitation by itself once the browser is back online — as
 * the workspace page does — signed in or not. serviceWorkers blocked: the page's own requests
 * are routed, the invitation's aborted as a lost connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Browser, Page } from 'playwright-core';
import { inviteToken } from '../support/api.js';
import type { TestServer } from '../support/server.js';
import { launchBrowser } from './support/browser.js';
import { signedInContext, startE2eServer } from './support/fixture.js';

let server: TestServer;
let browser: Browser;
let link: string;
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
  await anna.context.close();
  const me = await anna.api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = me.workspaces[0]?.id ?? '';
  const { invitation } = await anna.api.json<{ invitation: { url: string } }>('POST', `/api/workspaces/${ws}/members`, { email: 'offline.inbjudan@example.se', role: 'editor' }, 201);
  link = `${server.url}/invite/${inviteToken(invitation.url)}`;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const POLL = { timeout: 30_000, interval: 200 };

/** The invitation's GET fails as a lost connection while `failing`; counted. */
async function failingInvitation(context: BrowserContext) {
  const state = { failing: true, requests: 0 };
  await context.route(/\/api\/invitations\/[^/]+$/, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    state.requests++;
    return state.failing ? route.abort('internetdisconnected') : route.continue();
  });
  return state;
}

/** The link says why with "Försök igen", which asks again; nothing thrown. */
async function saysWhyWithRetry(page: Page, state: { requests: number }): Promise<void> {
  const alert = page.locator('.retry-error[role="alert"]');
  await alert.waitFor({ timeout: 30_000 });
  expect(await alert.textContent()).toContain('Servern kunde inte nås');
  const before = state.requests;
  await alert.getByRole('button', { name: 'Försök igen' }).click();
  await expect.poll(() => state.requests, POLL).toBeGreaterThan(before);
  await alert.waitFor();
  expect(await page.locator('h1').count()).toBe(1);
}

describe('an invitation link opened without an answer', () => {
  it('not signed in: says why with "Försök igen", then shows the invitation on the online event', async () => {
    const context = await browser.newContext({ locale: 'sv-SE', serviceWorkers: 'block' });
    const state = await failingInvitation(context);
    const page = await context.newPage();
    const thrown: string[] = [];
    page.on('pageerror', (error) => thrown.push(String(error).slice(0, 200)));
    await page.goto(link);
    await saysWhyWithRetry(page, state);
    state.failing = false;
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.getByText('Du är inbjuden till arbetsytan', { exact: false }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Logga in' }).first().waitFor();
    expect(await page.locator('.retry-error').count()).toBe(0);
    expect(thrown).toEqual([]);
    await context.close();
  });

  it('signed in: shows the invitation with "Acceptera inbjudan" once the connection comes back', async () => {
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se', { serviceWorkers: 'block' });
    const state = await failingInvitation(erik.context);
    const page = await erik.context.newPage();
    await page.goto(link);
    await saysWhyWithRetry(page, state);
    await erik.context.setOffline(true);
    state.failing = false;
    await erik.context.setOffline(false);
    await page.getByRole('button', { name: 'Acceptera inbjudan' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.retry-error').count()).toBe(0);
    await erik.context.close();
  });
});
