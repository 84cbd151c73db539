import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { handsQueue, lowerHand, obeyLoweredHand, readSession, readSessionPeers, setFollowing, setHand, setSpotlight, setTimer, startSession, stopSession, type AwarenessLike } from './session.js';

describe('session map adapter', () => {
  it('reads an absent session as none, and what the writers wrote', () => {
    const doc = new Y.Doc();
    expect(readSession(doc)).toEqual({ spotlightBy: null, spotlight: null, timer: null, rounds: [] });
    startSession(doc, 'anna');
    setSpotlight(doc, { collection: 'activities', id: 'a1' }, 'anna');
    const timer = { itemId: 'i1', durationSec: 600, startedAt: '2027-03-15T09:00:00.000Z', pausedRemainingSec: null };
    setTimer(doc, timer);
    expect(readSession(doc)).toMatchObject({ spotlightBy: 'anna', spotlight: { collection: 'activities', id: 'a1' }, timer });
    stopSession(doc);
    expect(readSession(doc)).toMatchObject({ spotlightBy: null, spotlight: null, timer: null });
  });

  it.each([
    { key: 'spotlight', value: 'activities:a1' },
    { key: 'spotlight', value: { collection: 'activities' } },
    { key: 'timer', value: { itemId: null, durationSec: 'lots', startedAt: null, pausedRemainingSec: null } },
    { key: 'timer', value: { itemId: null, durationSec: 1.5, startedAt: null, pausedRemainingSec: null } },
    { key: 'spotlightBy', value: 42 },
  ])('a malformed $key ($value) reads as nothing', ({ key, value }) => {
    const doc = new Y.Doc();
    doc.getMap('session').set(key, value);
    const state = readSession(doc);
    expect(state[key as 'spotlight' | 'timer' | 'spotlightBy']).toBeNull();
  });

  it('reads rounds from a nested Y.Map or nested Y.Maps, open first, and skips malformed ones', () => {
    const doc = new Y.Doc();
    const rounds = new Y.Map<unknown>();
    doc.getMap('session').set('rounds', rounds);
    rounds.set('r1', { title: 'Första', status: 'closed', closedAt: '2027-01-01T10:00:00Z', results: [{ collection: 'goals', id: 'g1', dots: 5, voters: 3 }] });
    const nested = new Y.Map<unknown>();
    rounds.set('r2', nested);
    nested.set('title', 'Andra');
    nested.set('status', 'open');
    rounds.set('bad', { status: 'maybe' });
    const read = readSession(doc).rounds;
    expect(read.map((r) => [r.id, r.status])).toEqual([
      ['r2', 'open'],
      ['r1', 'closed'],
    ]);
    expect(read[1]?.results[0]).toEqual({ collection: 'goals', id: 'g1', dots: 5, voters: 3 });
  });
});

/** Several browsers' awareness in one map, as the server relays it. */
function fakeAwareness(states: Map<number, Record<string, unknown>>, clientID: number, userId: string): AwarenessLike {
  states.set(clientID, { user: { id: userId, name: userId } });
  return {
    clientID,
    getStates: () => states,
    getLocalState: () => states.get(clientID) ?? null,
    setLocalStateField: (field, value) => states.set(clientID, { ...states.get(clientID), [field]: value }),
  };
}

describe('session awareness', () => {
  it('follows by default, keeps the hands in the order raised, and a lowered hand goes down everywhere', () => {
    const states = new Map<number, Record<string, unknown>>();
    const anna = fakeAwareness(states, 1, 'anna');
    const erik = fakeAwareness(states, 2, 'erik');
    const lena = fakeAwareness(states, 3, 'lena');
    expect(readSessionPeers(anna).every((p) => p.following)).toBe(true);
    setFollowing(erik, false);
    expect(readSessionPeers(anna).find((p) => p.userId === 'erik')?.following).toBe(false);
    setHand(lena, '2027-03-15T09:00:02.000Z');
    setHand(erik, '2027-03-15T09:00:05.000Z');
    expect(handsQueue(readSessionPeers(anna)).map((p) => p.userId)).toEqual(['lena', 'erik']);
    const lenaHand = readSessionPeers(anna).find((p) => p.userId === 'lena');
    if (!lenaHand) throw new Error('no lena');
    lowerHand(anna, lenaHand);
    expect(handsQueue(readSessionPeers(erik)).map((p) => p.userId)).toEqual(['erik']);
    expect(obeyLoweredHand(erik, 'erik')).toBe(false);
    expect(obeyLoweredHand(lena, 'lena')).toBe(true);
    expect(states.get(3)?.handRaisedAt).toBeNull();
    // Raised again later: a new key, so the old lowering does not hold it down.
    setHand(lena, '2027-03-15T09:01:00.000Z');
    expect(handsQueue(readSessionPeers(anna)).map((p) => p.userId)).toEqual(['erik', 'lena']);
  });

  it.each([{ handRaisedAt: 'soon' }, { handRaisedAt: 7 }, { user: 'nobody', handRaisedAt: '2027-03-15T09:00:00Z' }])('ignores a malformed state %o', (extra) => {
    const states = new Map<number, Record<string, unknown>>();
    const anna = fakeAwareness(states, 1, 'anna');
    states.set(9, { user: { id: 'x', name: 'x' }, ...extra });
    expect(handsQueue(readSessionPeers(anna))).toEqual([]);
  });
});
