/**
 * User test U15 item 10: on a phone the dot-vote ballot broke a long Swedish word mid-way
 * ("Energikartläggnin g:"), its label squeezed beside the − / + buttons. A ballot row's label
 * has the whole line when it needs it (the buttons go under it) and breaks between words
 * only, at 390 and 1 440 px, in every language.
 */
import { describe, expect, it } from 'vitest';
import { freshPlan, openPlan } from './support/fixture.js';
import { startSession } from './support/session.js';
import { useE2eSuite } from './support/suite.js';
import { wordsWiderThanCell } from './support/words.js';

const e2e = useE2eSuite();

describe('a ballot’s item names on a phone', () => {
  it.each([
    [390, 'sv-SE'],
    [390, 'nb-NO'],
    [1440, 'sv-SE'],
  ] as const)('at %i px (%s) no word is wider than its label, none split', async (width, locale) => {
    const { context, api } = await e2e.signedIn('anna@demo.samplan.se');
    const doc = await freshPlan(api, `Röstord ${width} ${locale}`);
    const anna = await context.newPage();
    await openPlan(anna, e2e.server, doc);
    await startSession(anna);
    await anna.getByText('Ny prickröstning').click();
    await anna.locator('.session-round-form input[name="title"]').fill('Viktigast');
    // The demo's longest word, and the first item for a second row.
    const items = anna.locator('.session-round-form fieldset label');
    await items.filter({ hasText: 'Energikartläggning' }).first().locator('input[type="checkbox"]').check();
    await items.first().locator('input[type="checkbox"]').check();
    await anna.getByRole('button', { name: 'Öppna röstning' }).click();

    const erik = await e2e.pageAs('erik@demo.samplan.se', { viewport: { width, height: 844 }, locale });
    await openPlan(erik, e2e.server, doc);
    const labels = erik.locator('.session-ballot .grow');
    await expect.poll(() => labels.count(), { timeout: 10_000 }).toBeGreaterThan(1);
    expect(await labels.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Energikartläggning')]));
    expect(await wordsWiderThanCell(erik, '.session-ballot .grow')).toEqual([]);
    // Split by the browser (overflow-wrap: anywhere) a word spans two lines: its own range has two boxes.
    const split = await labels.evaluateAll((spans) =>
      spans.flatMap((span) => {
        const text = span.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) return [];
        const words: string[] = [];
        for (const match of (text.textContent ?? '').matchAll(/[^\s–-]+/g)) {
          const range = document.createRange();
          range.setStart(text, match.index ?? 0);
          range.setEnd(text, (match.index ?? 0) + match[0].length);
          const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (tops.size > 1) words.push(match[0]);
        }
        return words;
      }),
    );
    expect(split).toEqual([]);
  });
});
