/**
 * User test U13: "Stäng röstning" changed earlier priorities with no warning. The coordinator
 * is asked first whenever the close will change priorities the document has now
 * (docs/facilitation.md "Priority"); a round nobody voted in changes none and asks nothing.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../shared/locale.js';
import { roundCloseWarning } from './close-warning.js';

const item = (id: string, label: string, priority: number | null) => ({ collection: 'activities', id, label, priority });
const PLAN = [item('a21', '2.1 Laddstolpar', 2), item('a31', '3.1 Solceller', 1), item('a32', '3.2 Cykelbanor', null)];
const UNRANKED = PLAN.map((i) => ({ ...i, priority: null }));

const QUESTION = { sv: 'Stäng röstningen?', nb: 'Lukke avstemningen?', en: 'Close the vote?' };
const NOW = { sv: 'Prioritet nu: 3.1 Solceller: 1, 2.1 Laddstolpar: 2.', nb: 'Prioritet nå: 3.1 Solceller: 1, 2.1 Laddstolpar: 2.', en: 'Priority now: 3.1 Solceller: 1, 2.1 Laddstolpar: 2.' };

describe('the warning before a round is closed', () => {
  describe.each(LOCALES)('%s', (language) => {
    it.each([
      ['nobody voted, earlier priorities', PLAN, 0, false],
      ['nobody voted, none', UNRANKED, 0, false],
      ['votes, no earlier priorities', UNRANKED, 2, false],
      ['votes, earlier priorities', PLAN, 1, true],
    ] as const)('%s', (_name, items, voters, asks) => {
      const text = roundCloseWarning(items, voters, language);
      if (!asks) return expect(text).toBeNull();
      expect(text).not.toBeNull();
      // Lists what has a priority now, by rank, and ends with the question.
      expect(text).toContain(NOW[language]);
      expect(text?.endsWith(QUESTION[language])).toBe(true);
      expect(text).not.toContain('3.2');
    });
  });
});
