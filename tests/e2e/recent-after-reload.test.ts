/**
 * User test U14 (leftovers, item 2): the presentation view marks "changes of the last
 * minutes" (DESIGN "Presentation view"), not only those that arrive while it is open. Erik
 * renames an activity in the editor; a presentation view Anna opens (or reloads) after it
 * marks that row "Ändrat nyss", and no other row; so does a guest's view through a share link.
 * The server's clock is moved 10 minutes on after the plan is made, so the plan's own making
 * lies before "the last minutes" (a document made within them marks nothing: its state then
 * is empty).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CLIENT_DIR, freshPlan, signedInContext } from './support/fixture.js';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

let shift = 0;
const clock = { now: () => Date.now() + shift, today: () => new Date(Date.now() + shift).toISOString().slice(0, 10) };
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ demoData: true, clientDir: CLIENT_DIR }, clock), launchBrowser()]);
}, 180_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});
const signedIn = async (email: string) => {
  const signed = await signedInContext(browser, server, email);
  contexts.push(signed.context);
  return signed;
};

/** The ids of the activity rows the presentation view marks as recently changed. */
const marked = (page: Page) => page.locator('tr.present-activity.recent').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-activity')));

describe('the presentation view after a reload', () => {
  it('marks what changed in the last minutes', async () => {
    const anna = await signedIn('anna@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Ändrat före laddning');
    shift = 10 * 60_000;
    const plan = await anna.api.json<{ goals: Array<{ activities: Array<{ id: string }> }> }>('GET', `/api/documents/${doc}/export.json`);
    const [a, b] = plan.goals.flatMap((g) => g.activities);
    if (!a || !b) throw new Error('the demo plan has activities');
    const editor = await anna.context.newPage();
    await editor.goto(`${server.url}/d/${doc}`);
    await editor.locator(`[id="f-activities-${b.id}-title"]`).click();
    await editor.keyboard.press('ControlOrMeta+a');
    await editor.keyboard.type('Nyss omdöpt');
    await editor.keyboard.press('Tab');
    // Stored: the export reads the new title.
    await expect.poll(async () => JSON.stringify(await anna.api.json('GET', `/api/documents/${doc}/export.json`))).toContain('Nyss omdöpt');

    const link = await anna.api.json<{ url: string }>('POST', `/api/documents/${doc}/share-links`, { label: 'Styrgrupp', expiresInDays: 7 }, 201);
    const member = await (await signedIn('lena@demo.samplan.se')).context.newPage();
    await member.goto(`${server.url}/d/${doc}/present`);
    const guestContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'sv-SE' });
    contexts.push(guestContext);
    const guest = await guestContext.newPage();
    await guest.goto(link.url.replace(/^https?:\/\/[^/]+/, server.url));
    for (const page of [member, guest]) {
      await page.locator(`tr.present-activity[data-activity="${a.id}"]`).waitFor();
      await expect.poll(() => marked(page)).toEqual([b.id]);
    }
    await member.reload();
    await expect.poll(() => marked(member)).toEqual([b.id]);
    for (const page of [member, guest]) {
      for (const width of [390, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await seriousAxeViolations(page)).toEqual([]);
      }
    }
  });
});
