/**
 * A guest's share-link page kept current while it is open (user test u11, issues 17/18):
 * "Markerat som läst." goes when a newer change arrives; the adopted version's box says its
 * name once and the decision it is tied to, in the reader's language; a version adopted while
 * the page is open shows up without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { updateItem } from '../../shared/model/action-plan.js';
import { axeRuleViolations, launchBrowser, seriousAxeViolations } from './support/browser.js';
import { freshPlan, signedInContext, startE2eServer } from './support/fixture.js';
import { connectPeer, synced, type Peer } from '../support/yclient.js';
import { smalandIds } from '../support/smaland-edits.js';
import type { TestServer } from '../support/server.js';
import type { ApiClient } from '../support/api.js';

let server: TestServer;
let browser: Browser;
const peers: Peer[] = [];
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  for (const peer of peers) peer.destroy();
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const DECISION = { body: 'Kommunfullmäktige', date: '2027-03-15', reference: 'KF § 42' };

/** A fresh plan with a share link, Anna's API and a peer editing as her; the link's address on this server. */
async function sharedPlan(title: string) {
  const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
  contexts.push(anna.context);
  const doc = await freshPlan(anna.api, title);
  const link = await anna.api.json<{ url: string }>('POST', `/api/documents/${doc}/share-links`, { label: 'Ledamöter' }, 201);
  const peer = connectPeer(server.url, doc, { cookie: anna.api.sessionCookie });
  peers.push(peer);
  await synced(peer);
  return { api: anna.api as ApiClient, doc, peer, url: link.url.replace(/^https?:\/\/[^/]+/, server.url) };
}

/** The guest's page on `url`, live, in a browser speaking `locale`, `width` px wide. */
async function guestPage(url: string, locale = 'sv-SE', width = 768): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 1024 }, locale });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.present [data-status="online"]').waitFor();
  return page;
}

describe('a guest on a share link, while the page stays open', () => {
  it('loses "Markerat som läst." once a newer change is listed, and can mark that one read', async () => {
    const { peer, url } = await sharedPlan('Läst och oläst');
    const page = await guestPage(url);
    const changes = page.locator('.changes-panel');
    const markRead = changes.getByRole('button', { name: 'Markera som läst' });
    await changes.getByText('Det här är ditt första besök.', { exact: false }).waitFor();
    await markRead.click();
    await changes.getByText('Markerat som läst.').waitFor();
    await changes.getByText('Inget har ändrats sedan ditt senaste besök.').waitFor();

    updateItem(peer.doc, 'activities', smalandIds(peer.doc).a21, { budget: 1_00 });
    await expect.poll(async () => plain(await changes.textContent())).toContain('Efter: 1 kr');
    // The list and the notice change in one update: the newer change is unread.
    expect(await changes.getByText('Markerat som läst.').count()).toBe(0);
    expect(await changes.locator('[data-changes-notice]').count()).toBe(0);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/guest-unread.png`, fullPage: true });
    // Marking again reads it and confirms again.
    await markRead.click();
    await changes.getByText('Markerat som läst.').waitFor();
    await changes.getByText('Inget har ändrats sedan ditt senaste besök.').waitFor();
  });

  // The box of the adopted version, per language: its name once, then the decision it is tied to.
  const boxes = [
    ['sv-SE', 'Antagen version Antagen plan 2027 Antagen av Kommunfullmäktige 15 mars 2027 (KF § 42) Antagen version mot utkastet'],
    ['nb-NO', 'Vedtatt versjon Antagen plan 2027 Vedtatt av Kommunfullmäktige 15. mars 2027 (KF § 42) Vedtatt versjon mot utkastet'],
    ['en-GB', 'Adopted version Antagen plan 2027 Adopted by Kommunfullmäktige 15 March 2027 (KF § 42) Adopted version vs the draft'],
  ] as const;
  it.each(boxes)('in %s sees the adopted version named once, with its decision body and date', async (locale, expected) => {
    const { api, doc, url } = await sharedPlan(`Antagen ${locale}`);
    await api.json('POST', `/api/documents/${doc}/versions`, { name: 'Antagen plan 2027', decision: DECISION }, 201);
    const page = await guestPage(url, locale);
    const box = page.locator('.adopted-vs-live');
    await box.waitFor();
    expect(plain(await box.innerText())).toBe(expected);
    if (process.env.SCREENSHOTS) await box.screenshot({ path: `${process.env.SCREENSHOTS}/guest-adopted-${locale}.png` });
  });

  it('sees a version adopted while the page is open, and its comparison follows a newer adoption', async () => {
    const { api, doc, peer, url } = await sharedPlan('Antas medan gästen läser');
    const page = await guestPage(url);
    await page.locator('.changes-panel').waitFor();
    expect(await page.locator('.adopted-vs-live').count()).toBe(0);

    // The coordinator adopts while the guest reads: no reload, the box and its button come.
    await api.json('POST', `/api/documents/${doc}/versions`, { name: 'Antagen plan 2027', decision: DECISION }, 201);
    const button = page.getByRole('button', { name: 'Antagen version mot utkastet' });
    await button.waitFor({ timeout: 30_000 });
    updateItem(peer.doc, 'activities', smalandIds(peer.doc).a11, { budget: 480_000_00 });
    const result = page.locator('.adopted-vs-live .compare-result');
    await button.click();
    await expect.poll(async () => plain(await result.textContent())).toContain('Efter: 480 000 kr (+60 000 kr)');
    expect(plain(await result.locator('h3').textContent())).toBe('Skillnader: Antagen version ”Antagen plan 2027” (KF § 42) → Utkastet (live)');

    // A newer adoption (the edited plan) replaces it: the name and the comparison shown follow.
    await api.json('POST', `/api/documents/${doc}/versions`, { name: 'Reviderad plan 2027', decision: { ...DECISION, reference: 'KF § 50' } }, 201);
    await expect.poll(async () => plain(await result.locator('h3').textContent()), { timeout: 30_000 }).toBe('Skillnader: Antagen version ”Reviderad plan 2027” (KF § 50) → Utkastet (live)');
    await expect.poll(async () => plain(await result.textContent())).toContain('Inga skillnader.');
    expect(plain(await page.locator('[data-adopted-name]').textContent())).toBe('Reviderad plan 2027');
    if (process.env.SCREENSHOTS) await page.locator('.adopted-vs-live').screenshot({ path: `${process.env.SCREENSHOTS}/guest-adopted-live.png` });
  });

  it('at 390 px, with the adopted box, its comparison and an unread change, passes axe', async () => {
    const { api, doc, peer, url } = await sharedPlan('Smal skärm');
    await api.json('POST', `/api/documents/${doc}/versions`, { name: 'Antagen plan 2027', decision: DECISION }, 201);
    const page = await guestPage(url, 'sv-SE', 390);
    const changes = page.locator('.changes-panel');
    await changes.getByRole('button', { name: 'Markera som läst' }).click();
    await changes.getByText('Markerat som läst.').waitFor();
    updateItem(peer.doc, 'activities', smalandIds(peer.doc).a21, { budget: 1_00 });
    await expect.poll(async () => plain(await changes.textContent())).toContain('Efter: 1 kr');
    await page.getByRole('button', { name: 'Antagen version mot utkastet' }).click();
    await expect.poll(async () => plain(await page.locator('.adopted-vs-live .compare-result').textContent())).toContain('Efter: 1 kr');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await axeRuleViolations(page, ['heading-order', 'region'])).toEqual([]);
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/guest-390.png` });
  });
});
