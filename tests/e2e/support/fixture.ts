/** A real server with demo data and the built client, plus helpers to sign browser contexts in. */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../../../server/demo/seed.js';
import { ApiClient } from '../../support/api.js';
import { readSample } from '../../support/samples.js';
import { startTestServer, type TestServer } from '../../support/server.js';

export const CLIENT_DIR = fileURLToPath(new URL('../../../dist/client', import.meta.url));

export function startE2eServer(): Promise<TestServer> {
  return startTestServer({ demoData: true, clientDir: CLIENT_DIR });
}

/** A browser context's window and language (default 1 400 × 900 px, `sv-SE`) and its service workers. */
export interface ContextOptions {
  viewport?: { width: number; height: number };
  locale?: string;
  serviceWorkers?: 'allow' | 'block';
}

/**
 * A browser context signed in as a demo user (session cookie from the real log-in route).
 * `serviceWorkers: 'block'` keeps the app's offline shell out, for tests that route the
 * page's own requests (a worker's are not routed).
 */
export async function signedInContext(
  browser: Browser,
  server: TestServer,
  email: string,
  options: ContextOptions = {},
): Promise<{ context: BrowserContext; api: ApiClient }> {
  const api = new ApiClient(server.url);
  await api.json('POST', '/api/auth/login', { email, password: DEMO_PASSWORD }, 200);
  const [name = '', value = ''] = api.sessionCookie.split('=');
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE', ...options });
  await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  return { context, api };
}

/** A fresh copy of the Småland plan in the demo workspace, so tests do not share edits. */
export async function freshPlan(api: ApiClient, title: string): Promise<string> {
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = me.workspaces[0]?.id ?? '';
  const response = await api.request('POST', `/api/workspaces/${ws}/import?title=${encodeURIComponent(title)}`, readSample('handlingsplan-smaland.tsv'), {
    'content-type': 'text/tab-separated-values',
  });
  return ((await response.json()) as { id: string }).id;
}

export async function openPlan(page: Page, server: TestServer, id: string): Promise<void> {
  await page.goto(`${server.url}/d/${id}`);
  await page.locator('[data-status="online"]').waitFor();
  await page.locator('[data-total="planned"]').waitFor();
}

/** The activity row with the given number. */
export function activityRow(page: Page, number: string) {
  return page.locator(`tr.activity[data-number="${number}"]`);
}

/** The text of a CodeMirror editor, without the remote carets' name labels. */
export function editorText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const content = document.querySelector(sel);
    if (!content) return '';
    const copy = content.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.cm-ySelectionCaret, .cm-widgetBuffer').forEach((el) => el.remove());
    return [...copy.querySelectorAll('.cm-line')].map((line) => line.textContent ?? '').join('\n');
  }, selector);
}

/** The message an input points to with aria-describedby (its error among them). */
export function describedText(input: Locator): Promise<string> {
  return input.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}
