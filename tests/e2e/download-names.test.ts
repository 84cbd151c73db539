/**
 * Issue 17 (download file names) in real Chromium: the minutes of "Nätverksträff 1:
 * Uppstart" at 09:00 were saved as "…09_00 Nätverksträff 1_ Uppstart.docx". Every
 * download on the agenda is now saved under the name the app chose, safe on every system
 * (shared/file-name.test.ts holds the class), times as Swedish 09.00.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

/** Windows' list, the longest of the three systems', plus control characters. */
const UNSAFE = /[:/\\*?"<>|\u0000-\u001f]|[ .]\.\w+$|^[ .]/;

describe('download file names', () => {
  it('the minutes are saved under the meeting’s date, time (09.00) and title, with no character a system rewrites', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
    const agenda = ws.documents.find((d) => d.kind === 'agenda')?.id ?? '';
    const page = await context.newPage();
    await page.goto(`${server.url}/d/${agenda}`);
    await page.locator('[data-status="online"]').waitFor();

    const minutes = page.locator('section.meeting .meeting-minutes a[download]').first();
    const expected = 'Nätverksträffar 2027 2027-03-11 09.00 Nätverksträff 1 - Uppstart.docx';
    // The link's own name (what a browser uses without a server name) and the server's agree …
    expect(await minutes.getAttribute('download')).toBe(expected);
    const [download] = await Promise.all([page.waitForEvent('download'), minutes.click()]);
    expect((await download.failure()) ?? 'ok').toBe('ok');
    // … and Chromium saves it as it is, with nothing replaced by "_".
    expect(download.suggestedFilename()).toBe(expected);

    // Every other download on the agenda, too.
    const links = page.locator('a[download]');
    const names: string[] = [];
    for (let i = 0; i < (await links.count()); i++) {
      const [each] = await Promise.all([page.waitForEvent('download'), links.nth(i).click()]);
      names.push(each.suggestedFilename());
    }
    expect(names.length).toBeGreaterThan(2);
    expect(names.filter((name) => UNSAFE.test(name) || name.includes('_'))).toEqual([]);
    await context.close();
  });
});
