/**
 * Issue 18 follow-up (a fresh user test), the panels that compare with the live draft: they
 * follow it while it changes; "Antagen version mot utkastet" is one visible button whose
 * result names both states and takes focus; "Jämför" starts from the adopted version;
 * amounts show signed deltas and "Kvar att fördela"; a restore by someone else is announced
 * and listed without reload; leaving the presentation view records no visit (only the button does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addActivity, updateItem } from '../../shared/model/action-plan.js';
import { launchBrowser } from './support/browser.js';
import { freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
import { connectPeer, synced, type Peer } from '../support/yclient.js';
import { smalandIds } from '../support/smaland-edits.js';
import type { TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
const peers: Peer[] = [];
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  for (const peer of peers) peer.destroy();
  await browser?.close();
  await server?.stop();
});

const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ').trim();
const DECISION = { body: 'Kommunstyrelsen', date: '2027-03-15', reference: 'KS 2027-03-15 § 42' };

async function openPresent(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.locator('.present [data-status="online"]').waitFor();
}

/** Erik editing from outside the browser, as a real y-websocket client. */
async function erikPeer(doc: string): Promise<Peer> {
  const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
  await erik.context.close();
  const peer = connectPeer(server.url, doc, { cookie: erik.api.sessionCookie });
  peers.push(peer);
  await synced(peer);
  return peer;
}

