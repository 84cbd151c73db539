/**
 * A change the server refuses never loops (issue 17): this browser's copy (IndexedDB) holds
 * an edit the server refuses with 1008 (a bidi override in a title, as an undo or an older
 * client could leave there), and every socket the page opens sends it again. In real
 * Chromium against the real server: the page stops after a bounded number of sockets, says
 * in Swedish that the latest change could not be saved and why, keeps the text on screen,
 * and "Ladda om dokumentet" drops the refused change from this browser's copy, so the page
 * and a reload of it are online with the server's version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { actionPlanRoots, allActivities, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { launchBrowser } from './support/browser.js';
import { activityRow, freshPlan, signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';
import type { ApiClient } from '../support/api.js';
import { connectPeer, synced } from '../support/yclient.js';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Sockets a page may open while the server refuses: the first and two retries (client/sync/close-codes.ts). */
const MAX_SOCKETS = 3;
/** Longer than y-websocket's largest wait between sockets (2.5 s): a page still retrying would have opened another. */
const LONGER_THAN_A_RETRY_MS = 4_000;
const REFUSED_TITLE = 'Refuserad';

/** The document as the server has it, plus activity 1.1's title with `REFUSED_TITLE` and a U+202E: one whole state. */
async function refusedState(api: ApiClient, doc: string): Promise<number[]> {
  const peer = connectPeer(server.url, doc, { cookie: api.sessionCookie });
  await synced(peer);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(peer.doc));
  peer.destroy();
  const plan = await api.json<ActionPlanJSON>('GET', `/api/documents/${doc}/export.json`);
  const id = allActivities(plan).find((a) => a.number === '1.1')?.id ?? '';
  const title = (actionPlanRoots(copy).activities.get(id) as Y.Map<unknown> | undefined)?.get('title');
  if (!(title instanceof Y.Text)) throw new Error('activity 1.1 has no title text');
  title.insert(0, `${REFUSED_TITLE}\u202e `);
  return [...Y.encodeStateAsUpdate(copy)];
}

/** Writes `update` as this browser's copy of `doc` (y-indexeddb's database: stores `updates` and `custom`). */
async function seedLocalCopy(page: Page, name: string, update: number[]): Promise<void> {
  await page.evaluate(
    ({ name, update }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('updates', { autoIncrement: true });
          open.result.createObjectStore('custom');
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('updates', 'readwrite');
          tx.objectStore('updates').add(new Uint8Array(update));
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name, update },
  );
}

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('a change the server refuses', () => {
  it('stops after a bounded number of sockets, says why, keeps the text; "Ladda om dokumentet" goes on from the server', async () => {
    // No service worker: its first taking control may reload the page once, a socket more that is not a retry.
    const { context, api } = await signedInContext(browser, server, 'erik@demo.samplan.se', { serviceWorkers: 'block' });
    const doc = await freshPlan(api, 'Avvisad ändring');
    const me = await api.json<{ user: { id: string } }>('GET', '/api/me');
    const update = await refusedState(api, doc);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await seedLocalCopy(page, `samplan:${me.user.id}:${doc}`, update);
    let sockets = 0;
    page.on('websocket', () => void (sockets += 1));

    await page.goto(`${server.url}/d/${doc}`);
    const notice = page.locator('[data-notice="refused"]');
    await notice.waitFor();
    expect(plain(await notice.textContent())).toContain('Din senaste ändring kunde inte sparas: servern tog inte emot den.');
    expect(plain(await notice.textContent())).toContain('tecken som inte får stå i en text');
    expect(plain(await page.locator('[data-status]').first().textContent())).toContain('Din senaste ändring kunde inte sparas');
    // The work stays on screen.
    expect(plain(await activityRow(page, '1.1').textContent())).toContain(REFUSED_TITLE);
    const stoppedAt = sockets;
    expect(stoppedAt).toBeGreaterThanOrEqual(1);
    expect(stoppedAt).toBeLessThanOrEqual(MAX_SOCKETS);
    // Neither time nor the network coming back opens another socket.
    await context.setOffline(true);
    await context.setOffline(false);
    await page.waitForTimeout(LONGER_THAN_A_RETRY_MS);
    expect(sockets).toBe(stoppedAt);

    await notice.getByRole('button', { name: 'Ladda om dokumentet' }).click();
    await page.locator('[data-status="online"]').waitFor();
    await expect.poll(async () => plain(await activityRow(page, '1.1').textContent())).not.toContain(REFUSED_TITLE);
    expect(await notice.count()).toBe(0);
    // The refused change is gone from this browser's copy: a reload is online at once, nothing refused.
    await page.reload();
    await page.locator('[data-status="online"]').waitFor();
    expect(plain(await activityRow(page, '1.1').textContent())).not.toContain(REFUSED_TITLE);
    // Had the copy still held it, the first socket would have been refused at once, then the notice shown.
    await page.waitForTimeout(LONGER_THAN_A_RETRY_MS);
    expect(await notice.count()).toBe(0);
    expect(await page.locator('[data-status="online"]').count()).toBe(1);
    await context.close();
  });
});
