/** What the server relays of an awareness state (server/sync/awareness-state.ts), as a table. */
import { describe, expect, it } from 'vitest';
import { sanitizeAwarenessState } from '../../server/sync/awareness-state.js';

const account = { userId: 'u-lena', name: 'Lena Läsare' };
const relay = (state: unknown) => {
  const out = sanitizeAwarenessState(JSON.stringify(state), account, 16 * 1024);
  return out === null ? null : (JSON.parse(out) as Record<string, unknown>);
};
const position = { type: { client: 1, clock: 2 }, tname: null, item: { client: 3, clock: 4 }, assoc: 0 };

describe('sanitizeAwarenessState', () => {
  it.each<[string, unknown]>([
    ['a CSS payload as colour', { user: { name: 'x', color: 'red;position:fixed' } }],
    ['no user', {}],
    ['a user that is a string', { user: 'Lena' }],
    ['another person’s id', { user: { id: 'u-anna', name: 'Anna' } }],
  ])('sets user from the account for %s', (_what, state) => {
    const user = relay(state)?.user as Record<string, unknown>;
    expect(user.id).toBe('u-lena');
    expect(user.name).toBe('Lena Läsare');
    expect(user.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(user.colorLight).toMatch(/^#[0-9a-f]{6}33$/);
  });

  it.each<[string, unknown, boolean]>([
    ['a well-formed selection', { anchor: position, head: position }, true],
    ['null', null, true],
    ['ids that are strings', { anchor: { item: { client: 'x', clock: 1 } }, head: position }, false],
    ['a negative clock', { anchor: { item: { client: 1, clock: -1 } }, head: position }, false],
    ['no head', { anchor: position }, false],
    ['a number', 5, false],
    ['an odd assoc', { anchor: { ...position, assoc: 7 }, head: position }, false],
  ])('keeps a cursor that is %s only if well-formed', (_what, cursor, kept) => {
    expect(relay({ cursor })?.cursor).toEqual(kept ? cursor : null);
  });

  it.each<[unknown, unknown]>([
    ['goals:1:title', 'goals:1:title'],
    [null, null],
    [5, null],
    ['x'.repeat(301), null],
  ])('keeps editing %j as %j', (editing, expected) => {
    expect(relay({ editing })?.editing).toEqual(expected);
  });

  it('drops states over the size limit, passes a goodbye, refuses states that are not objects', () => {
    expect(sanitizeAwarenessState(JSON.stringify({ junk: 'x'.repeat(20_000) }), account, 16 * 1024)).toBeNull();
    expect(sanitizeAwarenessState('null', account, 16 * 1024)).toBe('null');
    for (const state of ['5', '"text"', '[1,2]']) expect(sanitizeAwarenessState(state, account, 16 * 1024)).toBeNull();
  });
});
