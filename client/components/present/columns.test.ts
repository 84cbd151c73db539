/** One word for activities per language, in the editor and in the presentation/guest view (user test u12). */
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../i18n/messages.js';
import { PRESENT_COLUMNS } from './columns.js';

/** The word GLOSSARY.md gives for "activity" in each language, as a table heading. */
const WORD = { sv: 'Aktiviteter', nb: 'Tiltak', en: 'Activities' } as const;

describe('the activity column', () => {
  it.each(Object.entries(WORD) as Array<[keyof typeof WORD, string]>)('%s: the guest table header is the editor heading, in the glossary word', (locale, word) => {
    const text = MESSAGES[locale];
    const headers = PRESENT_COLUMNS.map((key) => text[key]);
    expect(headers[1]).toBe(text.activities);
    expect(headers[1]).toBe(word);
    // The sums say the same word: "Sum tiltak", not a second one.
    expect(text.sumActivities.toLowerCase()).toContain(word.toLowerCase());
  });

  it('nb never calls activities "aktivitet", its one word is "tiltak" (GLOSSARY.md)', () => {
    const other = Object.entries(MESSAGES.nb).filter(([, text]) => /aktivitet/i.test(text));
    expect(other).toEqual([]);
  });
});
