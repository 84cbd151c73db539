/**
 * User test u14 item 2: Enter on "Stäng röstning" (and its confirmation) removed the focused
 * button with the ballot, and focus fell to <body>. Keyboard only: focus lands on the closed
 * round's results heading, the part that replaced the button.
 */
import { describe, expect, it } from 'vitest';
import { freshPlan, openPlan } from './support/fixture.js';
import { openDotRound, startSession } from './support/session.js';
import { useE2eSuite } from './support/suite.js';

const e2e = useE2eSuite();

describe('closing a round from the keyboard', () => {
  it('keeps focus off <body>: on the results heading', async () => {
    const { context, api } = await e2e.signedIn('anna@demo.samplan.se');
    const doc = await freshPlan(api, 'Fokus efter röstning');
    const anna = await context.newPage();
    // The confirmation ("no one has voted…") is accepted as Enter would.
    anna.on('dialog', (dialog) => void dialog.accept());
    await openPlan(anna, e2e.server, doc);
    await startSession(anna);
    await openDotRound(anna, 'Prioritera', 2);
    const close = anna.getByRole('button', { name: 'Stäng röstning' });
    await close.focus();
    await anna.keyboard.press('Enter');
    await anna.locator('[data-results]').first().waitFor({ timeout: 10_000 });
    await expect.poll(() => anna.evaluate(() => document.activeElement?.closest('[data-results]') !== null), { timeout: 5_000 }).toBe(true);
    expect(await anna.evaluate(() => document.activeElement === document.body)).toBe(false);
  });
});
