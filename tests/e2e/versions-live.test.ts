/**
 * Issue 17 leftover ("every user, every screen"): the document page's versions panel learnt
 * a version saved or adopted by someone else only on the next edit — adopting changes no
 * content, so the live draft never says it. Like the guest page and the presentation view it
 * now asks again while it is shown (client/lib/poll-while-open.ts). Anna has the plan open;
 * Erik saves a version and then adopts one over the API, with no edit: her panel lists each
 * within ~10 s, without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
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

const DECISION = { body: 'Kommunstyrelsen', date: '2027-03-15', reference: 'KS 2027-03-15 § 42' };

describe('the versions panel follows versions others save and adopt', () => {
  it('lists a version Erik saves, then shows the one he adopts as adopted, with no edit and no reload', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    await erik.context.close();
    const doc = await freshPlan(anna.api, 'Versioner som följer');
    const page = await anna.context.newPage();
    await openPlan(page, server, doc);
    const panel = page.locator('.versions-panel');
    await panel.locator('ul.versions').waitFor();
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));

    const named = await erik.api.json<{ id: string }>('POST', `/api/documents/${doc}/versions`, { name: 'Remissversion' }, 201);
    await expect.poll(() => panel.locator(`li[data-version="${named.id}"]`).count(), { timeout: 10_000 }).toBe(1);

    const adopted = await erik.api.json<{ id: string }>('POST', `/api/documents/${doc}/versions`, { name: 'Antagen plan 2027', decision: DECISION }, 201);
    const item = panel.locator(`li[data-version="${adopted.id}"]`);
    await expect.poll(() => panel.locator(`li[data-version="${adopted.id}"][data-adopted="true"]`).count(), { timeout: 10_000 }).toBe(1);
    expect(await item.textContent()).toContain('Kommunstyrelsen');
    expect(navigations).toEqual([]);
    await anna.context.close();
  });
});
