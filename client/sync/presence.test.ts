/**
 * Presence is rendered with safe values only (issue 15 item 4): whatever a peer puts in its
 * awareness `user`, colours reach styles only as `#rrggbb` and names only as plain text.
 */
import { describe, expect, it } from 'vitest';
import { createComputed, createRoot } from 'solid-js';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { announce, caretAwareness, createPresence, FALLBACK_COLOR, safeColor, safeName, safeUser, setEditing } from './presence.js';

const HOSTILE_COLORS: unknown[] = [
  'red;position:fixed;inset:0;background:url(https://evil.example/x)',
  '#fff;background:url(https://evil.example/x)',
  '#1f6feb33',
  '#1f6feb;',
  ' #1f6feb',
  'url(https://evil.example/x)',
  'var(--x)',
  'expression(alert(1))',
  '#12345g',
  '#123',
  '',
  null,
  undefined,
  42,
  { toString: () => '#1f6feb' },
  ['#1f6feb'],
];

describe('safeColor', () => {
  it.each(HOSTILE_COLORS.map((value) => [value]))('replaces %j with the fallback colour', (value) => {
    expect(safeColor(value)).toBe(FALLBACK_COLOR);
  });

  it.each(['#1f6feb', '#B3261E', '#000000'])('keeps %s', (value) => {
    expect(safeColor(value)).toBe(value);
  });
});

describe('safeName', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['Anna\u0000\u0007 Samordnare\n', 'Anna Samordnare'],
    ['  Erik  ', 'Erik'],
    ['', '?'],
    [null, '?'],
    [42, '?'],
    [{ name: 'x' }, '?'],
    ['x'.repeat(500), 'x'.repeat(80)],
    ['😀'.repeat(100), '😀'.repeat(80)],
  ])('makes %j the text %j', (value, expected) => {
    expect(safeName(value)).toBe(expected);
  });
});

describe('safeUser', () => {
  it('keeps only a name and colours derived from a safe colour', () => {
    const user = safeUser({ name: 'Eve', color: 'red;position:fixed', colorLight: 'red;background:url(https://evil.example/)', extra: '<b>' });
    expect(user).toEqual({ name: 'Eve', color: FALLBACK_COLOR, colorLight: `${FALLBACK_COLOR}33` });
  });
});

function hostilePair() {
  const mine = new Awareness(new Y.Doc());
  const theirs = new Awareness(new Y.Doc());
  mine.setLocalStateField('user', { name: 'Anna', color: '#1f6feb', colorLight: '#1f6feb33' });
  theirs.setLocalState({
    user: { name: '<script>alert(1)</script>', color: 'red;position:fixed;inset:0', colorLight: 'red;background:url(https://evil.example/)' },
    cursor: { anchor: 1, head: 2 },
  });
  // What the provider does with a remote peer's state.
  mine.states.set(theirs.clientID, theirs.getLocalState() ?? {});
  return { mine, theirs };
}

describe('the presence list and the caret view', () => {
  it('give every peer a safe colour and a plain-text name', () => {
    const { mine, theirs } = hostilePair();
    createRoot((dispose) => {
      const peers = createPresence(mine)();
      const eve = peers.find((peer) => peer.clientId === theirs.clientID);
      expect(eve).toMatchObject({ name: '<script>alert(1)</script>', color: FALLBACK_COLOR });
      dispose();
    });
  });

  it('hands the text binding sanitized users, the rest of the state intact', () => {
    const { mine, theirs } = hostilePair();
    const view = caretAwareness(mine);
    const state = view.getStates().get(theirs.clientID);
    expect(state?.user).toEqual({ name: '<script>alert(1)</script>', color: FALLBACK_COLOR, colorLight: `${FALLBACK_COLOR}33` });
    expect(state?.cursor).toEqual({ anchor: 1, head: 2 });
    expect(view.doc).toBe(mine.doc);
    expect(view.getLocalState()).toBe(mine.getLocalState());
  });
});

describe('the presence list changes only when what it shows changes (issue 17 item 14)', () => {
  // Every field of a plan reads the list: a caret move on each keystroke must not re-run them all.
  const edits: Array<[string, (a: Awareness) => void, boolean]> = [
    ['a caret move', (a) => a.setLocalStateField('cursor', { anchor: 3, head: 3 }), false],
    ['the same field again', (a) => a.setLocalStateField('editing', 'activities:a1:title'), false],
    ['another field', (a) => setEditing(a, 'activities:a2:title'), true],
    ['leaving the field', (a) => setEditing(a, null), true],
    ['a new name', (a) => announce(a, { id: 'u1', name: 'Anna Andersson' }), true],
  ];
  it.each(edits)('%s notifies readers: %s', (_, edit, notifies) => {
    const awareness = new Awareness(new Y.Doc());
    announce(awareness, { id: 'u1', name: 'Anna' });
    setEditing(awareness, 'activities:a1:title');
    createRoot((dispose) => {
      const peers = createPresence(awareness);
      let runs = 0;
      createComputed(() => (peers(), runs++));
      edit(awareness);
      expect(runs).toBe(notifies ? 2 : 1);
      dispose();
    });
    awareness.destroy();
  });
});
