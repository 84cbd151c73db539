/**
 * The server's presence keeps y-protocols' rules for which awareness update wins: the same
 * random sequence of updates and departures, applied to y-protocols' own `Awareness` and to
 * `Presence`, leaves the same states and relays exactly when y-protocols would broadcast.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { OUTDATED_MS, Presence } from '../../server/sync/presence.js';
import { encodeAwarenessEntries, type AwarenessEntry } from '../../server/sync/protocol.js';

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function reference(): { awareness: awarenessProtocol.Awareness; updates: () => number } {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  let updates = 0;
  awareness.on('update', () => updates++);
  return { awareness, updates: () => updates };
}

const statesOf = (presence: Presence, now: number) => Object.fromEntries(presence.current(now).map((e) => [e.clientId, JSON.parse(e.state) as unknown]));
const referenceStates = (awareness: awarenessProtocol.Awareness) => Object.fromEntries([...awareness.getStates()].map(([id, state]) => [id, state]));

describe('Presence', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`agrees with y-protocols on a random sequence (seed ${seed})`, () => {
      const next = random(seed);
      const { awareness, updates } = reference();
      const presence = new Presence();
      const clocks = new Map<number, number>();
      // A client moves its clock on after it said goodbye or was removed; the same clock
      // again after that is a reconnect, where the server deliberately differs (below).
      const gone = new Set<number>();
      const highest = new Map<number, number>();
      for (let step = 0; step < 400; step++) {
        const clientId = 1 + Math.floor(next() * 4);
        const before = updates();
        let relayed: number;
        if (next() < 0.15) {
          awarenessProtocol.removeAwarenessStates(awareness, [clientId], null);
          relayed = presence.remove([clientId], 0).length;
          gone.add(clientId);
        } else {
          // Clocks mostly move on, sometimes repeat or go back (a stale or replayed update).
          const roll = next();
          const last = clocks.get(clientId) ?? 0;
          const clock = gone.delete(clientId) ? (highest.get(clientId) ?? 0) + 1 : Math.max(0, last + (roll < 0.7 ? 1 : roll < 0.85 ? 0 : -1));
          clocks.set(clientId, clock);
          highest.set(clientId, Math.max(clock, highest.get(clientId) ?? 0));
          const state = next() < 0.2 ? 'null' : JSON.stringify({ user: { name: `U${clientId}` }, cursor: Math.floor(next() * 3) });
          if (state === 'null') gone.add(clientId);
          const entry: AwarenessEntry = { clientId, clock, state };
          awarenessProtocol.applyAwarenessUpdate(awareness, encodeAwarenessEntries([entry]), null);
          relayed = presence.apply([entry], 'owner', 0).length;
        }
        expect(relayed > 0, `step ${step}: relay decision`).toBe(updates() > before);
        expect(statesOf(presence, 0), `step ${step}: states`).toEqual(referenceStates(awareness));
      }
      awareness.destroy();
    });
  }

  it('does not send joiners a state that has not been renewed', () => {
    const presence = new Presence();
    presence.apply([{ clientId: 1, clock: 1, state: '{}' }], 'owner', 0);
    expect(presence.current(OUTDATED_MS - 1)).toHaveLength(1);
    expect(presence.current(OUTDATED_MS)).toHaveLength(0);
  });

  it('takes a reconnecting client back at the clock it had, and relays it newer than its goodbye', () => {
    const presence = new Presence();
    const [first] = presence.apply([{ clientId: 7, clock: 3, state: '{"a":1}' }], 'anna', 1000);
    const [goodbye] = presence.remove([7], 1001);
    const [back] = presence.apply([{ clientId: 7, clock: 3, state: '{"a":1}' }], 'anna', 1002);
    expect(first && goodbye && back).toBeTruthy();
    expect((goodbye?.clock ?? 0) > (first?.clock ?? 0)).toBe(true);
    expect((back?.clock ?? 0) > (goodbye?.clock ?? 0)).toBe(true);
  });

  it('renumbers what it sends a joiner, above every clock relayed before', () => {
    const presence = new Presence();
    const [relayed] = presence.apply([{ clientId: 7, clock: 3, state: '{}' }], 'anna', 5);
    const [sent] = presence.current(5);
    expect((sent?.clock ?? 0) > (relayed?.clock ?? 0)).toBe(true);
  });

  it('keeps an id with its first owner while she is away', () => {
    const presence = new Presence();
    presence.apply([{ clientId: 7, clock: 1, state: '{}' }], 'anna', 0);
    presence.remove([7], 1);
    expect(presence.mayUse(7, 'lena', 2)).toBe(false);
    expect(presence.mayUse(7, 'anna', 2)).toBe(true);
  });
});