describe('panels that compare with the live draft', () => {
  it('adopted vs live: one visible button, the result names both states, takes focus and follows the draft', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const lena = await signedInContext(browser, server, 'lena@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Följer utkastet');
    await anna.api.json('POST', `/api/documents/${doc}/versions`, { name: 'Antagen plan 2027', decision: DECISION }, 201);
    const page = await lena.context.newPage();
    await page.setViewportSize({ width: 1024, height: 700 });
    await openPresent(page, `/d/${doc}/present`);
    const button = page.getByRole('button', { name: 'Antagen version mot utkastet' });
    expect(await button.isVisible()).toBe(true);
    await button.click();
    const heading = page.locator('.adopted-vs-live .compare-result h3');
    await heading.waitFor();
    expect(plain(await heading.textContent())).toBe('Skillnader: Antagen version ”Antagen plan 2027” (KS 2027-03-15 § 42) → Utkastet (live)');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    expect(plain(await page.locator('.adopted-vs-live .compare-result').textContent())).toContain('Inga skillnader.');

    const peer = await erikPeer(doc);
    const { a11, goal1 } = smalandIds(peer.doc);
    updateItem(peer.doc, 'activities', a11, { budget: 480_000_00 });
    const result = page.locator('.adopted-vs-live .compare-result');
    await expect.poll(async () => plain(await result.textContent()), { timeout: 10_000 }).toContain('Efter: 480 000 kr (+60 000 kr)');
    expect(plain(await result.locator('[data-totals="planned"]').textContent())).toBe('Planerat totalt: 3 281 250 kr → 3 341 250 kr (+60 000 kr)');
    expect(plain(await result.locator('[data-totals="remaining"]').textContent())).toBe('Kvar att fördela: 88 750 kr → 28 750 kr (−60 000 kr)');
    // Before and after are separate lines with words, and the new value is not underlined like a link.
    expect(await result.innerText()).toMatch(/Före:\s420\s000\skr\s*\n\s*Efter:\s480\s000\skr/);
    expect(await result.locator('.change-new').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none');

    // An added activity says its budget.
    addActivity(peer.doc, goal1, { number: '1.3', title: 'Solceller på skolor', budget: 75_000_00 });
    await expect.poll(async () => plain(await result.textContent()), { timeout: 10_000 }).toContain('Tillagt 1.3 Solceller på skolor · Budget: 75 000 kr');
    await Promise.all([anna.context.close(), lena.context.close()]);
  });

  it('"Jämför" starts from the adopted version to the live draft, and "Ändrat sedan" follows the draft; marking read keeps later edits', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const lena = await signedInContext(browser, server, 'lena@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Jämför och läs');
    const adopted = await anna.api.json<{ id: string }>('POST', `/api/documents/${doc}/versions`, { name: 'Antagen', decision: DECISION }, 201);
    await anna.api.json('POST', `/api/documents/${doc}/versions`, { name: 'Senare utkast' }, 201);
    expect((await lena.api.request('POST', `/api/documents/${doc}/visits`)).status).toBe(204);
    const page = await lena.context.newPage();
    await openPresent(page, `/d/${doc}/present`);
    await page.locator('summary', { hasText: 'Versioner' }).click();
    const [from, to] = await page.locator('.versions-panel .compare select').all();
    expect([await from?.inputValue(), await to?.inputValue()]).toEqual([adopted.id, 'live']);

    const changes = page.locator('.changes-panel');
    await changes.getByText('Inget har ändrats sedan ditt senaste besök.').waitFor();
    const peer = await erikPeer(doc);
    updateItem(peer.doc, 'activities', smalandIds(peer.doc).a11, { budget: 400_000_00 });
    // No reload: the list follows the draft.
    await expect.poll(async () => plain(await changes.textContent()), { timeout: 10_000 }).toContain('Efter: 400 000 kr (−20 000 kr)');
    await changes.getByRole('button', { name: 'Markera som läst' }).click();
    await changes.getByText('Inget har ändrats sedan ditt senaste besök.').waitFor();
    updateItem(peer.doc, 'activities', smalandIds(peer.doc).a21, { budget: 1_00 });
    await expect.poll(async () => plain(await changes.textContent()), { timeout: 10_000 }).toContain('Efter: 1 kr');
    await Promise.all([anna.context.close(), lena.context.close()]);
  });

  it('leaving the presentation view records no visit (U13): only "Markera som läst" does', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const lena = await signedInContext(browser, server, 'lena@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Besök när man går');
    const since = () => lena.api.json<{ from: { kind: string } }>('GET', `/api/documents/${doc}/changes?since=last-visit`);
    const page = await lena.context.newPage();
    await openPresent(page, `/d/${doc}/present`);
    await page.getByText('Det här är ditt första besök.', { exact: false }).waitFor();
    expect((await since()).from.kind).toBe('none');
    await page.goto('about:blank');
    await openPresent(page, `/d/${doc}/present`);
    await page.getByText('Det här är ditt första besök.', { exact: false }).waitFor();
    expect((await since()).from.kind).toBe('none');
    await page.getByRole('button', { name: 'Markera som läst' }).click();
    await expect.poll(async () => (await since()).from.kind, { timeout: 10_000 }).toBe('visit');
    await Promise.all([anna.context.close(), lena.context.close()]);
  });
});

describe('a restore by someone else', () => {
  it('is announced to an editor whose content was replaced, and listed without reload', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Återställs');
    const version = await anna.api.json<{ id: string }>('POST', `/api/documents/${doc}/versions`, { name: 'Remiss' }, 201);
    const page = await erik.context.newPage();
    await openPlan(page, server, doc);
    await page.locator(`[data-version="${version.id}"]`).waitFor();
    // Something to restore over: an edit after the version.
    const peer = await erikPeer(doc);
    updateItem(peer.doc, 'activities', smalandIds(peer.doc).a11, { budget: 1_00 });
    await expect.poll(async () => plain(await page.locator('[data-total="planned"]').textContent()), { timeout: 10_000 }).toBe('2 861 251 kr');
    await anna.api.json('POST', `/api/documents/${doc}/versions/${version.id}/restore`, undefined, 200);
    const notice = page.locator('.restore-notice');
    await notice.waitFor({ timeout: 10_000 });
    expect(plain(await notice.locator('span').first().textContent())).toBe('Dokumentet återställdes till versionen ”Remiss” av Anna Samordnare.');
    expect(await notice.getAttribute('role')).toBe('status');
    await page.locator('.versions li', { hasText: 'Före återställning' }).waitFor();
    await Promise.all([anna.context.close(), erik.context.close()]);
  });
});
