/**
 * Issue 18 "Done when": a politician sees "adopted vs live draft" and "since your last visit"
 * on a share link too. The coordinator adopts a version and edits the plan; the guest's page
 * (no account) shows the adopted-vs-live changes with the edited budget; the guest marks
 * read, the coordinator edits again, and after a reload only the new change is listed — the
 * last visit kept by the guest's browser, under a key that is not the token; every request
 * the page makes stays on the server's origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { updateItem } from '../../shared/model/action-plan.js';
import { launchBrowser } from './support/browser.js';
import { freshPlan, signedInContext, startE2eServer } from './support/fixture.js';
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

describe('a guest on a share link', () => {
  it('sees adopted vs live with the edited budget, marks read, and after a reload only the newer change', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Delad och antagen');
    await anna.api.json('POST', `/api/documents/${doc}/versions`, { name: 'Antagen plan 2027', decision: DECISION }, 201);
    const link = await anna.api.json<{ url: string }>('POST', `/api/documents/${doc}/share-links`, { label: 'KS-ledamöter' }, 201);
    const url = link.url.replace(/^https?:\/\/[^/]+/, server.url);
    const token = url.split('/s/')[1] ?? '';
    // The coordinator edits from outside the guest's browser, as a real y-websocket client.
    const peer = connectPeer(server.url, doc, { cookie: anna.api.sessionCookie });
    peers.push(peer);
    await synced(peer);
    updateItem(peer.doc, 'activities', smalandIds(peer.doc).a11, { budget: 480_000_00 });

    const guest = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'sv-SE' });
    const page = await guest.newPage();
    const origins = new Set<string>();
    page.on('request', (request) => void origins.add(new URL(request.url()).origin));
    await page.goto(url);
    await page.locator('.present [data-status="online"]').waitFor();
    await page.getByRole('button', { name: 'Antagen version mot utkastet' }).click();
    const result = page.locator('.adopted-vs-live .compare-result');
    await expect.poll(async () => plain(await result.textContent()), { timeout: 10_000 }).toContain('Efter: 480 000 kr (+60 000 kr)');
    expect(plain(await result.locator('h3').textContent())).toBe('Skillnader: Antagen version ”Antagen plan 2027” (KS 2027-03-15 § 42) → Utkastet (live)');
    // A guest has no page of its own for a version: no link to one.
    expect(await page.getByRole('link', { name: 'Visa antagen version' }).count()).toBe(0);

    const changes = page.locator('.changes-panel');
    await changes.getByText('Det här är ditt första besök.', { exact: false }).waitFor();
    await changes.getByRole('button', { name: 'Markera som läst' }).click();
    await changes.getByText('Inget har ändrats sedan ditt senaste besök.').waitFor();
    const stored = await page.evaluate(() => Object.entries(window.localStorage).filter(([key]) => key.startsWith('samplan:guest-seen:')));
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    updateItem(peer.doc, 'activities', smalandIds(peer.doc).a21, { budget: 1_00, responsible: 'Region Kronoberg' });
    await expect.poll(async () => plain(await changes.textContent()), { timeout: 10_000 }).toContain('Efter: 1 kr');
    await page.reload();
    await page.locator('.present [data-status="online"]').waitFor();
    await expect.poll(async () => plain(await changes.textContent()), { timeout: 10_000 }).toContain('Efter: 1 kr');
    const listed = plain(await changes.textContent());
    // Fields named as the table's columns do (u11: "· responsible", the internal key, showed).
    expect(listed).toContain('2.1 Gemensam laddplan för regionen · Ansvar');
    expect(listed).toContain('2.1 Gemensam laddplan för regionen · Budget');
    expect(listed).not.toMatch(/· (responsible|budget)\b/);
    // The budget edited before the guest marked read is not listed again.
    expect(listed).not.toContain('480 000 kr');
    expect(await changes.locator('[data-changes-at] li').count()).toBeGreaterThan(0);
    expect([...origins]).toEqual([new URL(server.url).origin]);
    await Promise.all([guest.close(), anna.context.close()]);
  });
});
