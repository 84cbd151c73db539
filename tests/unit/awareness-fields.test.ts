/**
 * Every awareness field is checked before it is relayed (server/sync/awareness-state.ts;
 * DESIGN "Limits every boundary enforces", awareness row): the whole class of characters
 * no text may hold (shared/strings.ts `hasForbiddenCharacter`) × every place a client can
 * put one, a table of this app's own fields' shapes, and a seeded fuzz over random states.
 */
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, sanitizeAwarenessState } from '../../server/sync/awareness-state.js';
import { valueHasForbiddenCharacter } from '../../shared/strings.js';

const account = { userId: 'u-erik', name: 'Erik Redaktör' };
const relay = (state: unknown): Record<string, unknown> => {
  const out = sanitizeAwarenessState(JSON.stringify(state), account, 16 * 1024);
  if (out === null) throw new Error('state dropped whole');
  return JSON.parse(out) as Record<string, unknown>;
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
/** The whole class: C0 but TAB/LF/CR, DEL, C1, bidi embeddings/overrides/isolates, lone surrogates. */
const FORBIDDEN = [
  ...range(0x00, 0x1f).filter((c) => !'\t\n\r'.includes(c)),
  ...range(0x7f, 0x9f),
  ...range(0x202a, 0x202e),
  ...range(0x2066, 0x2069),
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
];
const ALLOWED = ['\t', '\n', '\r', '\u200e', '\u200d', 'å', '🌍', '👨‍👩‍👧'];
const position = { type: { client: 1, clock: 2 }, tname: null, item: { client: 3, clock: 4 }, assoc: 0 };
const round = { id: 'r1', title: 'Vilka mål först?', items: [{ collection: 'goals', id: 'g1' }], dotsPerPerson: 3, maxPerItem: 2 };

/**
 * Places a character can go: the place, the field it is in (null: the key itself is the
 * field), the state to send, and whether with an allowed character the field is relayed as sent.
 */
const PLACES: ReadonlyArray<readonly [string, string | null, (c: string) => Record<string, unknown>, boolean]> = [
  ['top-level key', null, (c) => ({ [`k${c}`]: 1 }), true],
  ['nested key', 'x', (c) => ({ x: { [`a${c}`]: 1 } }), true],
  ['key nested 8 deep', 'x', (c) => ({ x: { a: { b: { c: { d: { e: { f: { g: { [`h${c}`]: 1 } } } } } } } } }), true],
  ['string value', 'x', (c) => ({ x: `a${c}b` }), true],
  ['array element', 'x', (c) => ({ x: ['ok', `a${c}`] }), true],
  ['string in an object in an array', 'x', (c) => ({ x: [{ y: [c] }] }), true],
  ['editing', 'editing', (c) => ({ editing: `goals:g1:title${c}` }), true],
  ['cursor tname', 'cursor', (c) => ({ cursor: { anchor: { ...position, tname: `t${c}` }, head: position } }), true],
  ['handRaisedAt', 'handRaisedAt', (c) => ({ handRaisedAt: `2027-03-15T09:00:00.000Z${c}` }), false],
  ['lowerHands element', 'lowerHands', (c) => ({ lowerHands: [`u-anna@2027-03-15T09:00:00.000Z${c}`] }), true],
  ['votingRound title', 'votingRound', (c) => ({ votingRound: { ...round, title: `Mål ${c}` } }), true],
  ['votingRound item id', 'votingRound', (c) => ({ votingRound: { ...round, items: [{ collection: 'goals', id: `g${c}` }] } }), true],
  // zod strips an unknown key of a known field; the rest of the round is relayed.
  ['an unknown key in a known field', 'votingRound', (c) => ({ votingRound: { ...round, [c]: 1 } }), false],
];

describe('awareness: forbidden characters × places', () => {
  it.each(PLACES)('no forbidden character in a %s reaches a peer; allowed ones do', (_place, field, build, keptWhenAllowed) => {
    const leaked = FORBIDDEN.filter((c) => {
      const out = relay({ ...build(c), following: true });
      // The person stays (user, and a well-formed field beside the bad one); the bad field does not.
      if ((out.user as { name?: string }).name !== account.name || out.following !== true) return true;
      return valueHasForbiddenCharacter(out) || (field !== null && out[field] !== undefined && out[field] !== null);
    });
    expect(leaked.map((c) => c.codePointAt(0)?.toString(16))).toEqual([]);
    if (!keptWhenAllowed) return;
    const lost = ALLOWED.filter((c) => {
      const state = build(c);
      const out = relay(state);
      return Object.entries(state).some(([key, value]) => JSON.stringify(out[key]) !== JSON.stringify(value));
    });
    expect(lost).toEqual([]);
  });
});

describe('awareness: this app’s fields are relayed only in the shape their readers act on', () => {
  it.each<[string, unknown, unknown]>([
    ['following', true, true],
    ['following', 'false', null],
    ['handRaisedAt', '2027-03-15T09:00:00.000Z', '2027-03-15T09:00:00.000Z'],
    ['handRaisedAt', 'i morgon', null],
    ['handRaisedAt', 5, null],
    ['lowerHands', ['u-a@2027-03-15T09:00:00.000Z'], ['u-a@2027-03-15T09:00:00.000Z']],
    ['lowerHands', 'u-a', null],
    ['lowerHands', ['x'.repeat(301)], null],
    ['votingRound', round, round],
    ['votingRound', null, null],
    ['votingRound', { ...round, dotsPerPerson: 99 }, null],
    ['votingRound', { ...round, extra: 'x' }, round],
    ['votingRound', { ...round, items: 'goals' }, null],
    ['editing', 'x'.repeat(301), null],
    ['cursor', { anchor: position, head: position }, { anchor: position, head: position }],
  ])('%s: %j is relayed as %j', (field, value, expected) => {
    expect(relay({ [field]: value })[field]).toEqual(expected);
  });

  it('relays a field nested MAX_NESTING deep and drops one nested deeper', () => {
    const nest = (depth: number): unknown => (depth === 0 ? 1 : [nest(depth - 1)]);
    const out = relay({ ok: nest(MAX_NESTING), deep: nest(MAX_NESTING + 1) });
    expect(out.ok).toEqual(nest(MAX_NESTING));
    expect('deep' in out).toBe(false);
    // 8 000 levels (a 16 KiB state can hold that): dropped without walking it (no stack overflow).
    const deeper = sanitizeAwarenessState(`{"y":1,"deeper":${'['.repeat(8_000)}${']'.repeat(8_000)}}`, account, 16 * 1024);
    expect(JSON.parse(deeper ?? 'null')).toMatchObject({ y: 1 });
    expect(deeper).not.toContain('deeper');
  });

  it('never relays a __proto__ key', () => {
    const out = sanitizeAwarenessState('{"__proto__":{"admin":true},"x":{"__proto__":1},"y":1}', account, 16 * 1024) ?? '';
    expect(out).not.toContain('__proto__');
    expect(JSON.parse(out)).toMatchObject({ y: 1 });
  });
});

/** Mulberry32: a seeded generator, so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('awareness: fuzz', () => {
  it('relays no forbidden character and nothing nested too deep, and keeps every clean unknown field, over 2 000 random states', () => {
    const next = random(17);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const text = () => Array.from({ length: Math.floor(next() * 4) }, () => (next() < 0.2 ? pick(FORBIDDEN) : pick([...ALLOWED, 'a', ' ']))).join('');
    const value = (depth: number): unknown => {
      const roll = next();
      if (roll < 0.3 || depth > 10) return pick([text(), 1, true, null]);
      if (roll < 0.6) return Array.from({ length: Math.floor(next() * 3) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 3) }, () => [text(), value(depth + 1)]));
    };
    const depthOf = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);
    for (let i = 0; i < 2_000; i++) {
      const fields = ['editing', 'cursor', 'following', 'votingRound', 'x', 'y', 'z'];
      const state = Object.fromEntries(fields.filter(() => next() < 0.5).map((field) => [field, value(0)]));
      const out = relay(state);
      expect(valueHasForbiddenCharacter(out)).toBe(false);
      for (const [key, v] of Object.entries(out)) if (key !== 'user') expect(depthOf(v)).toBeLessThanOrEqual(MAX_NESTING);
      for (const key of ['x', 'y', 'z']) {
        const clean = key in state && !valueHasForbiddenCharacter(state[key]) && depthOf(state[key]) <= MAX_NESTING;
        if (clean) expect(out[key]).toEqual(state[key]);
      }
    }
  });
});
