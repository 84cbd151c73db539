/**
 * When the server ends or narrows a session, people are told, in words (issues 15 item 7,
 * 16 item 2, DESIGN "Protected document fields"): a demoted editor's page turns read-only
 * at once, drops what the server did not accept and says so; logging out in another tab
 * says "Du har loggats ut" with a way to sign in again; a read-only document says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
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

/**
 * Routes the context's document sockets, keeping each so a test can close it with a code.
 * The first `connected` sockets reach the server; later ones are opened but never answered,
 * so the page stays in what it shows while reconnecting.
 */
async function routeSockets(context: BrowserContext, connected = Infinity): Promise<WebSocketRoute[]> {
  const sockets: WebSocketRoute[] = [];
  await context.routeWebSocket(/\/ws\//, (route) => {
    if (sockets.length < connected) route.connectToServer();
    sockets.push(route);
  });
  return sockets;
}

const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ').trim();
const budget = (page: Page, number: string) => activityRow(page, number).getByLabel(`Budget ${number}`);

async function setRole(coordinator: ApiClient, email: string, role: 'viewer' | 'editor'): Promise<void> {
  const me = await coordinator.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = me.workspaces[0]?.id ?? '';
  const workspace = await coordinator.json<{ members: Array<{ id: string; email: string }> }>('GET', `/api/workspaces/${ws}`);
  const member = workspace.members.find((m) => m.email === email);
  await coordinator.json('PATCH', `/api/workspaces/${ws}/members/${member?.id ?? ''}`, { role });
}

