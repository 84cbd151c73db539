/**
 * User test u14 item 2: Enter on "Stäng röstning" (and its confirmation) removed the focused
 * button with the ballot, and focus fell to <body>. Keyboard only: focus lands on the closed
 * round's results heading, the part that replaced the button.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
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

describe('closing a round from the keyboard', () => {
  it('keeps focus off <body>: on the results heading', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    contexts.push(context);
    const doc = await freshPlan(api, 'Fokus efter röstning');
    const anna = await context.newPage();
    // The confirmation ("no one has voted…") is accepted as Enter would.
    anna.on('dialog', (dialog) => void dialog.accept());
    await openPlan(anna, server, doc);
    await anna.getByRole('button', { name: 'Starta arbetspass' }).click();
    await anna.getByText('Ny prickröstning').click();
    await anna.locator('.session-round-form input[name="title"]').fill('Prioritera');
    const boxes = anna.locator('.session-round-form fieldset input[type="checkbox"]');
    for (const index of [0, 1]) await boxes.nth(index).check();
    await anna.getByRole('button', { name: 'Öppna röstning' }).click();
    const close = anna.getByRole('button', { name: 'Stäng röstning' });
    await close.focus();
    await anna.keyboard.press('Enter');
    await anna.locator('[data-results]').first().waitFor({ timeout: 10_000 });
    await expect.poll(() => anna.evaluate(() => document.activeElement?.closest('[data-results]') !== null), { timeout: 5_000 }).toBe(true);
    expect(await anna.evaluate(() => document.activeElement === document.body)).toBe(false);
  });
});
