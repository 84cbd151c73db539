/**
 * Issue 17 user-test leftover: a panel that loads from the API and fails says so with a way
 * on — "Försök igen" loads again — in every such panel (versions of a plan, a strategy and
 * an agenda, share links, the change log, "changed since your last visit"), in sv, nb, en.
 * The API fails while the test says so; the button is proven to ask again (a new request,
 * still failing, still offered), then to show the list once the API answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { signedInContext, startE2eServer } from './support/fixture.js';
import type { ApiClient } from '../support/api.js';
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

async function demoDocument(api: ApiClient, kind: string): Promise<string> {
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  return ws.documents.find((d) => d.kind === kind)?.id ?? '';
}

/** Answers GETs matching `pattern` with a 500 while `failing`; counts the requests. */
async function failing(page: Page, pattern: RegExp) {
  const state = { failing: true, requests: 0 };
  await page.route(pattern, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    state.requests++;
    if (!state.failing) return route.continue();
    await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'Internt fel (test)' } }) });
  });
  return state;
}

/** The retry is offered, asks again when pressed (still failing: still offered), and shows `loaded` once the API answers. */
async function provesRetry(panel: Locator, state: { failing: boolean; requests: number }, loaded: Locator, retryName: string): Promise<void> {
  const alert = panel.locator('.retry-error[role="alert"]');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('Internt fel (test)');
  const button = alert.getByRole('button', { name: retryName });
  const before = state.requests;
  await button.click();
  await expect.poll(() => state.requests).toBeGreaterThan(before);
  await alert.waitFor();
  state.failing = false;
  // A panel also loads again by itself when the live document settles: then the button may
  // be gone before this click, and `loaded` comes either way.
  await Promise.race([button.click().catch(() => undefined), loaded.waitFor()]);
  await loaded.waitFor();
  expect(await alert.count()).toBe(0);
}

describe('panels that load from the API offer "Försök igen"', () => {
  for (const kind of ['action-plan', 'strategy', 'agenda']) {
    it(`versions, share links and the change log of the ${kind}`, async () => {
      const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se', { serviceWorkers: 'block' });
      const page = await context.newPage();
      const versions = await failing(page, /\/api\/documents\/[^/]+\/versions$/);
      const links = await failing(page, /\/api\/documents\/[^/]+\/share-links$/);
      const history = await failing(page, /\/api\/documents\/[^/]+\/history(\?.*)?$/);
      await page.goto(`${server.url}/d/${await demoDocument(api, kind)}`);
      await page.locator('[data-status="online"]').waitFor();
      const versionsPanel = page.locator('section.versions-panel');
      await provesRetry(versionsPanel, versions, versionsPanel.locator('ul.versions'), 'Försök igen');
      const sharePanel = page.locator('section.share-panel');
      await provesRetry(sharePanel, links, sharePanel.locator('ul.members'), 'Försök igen');
      const log = page.locator('details.history-log');
      await log.locator('summary').click();
      await provesRetry(log, history, log.locator('.history-list, p.muted').first(), 'Försök igen');
      await context.close();
    });
  }

  for (const [locale, retry] of [['nb-NO', 'Prøv igjen'], ['en-GB', 'Try again']] as const) {
    it(`"changed since your last visit" and versions on the presentation view, in ${locale}`, async () => {
      const { context: signedIn, api } = await signedInContext(browser, server, 'erik@demo.samplan.se');
      const cookies = await signedIn.cookies();
      await signedIn.close();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale, serviceWorkers: 'block' });
      await context.addCookies(cookies);
      const page = await context.newPage();
      const changes = await failing(page, /\/api\/documents\/[^/]+\/changes(\?.*)?$/);
      const versions = await failing(page, /\/api\/documents\/[^/]+\/versions$/);
      await page.goto(`${server.url}/d/${await demoDocument(api, 'action-plan')}/present`);
      await page.locator('.present [data-status="online"]').waitFor();
      const changesPanel = page.locator('section.changes-panel');
      await provesRetry(changesPanel, changes, changesPanel.locator('[data-changes-at]'), retry);
      // Versions are folded away on the presentation view.
      await page.locator('details.versions-details summary').click();
      const versionsPanel = page.locator('section.versions-panel');
      await provesRetry(versionsPanel, versions, versionsPanel.locator('ul.versions'), retry);
      await context.close();
    });
  }
});
