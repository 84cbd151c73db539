/**
 * The browser boundary in real Chromium (issue 16 item 6): the app runs under its own CSP
 * with no violation in any editor, every kind of response carries the headers, and a page
 * of another origin cannot frame the signed-in UI.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { signedInContext, startE2eServer } from './support/fixture.js';
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

/** Every CSP violation the page reports, as "directive blocked-uri". */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

describe('content security policy in the browser', () => {
  it('the app signs in, lists documents and opens every editor without one violation', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const workspace = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
    const ready: Record<string, string> = { 'action-plan': '[data-total="planned"]', strategy: '.indicator-chart canvas', agenda: '.agenda-item' };
    for (const document of workspace.documents) {
      const response = await page.goto(`${server.url}/d/${document.id}`);
      expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      await page.locator('[data-status="online"]').waitFor();
      await page.locator(ready[document.kind] ?? 'main').first().waitFor();
      if (document.kind !== 'action-plan') continue;
      // Typing into a co-edited text loads CodeMirror, which draws its theme as <style>.
      const description = page.locator('[id^="f-activities-"][id$="-description"]').first();
      await description.click();
      await page.locator('.cm-content').first().waitFor();
      await page.keyboard.type('x');
    }
    expect(violations).toEqual([]);
    await context.close();
  });

  it('headers arrive on HTML, API JSON, a static asset, an error and a 404', async () => {
    const page = await browser.newPage();
    const html = await page.goto(`${server.url}/login`);
    const asset = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[src]')?.src ?? '');
    const responses = [html, ...(await Promise.all([`${server.url}/api/health`, asset, `${server.url}/api/me`, `${server.url}/api/nope`].map((url) => page.request.get(url))))];
    expect(responses.map((response) => response?.status())).toEqual([200, 200, 200, 401, 404]);
    for (const response of responses) {
      const headers = response?.headers() ?? {};
      expect(headers['content-security-policy']).toContain("script-src 'self'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['x-frame-options']).toBe('DENY');
    }
    await page.close();
  });
});

describe('framing', () => {
  let foreign: Server;
  let foreignUrl: string;
  beforeAll(async () => {
    // Another origin (another port of the same host was enough in issue 16) framing the app.
    foreign = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><iframe id="app" src="${server.url}/" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => foreign.close(() => resolve())));

  it('a page of another origin cannot frame the signed-in UI', async () => {
    const { context } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const page = await context.newPage();
    const refused = page.waitForEvent('console', (message) => /frame-ancestors|Refused to display/i.test(message.text()));
    await page.goto(foreignUrl);
    await refused;
    const frame = page.frames().find((f) => f !== page.mainFrame());
    // The app never rendered inside: no app root in the frame.
    const appInFrame = await frame?.evaluate(() => document.querySelector('#app') !== null).catch(() => false);
    expect(appInFrame ?? false).toBe(false);
    await context.close();
  });
});
