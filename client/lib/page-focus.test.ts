/** Focus after navigation: once per new address, never at the first address, never out of the page. */
import { describe, expect, it } from 'vitest';
import { shouldFocusHeading, type FocusPlace } from './page-focus.js';
import { seeded } from '../../tests/support/seeded.js';

describe('shouldFocusHeading', () => {
  it.each<[string, string, FocusPlace, boolean]>([
    ['/', '/', 'none', false],
    ['/', '/w/1', 'none', true],
    ['/', '/w/1', 'chrome', true],
    ['/', '/w/1', 'page', false],
    ['/w/1', '/d/2', 'none', true],
    ['/d/2', '/d/2', 'none', false],
    ['/login?next=%2F', '/login?next=%2Fd%2F2', 'none', true],
  ])('opened at %s, heading at %s with focus in %s → %s', (claimedFor, address, focus, expected) => {
    expect(shouldFocusHeading({ claimedFor }, address, focus)).toBe(expected);
  });

  it('focuses each address once, whatever order headings appear in', () => {
    const addresses = ['/', '/w/1', '/d/2', '/login'];
    const random = seeded(17);
    for (let run = 0; run < 200; run++) {
      const claim = { claimedFor: '/' };
      let current = '/';
      let last = '/';
      for (let step = 0; step < 20; step++) {
        if (random.next() < 0.5) current = random.pick(addresses);
        const focused = shouldFocusHeading(claim, current, 'none');
        expect(focused).toBe(current !== last);
        last = current;
      }
    }
  });
});
