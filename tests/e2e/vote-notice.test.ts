/**
 * User test u13 item 1: participants following a session are told that a vote has opened.
 * The ballot is drawn in the facilitation region, far from the spotlit item, so the strip
 * that stays on screen says "Röstning pågår: <rubrik>" with a button that takes focus to the
 * ballot, and one polite announcement says "Röstning öppnad: <rubrik>" (and "Röstningen är
 * stängd: <rubrik>" when it closes), in sv and nb, at 390 and 1 440 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/demo/seed.js';
import { ApiClient } from '../support/api.js';
import { launchBrowser } from './support/browser.js';
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

/** A page signed in as `email` whose browser speaks `locale`. */
async function pageFor(email: string, locale: string, width: number): Promise<Page> {
  const api = new ApiClient(server.url);
  await api.json('POST', '/api/auth/login', { email, password: DEMO_PASSWORD }, 200);
  const [name = '', value = ''] = api.sessionCookie.split('=');
  const context = await browser.newContext({ viewport: { width, height: 844 }, locale });
  await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  contexts.push(context);
  return context.newPage();
}

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
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    contexts.push(context);
    const doc = await freshPlan(api, `Röst ${lang} ${width}`);
    const anna = await context.newPage();
    await openPlan(anna, server, doc);
    await anna.getByRole('button', { name: 'Starta arbetspass' }).click();
    await anna.locator('[data-spotlight-select]').selectOption({ index: 2 });
    await anna.getByRole('button', { name: 'Lyft fram', exact: true }).click();

    const member = await pageFor(email, locale, width);
    await recordAnnouncements(member);
    await openPlan(member, server, doc);
    await member.locator('[data-spotlight-label]').waitFor();

    await anna.getByText('Ny prickröstning').click();
    await anna.locator('.session-round-form input[name="title"]').fill('Prioritera');
    const boxes = anna.locator('.session-round-form fieldset input[type="checkbox"]');
    for (const index of [0, 1, 2]) await boxes.nth(index).check();
    await anna.getByRole('button', { name: 'Öppna röstning' }).click();

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
