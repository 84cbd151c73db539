import { describe, expect, it } from 'vitest';
import type { SessionPeer } from '../../sync/session.js';
import { nextAgendaItem, type SessionItem } from './items.js';
import { groupByOrganisation } from './people.js';
import { allowance, publishedSetups, roundSetup, type RoundSetup } from './round-setup.js';

const peer = (userId: string, name: string, clientId = 1): SessionPeer => ({ clientId, userId, name, following: true, handRaisedAt: null, self: false });

describe('people by organisation', () => {
  it('uses an agenda participant\'s organisation when the names match (any case), else "Okänd organisation", once per person', () => {
    const groups = groupByOrganisation(
      [peer('u1', 'Anna Samordnare', 1), peer('u1', 'Anna Samordnare', 2), peer('u2', 'erik redaktör'), peer('u3', 'Lena Läsare')],
      [
        { name: 'Erik Redaktör', organisation: 'Växjö kommun' },
        { name: 'Anna Samordnare', organisation: 'Region Kronoberg' },
        { name: 'Lena Läsare', organisation: '' },
      ],
      'Okänd organisation',
    );
    expect(groups.map(([org, people]) => [org, people.map((p) => p.userId)])).toEqual([
      ['Region Kronoberg', ['u1']],
      ['Växjö kommun', ['u2']],
      ['Okänd organisation', ['u3']],
    ]);
  });
});

describe('next agenda item', () => {
  const items: SessionItem[] = [
    { collection: 'goals', id: 'g', label: 'g', priority: null },
    { collection: 'items', id: 'a', label: 'a', priority: null, minutes: 10 },
    { collection: 'items', id: 'b', label: 'b', priority: null, minutes: 20 },
  ];
  it.each([
    { from: null, expected: 'a' },
    { from: 'a', expected: 'b' },
    { from: 'b', expected: null },
    { from: 'gone', expected: 'a' },
  ])('after $from comes $expected', ({ from, expected }) => {
    expect(nextAgendaItem(items, from)?.id ?? null).toBe(expected);
  });
});

describe('round set-up and allowance', () => {
  const setup: RoundSetup = { id: 'r1', title: 'Prio', items: [{ collection: 'items', id: 'a' }], dotsPerPerson: 3, maxPerItem: 2 };
  it.each<{ dots: Record<string, number>; key: string; left: number; canAdd: boolean }>([
    { dots: {}, key: 'items:a', left: 3, canAdd: true },
    { dots: { 'items:a': 2 }, key: 'items:a', left: 1, canAdd: false },
    { dots: { 'items:a': 2 }, key: 'items:b', left: 1, canAdd: true },
    { dots: { 'items:a': 2, 'items:b': 1 }, key: 'items:c', left: 0, canAdd: false },
  ])('$dots on $key: $left left', ({ dots, key, left, canAdd }) => {
    expect(allowance(setup, dots, key)).toEqual({ left, canAdd });
  });

  it('prefers the server\'s set-up, else a published one, and ignores malformed ones', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { votingRound: setup }],
      [2, { votingRound: { id: 'r2', items: 'all', dotsPerPerson: 3 } }],
      [3, { votingRound: { ...setup, id: 'r3', dotsPerPerson: 99 } }],
    ]);
    const published = publishedSetups({ clientID: 9, getStates: () => states, getLocalState: () => null, setLocalStateField: () => undefined });
    expect([...published.keys()]).toEqual(['r1']);
    expect(roundSetup('r1', 'Prio', undefined, published)).toEqual(setup);
    const server = { status: 'open' as const, voters: 0, myDots: {}, items: [{ collection: 'goals', id: 'g' }], dotsPerPerson: 5 };
    expect(roundSetup('r1', 'Prio', server, published)).toMatchObject({ items: [{ collection: 'goals', id: 'g' }], dotsPerPerson: 5, maxPerItem: null });
    expect(roundSetup('r9', 'X', undefined, published)).toBeNull();
  });
});
