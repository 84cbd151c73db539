/**
 * User test u13 item 1: participants following a session are told that a vote has opened.
 * The ballot is drawn in the facilitation region, far from the spotlit item, so the strip
 * that stays on screen says "Röstning pågår: <rubrik>" with a button that takes focus to the
 * ballot, and one polite announcement says "Röstning öppnad: <rubrik>" (and "Röstningen är
 * stängd: <rubrik>" when it closes), in sv and nb, at 390 and 1 440 px.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPlan, openPlan } from './support/fixture.js';
import { openDotRound, spotlight, startSession } from './support/session.js';
import { useE2eSuite } from './support/suite.js';

const e2e = useE2eSuite();

/** Every text the page's polite live regions have held, in order (recorded from page load). */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const heard: string[] = [];
    const last = new WeakMap<Element, string>();
    (window as unknown as { heard: string[] }).heard = heard;
    new MutationObserver(() => {
      for (const region of document.querySelectorAll('[aria-live="polite"], [role="status"]')) {
        const text = region.textContent?.trim() ?? '';
        if (text !== (last.get(region) ?? '') && text) heard.push(text);
        last.set(region, text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}
const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: string[] }).heard);

const TEXT = {
  sv: { notice: 'Röstning pågår: Prioritera', go: 'Gå till röstningen', opened: 'Röstning öppnad: Prioritera', closed: 'Röstningen är stängd: Prioritera', heading: 'Röstning: Prioritera' },
  nb: { notice: 'Avstemning pågår: Prioritera', go: 'Gå til avstemningen', opened: 'Avstemning åpnet: Prioritera', closed: 'Avstemningen er lukket: Prioritera', heading: 'Avstemning: Prioritera' },
} as const;

describe('a participant learns that a vote has opened', () => {
  it.each([
    ['sv', 'sv-SE', 390, 'lena@demo.samplan.se'],
    ['nb', 'nb-NO', 1440, 'erik@demo.samplan.se'],
    ['sv', 'sv-SE', 1440, 'erik@demo.samplan.se'],
    ['nb', 'nb-NO', 390, 'lena@demo.samplan.se'],
  ] as const)('%s (%s) at %i px: the strip says so, its button focuses the ballot, opening and closing are announced once', async (lang, locale, width, email) => {
    const { context, api } = await e2e.signedIn('anna@demo.samplan.se');
    const doc = await freshPlan(api, `Röst ${lang} ${width}`);
    const anna = await context.newPage();
    await openPlan(anna, e2e.server, doc);
    await startSession(anna);
    await spotlight(anna, 2);

    const member = await e2e.pageAs(email, { viewport: { width, height: 844 }, locale });
    await recordAnnouncements(member);
    await openPlan(member, e2e.server, doc);
    await member.locator('[data-spotlight-label]').waitFor();

    await openDotRound(anna, 'Prioritera', 3);

    const notice = member.locator('[data-session-strip] [data-vote-notice]');
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain(TEXT[lang].notice);
    const inView = () =>
      notice.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return { height: box.height > 0, top: Math.round(box.top), inside: box.top >= 0 && box.bottom <= window.innerHeight };
      });
    await expect.poll(inView).toMatchObject({ height: true, inside: true });
    await expect.poll(() => heard(member)).toContain(TEXT[lang].opened);

    await notice.getByRole('button', { name: TEXT[lang].go }).click();
    await expect.poll(() => member.evaluate(() => document.activeElement?.textContent?.trim())).toBe(TEXT[lang].heading);
    expect(await member.evaluate(() => document.activeElement?.closest('[data-round]') !== null)).toBe(true);

    await anna.getByRole('button', { name: 'Stäng röstning' }).click();
    await expect.poll(() => heard(member), { timeout: 10_000 }).toContain(TEXT[lang].closed);
    await expect.poll(() => notice.count()).toBe(0);
    const all = await heard(member);
    expect(all.filter((text) => text === TEXT[lang].opened)).toHaveLength(1);
    expect(all.filter((text) => text === TEXT[lang].closed)).toHaveLength(1);
  });
});
