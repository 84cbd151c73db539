/**
 * User test U14 item 5: a guest on a share link (a politician following a workshop) sees the
 * running session as members do — the spotlit item highlighted, its name and the timer —
 * without the buttons that need an account (follow, hand, vote). At 390 and 1 024 px, axe
 * on the strip.
 */
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/browser.js';
import { freshPlan, openPlan } from './support/fixture.js';
import { spotlight, startSession } from './support/session.js';
import { useE2eSuite } from './support/suite.js';

const e2e = useE2eSuite();

describe('a guest on a share link during a session', () => {
  it.each([390, 1024])('at %i px sees the spotlit item, its name and the timer, and no buttons for members', async (width) => {
    const { context, api } = await e2e.signedIn('anna@demo.samplan.se');
    const doc = await freshPlan(api, `Gäst i arbetspass ${width}`);
    const link = await api.json<{ url: string }>('POST', `/api/documents/${doc}/share-links`, { label: 'Politiker' }, 201);
    const anna = await context.newPage();
    await openPlan(anna, e2e.server, doc);
    await startSession(anna);
    const spotlitName = await spotlight(anna, 2);
    await anna.getByLabel('Minuter (fri timer)').fill('10');
    await anna.getByRole('button', { name: 'Starta fri timer' }).click();

    const guest = await e2e.guestPage({ viewport: { width, height: 844 } });
    await guest.goto(e2e.onServer(link.url));
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
