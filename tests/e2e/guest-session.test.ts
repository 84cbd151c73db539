/**
 * User test U14 item 5: a guest on a share link (a politician following a workshop) sees the
 * running session as members do — the spotlit item highlighted, its name and the timer —
 * without the buttons that need an account (follow, hand, vote). At 390 and 1 024 px, axe
 * on the strip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
import { freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
}, 180_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('a guest on a share link during a session', () => {
  it.each([390, 1024])('at %i px sees the spotlit item, its name and the timer, and no buttons for members', async (width) => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    contexts.push(context);
    const doc = await freshPlan(api, `Gäst i arbetspass ${width}`);
    const link = await api.json<{ url: string }>('POST', `/api/documents/${doc}/share-links`, { label: 'Politiker' }, 201);
    const anna = await context.newPage();
    await openPlan(anna, server, doc);
    await anna.getByRole('button', { name: 'Starta arbetspass' }).click();
    await anna.locator('[data-spotlight-select]').selectOption({ index: 2 });
    const spotlitName = (await anna.locator('[data-spotlight-select] option:checked').textContent())?.trim() ?? '';
    await anna.getByRole('button', { name: 'Lyft fram', exact: true }).click();
    await anna.getByLabel('Minuter (fri timer)').fill('10');
    await anna.getByRole('button', { name: 'Starta fri timer' }).click();

    const guestContext = await browser.newContext({ viewport: { width, height: 844 }, locale: 'sv-SE' });
    contexts.push(guestContext);
    const guest = await guestContext.newPage();
    await guest.goto(link.url.replace(/^https?:\/\/[^/]+/, server.url));
    const strip = guest.locator('[data-session-strip]');
    await expect.poll(() => strip.locator('[data-spotlight-label]').textContent(), { timeout: 15_000 }).toContain('I fokus');
    expect(spotlitName.length).toBeGreaterThan(0);
    await expect.poll(() => strip.locator('[data-timer]').textContent(), { timeout: 10_000 }).toMatch(/\d\d:\d\d kvar/);
    await expect.poll(() => guest.locator('.present [data-spotlit]').count(), { timeout: 10_000 }).toBe(1);
    expect(await strip.getByRole('button').count()).toBe(0);
    expect(await seriousAxeViolations(guest)).toEqual([]);

    // The session ends: the strip goes and nothing stays highlighted.
    await anna.getByRole('button', { name: 'Avsluta arbetspass' }).click();
    await anna.getByRole('button', { name: 'Ja, avsluta' }).click();
    await expect.poll(() => strip.count(), { timeout: 10_000 }).toBe(0);
    expect(await guest.locator('[data-spotlit]').count()).toBe(0);
  });
});
