/**
 * Issue 19, what a fresh user test found: the participants' strip stays on screen on every
 * document kind and width; following moves a participant only when the spotlight moves (never
 * on a raised hand or added time, never while they type) and their own scroll or click into a
 * field pauses it; the facilitator's page does not follow their own spotlight; the spotlight
 * list spotlights on "Lyft fram"/Enter, not on every ArrowDown; a phone does not scroll
 * sideways with a round open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
let anna: Page;
let erik: Page;
let lena: Page;
const docs: Record<string, string> = {};
const contexts: BrowserContext[] = [];

async function open(page: Page, id: string): Promise<void> {
  await page.goto(`${server.url}/d/${id}`);
  await page.locator('[data-status="online"]').waitFor();
}

/** Anna starts a session on `id` (her page stays there). */
async function startSession(id: string): Promise<void> {
  await open(anna, id);
  await anna.getByRole('button', { name: 'Starta arbetspass' }).click();
}

const stripInView = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('[data-session-strip]')?.getBoundingClientRect();
    return box !== undefined && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });

const scrollY = (page: Page) => page.evaluate(() => Math.round(window.scrollY));
const spotlitId = (page: Page) => page.locator('[data-spotlit]').first().getAttribute('data-item');

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  const a = await signedInContext(browser, server, 'anna@demo.samplan.se');
  const e = await signedInContext(browser, server, 'erik@demo.samplan.se');
  const l = await signedInContext(browser, server, 'lena@demo.samplan.se');
  contexts.push(a.context, e.context, l.context);
  const me = await a.api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await a.api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  for (const d of ws.documents) docs[d.kind] ??= d.id;
  [anna, erik, lena] = await Promise.all([a.context.newPage(), e.context.newPage(), l.context.newPage()]);
}, 180_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('following a session without losing one’s place', () => {
  it.each(['agenda', 'action-plan', 'strategy'])('the strip stays on screen scrolled far down on the %s, at 1400 and 390 px', async (kind) => {
    await startSession(docs[kind] ?? '');
    for (const width of [1400, 390]) {
      await erik.setViewportSize({ width, height: 800 });
      await open(erik, docs[kind] ?? '');
      await erik.locator('[data-session-strip]').waitFor();
      await erik.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await expect.poll(() => erik.evaluate(() => window.scrollY > 200)).toBe(true);
      expect(await stripInView(erik)).toBe(true);
    }
    await erik.setViewportSize({ width: 1400, height: 900 });
  });

  it('moves the follower only when the spotlight moves; a hand or added time does not; Anna does not follow herself', async () => {
    await open(anna, docs.agenda ?? '');
    await anna.locator('[data-session-strip]').waitFor({ state: 'attached' }); // empty, so not drawn, with nothing spotlit
    await open(erik, docs.agenda ?? '');
    await erik.locator('[data-session-strip]').waitFor();
    const items = await anna.locator('.agenda-item[data-item]').evaluateAll((els) => els.map((el) => el.getAttribute('data-item') ?? ''));
    const last = items[items.length - 1] ?? '';
    expect(await anna.getByRole('button', { name: 'Sluta följa' }).count()).toBe(0);
    await anna.evaluate(() => window.scrollTo(0, 0));
    await anna.locator('[data-spotlight-select]').selectOption(`items:${last}`);
    await anna.locator('[data-spotlight-commit]').click();
    await erik.locator(`[data-item="${last}"][data-spotlit]`).waitFor();
    await expect.poll(() => scrollY(erik)).toBeGreaterThan(300);
    expect(await scrollY(anna)).toBeLessThan(300);

    // Erik reads the top again (a programmatic scroll: not a pause); Anna adds time, Lena raises her hand.
    await erik.evaluate(() => window.scrollTo(0, 0));
    await anna.getByRole('button', { name: 'Starta fri timer' }).click();
    await anna.getByRole('button', { name: '+1 min' }).click();
    await open(lena, docs.agenda ?? '');
    await lena.getByRole('button', { name: 'Räck upp handen' }).click();
    await anna.locator('[data-hand]').waitFor();
    await erik.locator('[data-timer]').waitFor();
    expect(await scrollY(erik)).toBe(0);
  });

  it('a click into a field or a wheel scroll pauses following; a spotlight then leaves the typist where they are; Följ igen goes back', async () => {
    const items = await anna.locator('.agenda-item[data-item]').evaluateAll((els) => els.map((el) => el.getAttribute('data-item') ?? ''));
    const field = erik.locator('.agenda-item input').first();
    await field.click();
    await erik.locator('[data-following="false"]').waitFor();
    expect(await erik.locator('[data-session-strip]').textContent()).toContain('Du följer inte längre');
    const before = await scrollY(erik);
    await anna.locator('[data-spotlight-select]').selectOption(`items:${items[1] ?? ''}`);
    await anna.locator('[data-spotlight-commit]').click();
    await erik.locator(`[data-item="${items[1] ?? ''}"][data-spotlit]`).waitFor();
    expect(await scrollY(erik)).toBe(before);
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await erik.getByRole('button', { name: 'Följ igen' }).click();
    await erik.locator('[data-following="false"]').waitFor({ state: 'detached' });
    // Scrolling with the wheel is one's own move too; "Följ igen" brings the spotlit item back.
    await erik.mouse.move(600, 500);
    await erik.mouse.wheel(0, 1200);
    await erik.locator('[data-following="false"]').waitFor();
    await erik.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await erik.getByRole('button', { name: 'Följ igen' }).click();
    await expect.poll(() => erik.evaluate((id) => {
      const box = document.querySelector(`[data-item="${id}"]`)?.getBoundingClientRect();
      return box !== undefined && box.bottom > 0 && box.top < window.innerHeight;
    }, items[1] ?? '')).toBe(true);
  });

  it('ArrowDown in the spotlight list spotlights nothing until Enter; after a reload the list shows the spotlit item', async () => {
    const before = await spotlitId(erik);
    const select = anna.locator('[data-spotlight-select]');
    await select.focus();
    for (let i = 0; i < 3; i++) await select.press('ArrowDown');
    const chosen = (await select.inputValue()).replace('items:', '');
    expect(chosen).not.toBe(before);
    // Anna's own page shows what everyone sees: still the old spotlight.
    expect(await spotlitId(anna)).toBe(before);
    await select.press('Enter');
    await expect.poll(() => spotlitId(erik)).toBe(chosen);
    // After a reload the list shows what is spotlit, not "– ingen –".
    await anna.reload();
    await anna.locator('[data-status="online"]').waitFor();
    await expect.poll(() => anna.locator('[data-spotlight-select]').inputValue()).toBe(`items:${chosen}`);
  });

  it('at 390 px with a round open, the page does not scroll sideways', async () => {
    await open(anna, docs['action-plan'] ?? '');
    await anna.locator('[data-session-strip]').waitFor({ state: 'attached' }); // empty, so not drawn, with nothing spotlit
    await lena.setViewportSize({ width: 390, height: 844 });
    await open(lena, docs['action-plan'] ?? '');
    await anna.getByText('Ny prickröstning').click();
    const boxes = anna.locator('.session-round-form fieldset input[type="checkbox"]');
    for (const index of [0, 1, 2, 3]) await boxes.nth(index).check();
    await anna.getByRole('button', { name: 'Öppna röstning' }).click();
    await lena.locator('[data-round] [data-ballot-item]').first().waitFor();
    expect(await lena.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await stripInView(lena)).toBe(true);
  });
});
