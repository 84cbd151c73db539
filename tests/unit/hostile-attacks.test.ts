/**
 * The hostile run's attacks are what docs/security-hostile.md says they are: decoded
 * with Yjs itself, the GC bomb holds N one-unit GC structs, the pending update stays
 * pending, the state vector has its entries; and the awareness check catches each kind
 * of raw relay.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { awarenessProblems, gcBomb, pendingUpdate } from '../hostile/attacks-content.js';
import { stateVector } from '../hostile/raw-socket.js';

describe('hostile attack payloads', () => {
  it('encodes the GC bomb as N one-unit GC structs of one client and an empty delete set', () => {
    const update = gcBomb(5000, 42);
    const { structs, ds } = Y.decodeUpdate(update);
    expect(structs).toHaveLength(5000);
    expect(structs.every((struct) => struct instanceof Y.GC && struct.length === 1 && struct.id.client === 42)).toBe(true);
    expect(ds.clients.size).toBe(0);
    // Two bytes a struct: 7 million fit under the 16 MiB message limit.
    expect(gcBomb(7_000_000).length).toBeLessThan(16 * 1024 * 1024 - 16);
  });

  it('makes updates that stay pending: their first clock never comes', () => {
    const doc = new Y.Doc();
    const update = pendingUpdate();
    expect(update.length).toBeLessThan(100);
    Y.applyUpdate(doc, update);
    expect(doc.store.pendingStructs).not.toBeNull();
    expect(doc.getMap('goals').size).toBe(0);
  });

  it('writes state vectors of the asked size', () => {
    expect(Y.decodeStateVector(stateVector(200_000)).size).toBe(200_000);
    expect(Y.decodeStateVector(stateVector(1)).size).toBe(1);
  });
});

describe('awarenessProblems', () => {
  const state = (user: Record<string, unknown>, extra: Record<string, unknown> = {}) => JSON.stringify({ user, ...extra });

  it('finds nothing in states the server may relay', () => {
    expect(awarenessProblems([state({ name: 'Lena Läsare', color: '#3366cc' }), 'null', JSON.stringify({ cursor: null })])).toEqual([]);
  });

  it.each([
    ['a state past 16 KiB', state({ name: 'Lena', color: '#3366cc' }, { junk: 'x'.repeat(17 * 1024) }), 'relayed (limit 16 KiB)'],
    ['a colour carrying CSS', state({ name: 'Lena', color: 'red;position:fixed' }), 'user.color'],
    ['a colour that is a name', state({ name: 'Lena', color: 'red' }), 'user.color'],
    ['the name the client chose', state({ name: 'Lena<img src=x onerror=alert(1)>', color: '#3366cc' }), 'account name'],
  ])('catches %s', (_case, text, expected) => {
    const problems = awarenessProblems([text]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });
});
