/**
 * A hostile awareness state (issue 15 item 4) sent by a second y-websocket client reaches
 * a signed-in page: no element becomes position:fixed, no style carries it, and the page
 * requests nothing from a foreign host. Once through the real server (which rewrites
 * colours and names), once relayed unchanged into the page's socket, as a server without
 * that rule would: the client's own sanitizing must hold alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { allActivities, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { launchBrowser } from './support/browser.js';
import { freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
import { connectPeer, synced, type Peer } from '../support/yclient.js';
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

const EVIL = 'red;position:fixed;inset:0;z-index:9999;background:url(http://evil.invalid/pixel.png)';

/** Elements whose computed position is fixed, and inline styles that carry anything but plain values. */
function unsafeRendering(page: Page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>('body *')];
    return {
      fixed: all.filter((el) => getComputedStyle(el).position === 'fixed').map((el) => el.className),
      styles: all.map((el) => el.getAttribute('style') ?? '').filter((style) => /url\(|position|evil/i.test(style)),
      injected: document.querySelectorAll('.presence img, .cm-ySelectionInfo img, .peer-marker img').length,
    };
  });
}

/** The hostile state, with a caret in `text` so the text binding draws it. */
function hostileState(text: Y.Text, activity: string): Record<string, unknown> {
  const at = Y.createRelativePositionFromTypeIndex(text, 4);
  return {
    user: { name: '<img src="http://evil.invalid/name.png">Eve', color: EVIL, colorLight: EVIL },
    editing: `activities:${activity}:description`,
    cursor: { anchor: at, head: at },
  };
}

/** Anna's page with activity 1.1's description open in the text editor; foreign requests are recorded and aborted. */
async function openDescription(context: BrowserContext, doc: string, activity: string): Promise<{ page: Page; editor: string; foreign: string[] }> {
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    if (new URL(route.request().url()).host === new URL(server.url).host) return route.continue();
    foreign.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  await openPlan(page, server, doc);
  const editor = `#f-activities-${activity}-description`;
  await page.locator(editor).click();
  await page.locator(`${editor}.cm-content`).waitFor();
  return { page, editor, foreign };
}

/** The state arrived (two people shown, her caret drawn) and changed nothing it must not. */
async function expectRenderedSafely(page: Page, editor: string, before: Awaited<ReturnType<typeof unsafeRendering>>, foreign: string[]): Promise<void> {
  await expect.poll(() => page.locator('.presence .avatar').count()).toBe(2);
  await page.locator(`${editor} .cm-ySelectionCaret`).waitFor();
  await page.locator('.peer-marker').waitFor();
  const after = await unsafeRendering(page);
  expect(after.fixed).toEqual(before.fixed);
  expect(after.styles).toEqual([]);
  expect(after.injected).toBe(0);
  expect(foreign).toEqual([]);
}

async function setUp(title: string) {
  const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
  const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
  const doc = await freshPlan(anna.api, title);
  const plan = await anna.api.json<ActionPlanJSON>('GET', `/api/documents/${doc}/export.json`);
  const activity = allActivities(plan).find((a) => a.number === '1.1')?.id ?? '';
  const { ticket } = await erik.api.json<{ ticket: string }>('POST', `/api/documents/${doc}/ticket`, undefined, 200);
  const eve: Peer = connectPeer(server.url, doc, { ticket });
  await synced(eve);
  const item = eve.doc.getMap('activities').get(activity);
  const text = item instanceof Y.Map ? item.get('description') : null;
  if (!(text instanceof Y.Text)) throw new Error('activity 1.1 has no description text');
  return { anna, erik, doc, activity, eve, text, close: () => Promise.all([anna.context.close(), erik.context.close()]).then(() => eve.destroy()) };
}

describe('a hostile awareness state', () => {
  it('sent through the server by a second client renders safely and loads nothing', async () => {
    const s = await setUp('Fientlig närvaro');
    const { page, editor, foreign } = await openDescription(s.anna.context, s.doc, s.activity);
    const before = await unsafeRendering(page);
    s.eve.provider.awareness.setLocalState(hostileState(s.text, s.activity));
    await expectRenderedSafely(page, editor, before, foreign);
    await s.close();
  });

  it('relayed unchanged into the page renders safely and loads nothing', async () => {
    const s = await setUp('Fientlig närvaro, orörd');
    const forged = new Awareness(new Y.Doc());
    forged.setLocalState(hostileState(s.text, s.activity));
    // Only the forged state may show besides Anna: the second client leaves first.
    s.eve.destroy();
    let socket: WebSocketRoute | undefined;
    await s.anna.context.routeWebSocket(/\/ws\//, (route) => {
      route.connectToServer();
      socket = route;
    });
    const { page, editor, foreign } = await openDescription(s.anna.context, s.doc, s.activity);
    await expect.poll(() => page.locator('.presence .avatar').count()).toBe(1);
    const before = await unsafeRendering(page);
    // y-websocket's awareness message: type 1, then the encoded awareness update.
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, 1);
    encoding.writeVarUint8Array(message, encodeAwarenessUpdate(forged, [forged.clientID]));
    socket?.send(Buffer.from(encoding.toUint8Array(message)));
    await expectRenderedSafely(page, editor, before, foreign);
    forged.destroy();
    await s.close();
  });
});
