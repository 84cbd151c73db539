import { describe, expect, it } from 'vitest';
import { localeOfTag, pickLocale } from './pick-locale.js';
import { seeded } from '../../tests/support/seeded.js';

describe('pickLocale', () => {
  it.each<[string | null, string[], string]>([
    [null, [], 'sv'],
    [null, ['sv-SE'], 'sv'],
    [null, ['sv-FI', 'en'], 'sv'],
    [null, ['nb-NO'], 'nb'],
    [null, ['no'], 'nb'],
    [null, ['nn-NO', 'en-GB'], 'nb'],
    [null, ['en-US'], 'en'],
    [null, ['de-DE', 'en-GB', 'sv'], 'en'],
    [null, ['de-DE', 'fr'], 'sv'],
    ['nb', ['en-US'], 'nb'],
    ['sv', ['en-US'], 'sv'],
    ['de', ['en-US'], 'en'],
    ['', ['nb'], 'nb'],
  ])('stored %j, browser %j → %s', (stored, languages, expected) => {
    expect(pickLocale(stored, languages)).toBe(expected);
  });

  it('answers a spoken locale for any tag, and honours the first spoken one', () => {
    const tags = ['sv', 'SV-se', 'nb', 'no-NO', 'nn', 'en', 'en_GB', 'de', 'fi', 'x', '', 'sve', 'english'];
    const random = seeded(17);
    for (let run = 0; run < 500; run++) {
      const languages = Array.from({ length: random.int(4) }, () => random.pick(tags));
      const first = languages.map(localeOfTag).find((l) => l !== null) ?? 'sv';
      expect(pickLocale(null, languages)).toBe(first);
    }
  });
});
