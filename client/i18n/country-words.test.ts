/** The words of the new-workspace form's country choice and the workspace page's country (user test u11). */
import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../../shared/country.js';
import { LOCALES } from '../../shared/locale.js';
import { MESSAGES } from './messages.js';

describe('a workspace’s country in words', () => {
  it.each([
    ['sv', 'Land', 'Sverige', 'Norge'],
    ['nb', 'Land', 'Sverige', 'Norge'],
    ['en', 'Country', 'Sweden', 'Norway'],
  ] as const)('%s: "%s", %s / %s', (locale, label, sweden, norway) => {
    const words = MESSAGES[locale];
    expect([words.workspaceCountry, words.country_SE, words.country_NO]).toEqual([label, sweden, norway]);
  });

  it('every country has a name and the choice says what it decides, in every language', () => {
    for (const locale of LOCALES) {
      const words: Record<string, string | undefined> = MESSAGES[locale];
      for (const country of COUNTRIES) expect(words[`country_${country}`]?.trim()).toBeTruthy();
      expect(words.workspaceCountryHelp).toMatch(locale === 'en' ? /objectives.*currency/ : /miljømål|miljömål/);
    }
  });
});
