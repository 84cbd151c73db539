/**
 * Issue 19 user test, the pure parts: counts read "1 prick" / "2 prickar" in every language;
 * a result without dots gives no priority; links between agenda actions and plan activities
 * and the hashes they arrive with; organisations looked up in the order given.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fcount } from '../../i18n/facilitation-messages.js';
import { setLocale } from '../../i18n/index.js';
import type { SessionPeer } from '../../sync/session.js';
import { anchorHref, hashSelector, splitLink } from './hash-target.js';
import { groupByOrganisation } from './people.js';
import { resultRank, shortLabel } from './results.js';

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  globalThis.document = { documentElement: {} } as Document;
  globalThis.CSS = { escape: (s: string) => s.replace(/["\\]/g, '\\$&') } as typeof CSS;
});
afterAll(() => setLocale('sv'));

describe('counts in words', () => {
  it.each([
    ['sv', 'dotsOn', 1, '1 prick'],
    ['sv', 'dotsOn', 2, '2 prickar'],
    ['sv', 'dotsOn', 0, '0 prickar'],
    ['sv', 'dotsLeft', 1, '1 prick kvar'],
    ['sv', 'votersCount', 1, '1 röstande'],
    ['nb', 'dotsOn', 1, '1 prikk'],
    ['nb', 'dotsOn', 3, '3 prikker'],
    ['en', 'dotsOn', 1, '1 dot'],
    ['en', 'dotsOn', 5, '5 dots'],
    ['en', 'voters', 1, '1 has voted'],
    ['en', 'voters', 2, '2 have voted'],
    ['en', 'votersCount', 1, '1 voter'],
  ] as const)('%s %s %i → %s', (locale, key, count, text) => {
    setLocale(locale);
    expect(fcount(key, count)).toBe(text);
  });
});

describe('results', () => {
  it.each([
    [{ dots: 5 }, 0, 1],
    [{ dots: 1 }, 3, 4],
    [{ dots: 0 }, 3, null],
    [{ dots: 0 }, 0, null],
  ])('%o at place %i has priority %s', (result, index, rank) => expect(resultRank(result, index)).toBe(rank));

  it('shortens long names under the bars, keeps short ones', () => {
    expect(shortLabel('Uppstart')).toBe('Uppstart');
    expect(shortLabel('Nätverksträff 1: Uppstart')).toBe('Uppstart');
    expect(shortLabel('1.2 Utbildning för driftpersonal i kommunerna')).toBe('1.2 Utbildning fö…');
  });
});

describe('links both ways', () => {
  it.each([
    ['plan1:act1', { docId: 'plan1', itemId: 'act1' }],
    ['a:b:c', { docId: 'a', itemId: 'b:c' }],
    [':x', null],
    ['x:', null],
    ['nocolon', null],
    [null, null],
  ])('%s splits to %o', (link, parts) => expect(splitLink(link)).toEqual(parts));

  it('hrefs and hashes round-trip to the element that carries the id', () => {
    expect(anchorHref('activity', { docId: 'p1', itemId: 'a 1' })).toBe('/d/p1#activity-a%201');
    expect(hashSelector('#activity-a%201')).toBe('[data-activity="a 1"]:not(.timeline-row)');
    expect(hashSelector('#action-x1')).toBe('[data-action-item="x1"]');
    expect(hashSelector('#item-i1')).toBe('[data-item="i1"]');
    expect(hashSelector('#main')).toBeNull();
    expect(hashSelector('#activity-%E0%A4%A')).toBeNull();
  });
});

describe('organisations', () => {
  const peer = (userId: string, name: string): SessionPeer => ({ clientId: 1, userId, name, following: true, handRaisedAt: null, self: false });
  it('the first listing of a name wins (this agenda before the workspace’s others)', () => {
    const groups = groupByOrganisation([peer('u1', 'Erik')], [{ name: 'Erik', organisation: 'Ljungby kommun' }, { name: 'erik', organisation: 'Växjö kommun' }], 'Okänd organisation');
    expect(groups).toEqual([['Ljungby kommun', [peer('u1', 'Erik')]]]);
  });
});
