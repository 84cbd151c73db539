/**
 * A page opened while the server cannot be reached (no connection, the worker has no answer
 * kept) says so with a way on, on every route that asks who is signed in — never "Laddar …"
 * for ever, and never an uncaught error (issue 17 item 3). Reading the failed session in the
 * header threw and ended the page's update before it showed why (CI, after-session e2e).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { inviteToken } from '../support/api.js';
import type { TestServer } from '../support/server.js';
import { launchBrowser } from './support/browser.js';
import { freshPlan, signedInContext, startE2eServer } from './support/fixture.js';

let server: TestServer;
let browser: Browser;
let routes: Array<[string, string]>;
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
  await anna.context.close();
  const doc = await freshPlan(anna.api, 'Utan svar');
  const me = await anna.api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = me.workspaces[0]?.id ?? '';
  const { invitation } = await anna.api.json<{ invitation: { url: string } }>('POST', `/api/workspaces/${ws}/members`, { email: 'utan.svar@example.se', role: 'editor' }, 201);
  routes = [
    ['the workspace list', '/'],
    ['a workspace', `/w/${ws}`],
    ['a document', `/d/${doc}`],
    ['a presentation', `/d/${doc}/present`],
    ['a version', `/d/${doc}/versions/v1`],
    ['the account page', '/konto'],
    ['an invitation', `/invite/${inviteToken(invitation.url)}`],
  ];
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a start whose "who am I" gets no answer', () => {
  it('says "Servern kunde inte nås" with a way on, on every route, and throws nothing', async () => {
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se', { serviceWorkers: 'block' });
    await erik.context.route(/\/api\/me$/, (route) => route.abort('internetdisconnected'));
    const page = await erik.context.newPage();
    const thrown: string[] = [];
    page.on('pageerror', (error) => thrown.push(`${page.url()}: ${String(error).slice(0, 200)}`));
    for (const [name, path] of routes) {
      await page.goto(`${server.url}${path}`);
      const alert = page.locator('[role="alert"]', { hasText: 'Servern kunde inte nås' });
      await alert.waitFor({ timeout: 30_000 }).catch((error: unknown) => {
        throw new Error(`${name} (${path}) never said the server could not be reached: ${JSON.stringify(thrown)}`, { cause: error });
      });
      expect(await alert.getByRole('button', { name: 'Försök igen' }).count(), name).toBe(1);
      expect(await page.locator('h1').count(), name).toBe(1);
      expect(await page.getByText('Laddar …').count(), name).toBe(0);
    }
    expect(thrown).toEqual([]);
    await erik.context.close();
  });
});
