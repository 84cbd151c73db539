/**
 * Names and titles are limited to 200 user-perceived characters (issue 17), at every
 * boundary that takes one: the server's NameSchema counts as people do, not UTF-16 units.
 */
import { describe, expect, it } from 'vitest';
import { NameSchema } from '../../server/validation.js';

describe('NameSchema (200 characters)', () => {
  // [what, name, accepted]
  const cases: Array<[string, string, boolean]> = [
    ['200 letters', 'x'.repeat(200), true],
    ['201 letters', 'x'.repeat(201), false],
    ['200 emoji (400 UTF-16 units)', '😀'.repeat(200), true],
    ['201 emoji', '😀'.repeat(201), false],
    ['200 flags', '🇸🇪'.repeat(200), true],
    ['200 accented letters written as two code points', 'e\u0301'.repeat(200), true],
    ['100 families (ZWJ sequences of 11 units)', '👨‍👩‍👧‍👦'.repeat(100), true],
    ['one letter under 5 000 combining marks', 'a' + '\u0301'.repeat(5_000), false],
    ['spaces around 200 letters (trimmed first)', `  ${'x'.repeat(200)}  `, true],
  ];
  it.each(cases)('%s → %s', (_what, name, accepted) => {
    expect(NameSchema.safeParse(name).success).toBe(accepted);
  });
});