describe('a session the server narrows or ends', () => {
  it('a demoted editor turns read-only at once and keeps nothing the server refused', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Degraderad');
    // What Erik's page sends is held back from now on: the server never accepts his next edit.
    let holdBack = false;
    await erik.context.routeWebSocket(/\/ws\//, (route) => {
      const toServer = route.connectToServer();
      route.onMessage((message) => {
        if (!holdBack) toServer.send(message);
      });
    });
    const page = await erik.context.newPage();
    await openPlan(page, server, doc);
    const before = await budget(page, '1.1').inputValue();
    holdBack = true;
    await budget(page, '1.1').fill('999 999');
    await budget(page, '1.1').press('Enter');
    await expect.poll(() => budget(page, '1.1').inputValue()).toBe('999 999');

    await setRole(anna.api, 'erik@demo.samplan.se', 'viewer');
    // The server closed Erik's socket (4403); the page's next socket is not held back.
    holdBack = false;
    const notice = page.locator('[role="status"][data-notice="role-lowered"]');
    await expect.poll(() => notice.textContent()).toBe('Din roll har ändrats till läsare. Ändringar som inte hann sparas togs inte emot.');
    await page.locator('[data-status="online"]').waitFor();
    await expect.poll(() => budget(page, '1.1').inputValue()).toBe(before);
    expect(await budget(page, '1.1').isEditable()).toBe(false);
    // The refused edit is gone from this browser too: a reload does not bring it back.
    await page.reload();
    await openPlan(page, server, doc);
    expect(await budget(page, '1.1').inputValue()).toBe(before);
    await setRole(anna.api, 'erik@demo.samplan.se', 'editor');
    await Promise.all([anna.context.close(), erik.context.close()]);
  });

  it('an editor demoted while offline turns read-only when back, and keeps nothing the server dropped', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Degraderad offline');
    const page = await erik.context.newPage();
    await openPlan(page, server, doc);
    const before = await budget(page, '1.1').inputValue();
    await erik.context.setOffline(true);
    await page.locator('[data-status="offline"]').waitFor();
    await budget(page, '1.1').fill('777 777');
    await budget(page, '1.1').press('Enter');
    await setRole(anna.api, 'erik@demo.samplan.se', 'viewer');
    await erik.context.setOffline(false);
    await page.locator('[role="status"][data-notice="role-lowered"]').waitFor();
    await page.locator('[data-status="online"]').waitFor();
    await expect.poll(() => budget(page, '1.1').inputValue()).toBe(before);
    expect(await budget(page, '1.1').isEditable()).toBe(false);
    // Made editor again (issue 15/16 item 4): "changed to viewer" gives way to "Du kan redigera igen", which can be closed.
    await setRole(anna.api, 'erik@demo.samplan.se', 'editor');
    const restored = page.locator('[role="status"][data-notice="role-restored"]');
    await restored.waitFor();
    expect(plain(await restored.textContent())).toContain('Du kan redigera igen.');
    expect(await page.locator('[data-notice="role-lowered"]').count()).toBe(0);
    await page.locator('[data-status="online"]').waitFor();
    expect(await budget(page, '1.1').isEditable()).toBe(true);
    await restored.getByRole('button', { name: 'Stäng' }).click();
    expect(await restored.count()).toBe(0);
    await Promise.all([anna.context.close(), erik.context.close()]);
  });

  it('a 4401 close (logged out elsewhere) says so, with a keyboard-reachable way to sign in again', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Utloggad');
    const sockets = await routeSockets(anna.context);
    const page = await anna.context.newPage();
    await openPlan(page, server, doc);
    await sockets.at(-1)?.close({ code: 4401, reason: 'Unauthorized' });
    await expect.poll(async () => plain(await page.locator('[data-status]').textContent())).toBe('Du har loggats ut');
    const alert = page.locator('[role="alert"][data-notice="signed-out"]');
    await alert.waitFor();
    const link = alert.getByRole('link', { name: 'Logga in igen' });
    expect(await link.getAttribute('href')).toBe(`/login?next=${encodeURIComponent(`/d/${doc}`)}`);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await anna.context.close();
  });

  it('a 4404 close says the document is gone, with a way back to the workspaces', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Borta');
    const sockets = await routeSockets(anna.context);
    const page = await anna.context.newPage();
    await openPlan(page, server, doc);
    await sockets.at(-1)?.close({ code: 4404, reason: 'Not Found' });
    const alert = page.locator('[role="alert"][data-ending="not-found"]');
    await alert.waitFor();
    expect(plain(await alert.textContent())).toContain('Dokumentet finns inte, eller har tagits bort.');
    expect(await alert.getByRole('link', { name: 'Till arbetsytorna' }).getAttribute('href')).toBe('/');
    await anna.context.close();
  });

  it('a 1013 close says the connection was overloaded while it reconnects', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Överbelastad');
    const sockets = await routeSockets(anna.context, 1);
    const page = await anna.context.newPage();
    await openPlan(page, server, doc);
    await sockets.at(-1)?.close({ code: 1013, reason: 'Try Again Later' });
    await expect.poll(() => sockets.length).toBe(2);
    await expect.poll(async () => plain(await page.locator('[data-status]').textContent())).toBe('Anslutningen var överbelastad, ansluter igen …');
    await anna.context.close();
  });

  it('a read-only document says why and cannot be edited, even by its coordinator', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Skrivskyddad');
    // The record as a server answers for a document it cannot migrate.
    await anna.context.route(`**/api/documents/${doc}`, async (route) => {
      const response = await route.fetch();
      const record = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...record, readOnly: { code: 'document.schema-too-new', message: 'Nyare version.' } } });
    });
    const page = await anna.context.newPage();
    await openPlan(page, server, doc);
    const banner = page.locator('[role="status"][data-notice="read-only"]');
    expect(plain(await banner.textContent())).toContain('Dokumentet är skrivskyddat');
    expect(plain(await banner.textContent())).toContain('nyare version av Samplan');
    expect(await budget(page, '1.1').isEditable()).toBe(false);
    // A re-read still in the handler when the context closes would reject unhandled (CI once).
    await anna.context.unrouteAll({ behavior: 'ignoreErrors' });
    await anna.context.close();
  });
});
