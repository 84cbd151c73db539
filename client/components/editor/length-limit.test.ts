import { EditorState } from '@codemirror/state';
import { describe, expect, it, vi } from 'vitest';
import { YSyncConfig, ySyncAnnotation } from 'y-codemirror.next';
import { characterLength } from '../../../shared/strings.js';

// Which texts the filter counts whole (their lengths in code units).
const counted = vi.hoisted(() => ({ calls: 0, lengths: [] as number[] }));
vi.mock('../../../shared/strings.js', async (original) => {
  const real = await original<typeof import('../../../shared/strings.js')>();
  return {
    ...real,
    characterLength: (text: string) => {
      counted.calls += 1;
      counted.lengths.push(text.length);
      return real.characterLength(text);
    },
  };
});
import { lengthLimit } from './length-limit.js';

const MAX = 10;
const FAMILY = '👨‍👩‍👧';

/** The document after a local edit of `doc` replacing [from, to) with `insert` under the filter. */
function edit(doc: string, from: number, to: number, insert: string, remote = false): string {
  const state = EditorState.create({ doc, extensions: [lengthLimit(MAX)] });
  const annotations = remote ? [ySyncAnnotation.of(Object.create(YSyncConfig.prototype) as YSyncConfig)] : [];
  return state.update({ changes: { from, to, insert }, userEvent: 'input.paste', annotations }).state.doc.toString();
}

describe('lengthLimit', () => {
  it.each([
    ['typing within the limit', 'abc', 3, 3, 'd', 'abcd'],
    ['typing up to the limit', 'abcdefghi', 9, 9, 'j', 'abcdefghij'],
    ['typing past the limit adds nothing', 'abcdefghij', 10, 10, 'k', 'abcdefghij'],
    ['a paste is cut to what fits', 'abcdefgh', 8, 8, 'XYZW', 'abcdefghXY'],
    ['a paste over a selection counts what it replaces', 'abcdefghij', 0, 5, '12345678', '12345fghij'],
    ['a paste is cut on whole characters', 'abcdefgh', 8, 8, `${FAMILY}${FAMILY}${FAMILY}`, `abcdefgh${FAMILY}${FAMILY}`],
    ['a flag is never split', 'abcdefghi', 9, 9, '🇸🇪🇳🇴', 'abcdefghi🇸🇪'],
    ['deleting in an over-long text stays possible', 'abcdefghijklm', 0, 3, '', 'defghijklm'],
    ['replacing in an over-long text with less stays possible', 'abcdefghijklm', 0, 3, 'x', 'xdefghijklm'],
  ])('%s', (_name, doc, from, to, insert, expected) => {
    const after = edit(doc, from, to, insert);
    expect(after).toBe(expected);
  });

  it('never filters a change that arrives through Yjs (others, undo)', () => {
    expect(edit('abcdefghij', 10, 10, 'klm', true)).toBe('abcdefghijklm');
  });

  it('keeps every local edit of random texts within the limit, or leaves an over-long text no longer', () => {
    const pieces = ['a', 'å', FAMILY, '🇸🇪', 'e\u0301', '👍🏽', ' '];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    for (let run = 0; run < 500; run += 1) {
      const doc = Array.from({ length: random(14) }, () => pieces[random(pieces.length)]).join('');
      const insert = Array.from({ length: random(6) }, () => pieces[random(pieces.length)]).join('');
      const from = 0;
      const to = random(2) === 0 ? 0 : Math.min(doc.length, 2);
      const after = edit(doc, from, to, insert);
      expect(characterLength(after) <= MAX || after.length <= doc.length).toBe(true);
    }
  });
});

describe('lengthLimit on a long text: counts from the last count, not the whole text each key', () => {
  /** `keys` single-character insertions at the end, each on the state the last one made. */
  function typeInto(doc: string, keys: string[], max: number): { text: string; counts: number; whole: number } {
    counted.calls = 0;
    counted.lengths = [];
    let state = EditorState.create({ doc, extensions: [lengthLimit(max)] });
    for (const key of keys) state = state.update({ changes: { from: state.doc.length, insert: key }, userEvent: 'input.type' }).state;
    return { text: state.doc.toString(), counts: counted.calls, whole: counted.lengths.filter((length) => length >= doc.length).length };
  }

  it.each([
    ['flags, far within the limit', '🇸🇪'.repeat(300), 1_000, 40, 1],
    ['family emoji, far within the limit', FAMILY.repeat(200), 1_000, 40, 1],
    // At the limit every key is counted (and the cut counts what it keeps): correctness only.
    ['family emoji, typing past the limit', FAMILY.repeat(990), 1_000, 40, 80],
  ])('%s', (_name, doc, max, keys, wholeCounts) => {
    const { text, counts, whole } = typeInto(doc, Array.from({ length: keys }, () => 'x'), max);
    expect(characterLength(text)).toBe(Math.min(max, characterLength(doc) + keys));
    // The first key counts the text; later ones only when their bound reaches the limit.
    expect(whole).toBeLessThanOrEqual(wholeCounts);
    expect(counts).toBeGreaterThan(0);
  });

  it('random edits chained on one state keep the limit as a fresh count would', () => {
    const pieces = ['a', FAMILY, '🇸🇪', 'e\u0301', '\u200d', ' '];
    let seed = 3;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    for (let run = 0; run < 60; run += 1) {
      let state = EditorState.create({ doc: FAMILY.repeat(random(12)), extensions: [lengthLimit(MAX)] });
      for (let step = 0; step < 25; step += 1) {
        const before = state.doc.toString();
        const from = random(before.length + 1);
        const to = Math.min(before.length, from + random(3));
        const insert = Array.from({ length: random(3) }, () => pieces[random(pieces.length)]).join('');
        state = state.update({ changes: { from, to, insert }, userEvent: 'input.type' }).state;
        const after = state.doc.toString();
        expect(characterLength(after) <= MAX || after.length <= before.length).toBe(true);
      }
    }
  });
});

describe('lengthLimit reports what a local edit left out', () => {
  /** What `report` heard for one local (or remote) edit of `doc`. */
  function heard(doc: string, from: number, to: number, insert: string, remote = false): number[] {
    const reports: number[] = [];
    const state = EditorState.create({ doc, extensions: [lengthLimit(MAX, (dropped) => reports.push(dropped))] });
    const annotations = remote ? [ySyncAnnotation.of(Object.create(YSyncConfig.prototype) as YSyncConfig)] : [];
    state.update({ changes: { from, to, insert }, userEvent: 'input.paste', annotations });
    return reports;
  }

  it.each([
    ['an edit that fits: nothing left out', 'abc', 3, 3, 'd', [0]],
    ['a paste cut to what fits: the rest', 'abcdefgh', 8, 8, 'XYZW', [2]],
    ['typing past the limit: the key', 'abcdefghij', 10, 10, 'k', [1]],
    ['whole characters are counted, not code units', 'abcdefgh', 8, 8, `${FAMILY}${FAMILY}${FAMILY}`, [1]],
    ['deleting in an over-long text: nothing left out', 'abcdefghijklm', 0, 3, '', [0]],
  ])('%s', (_name, doc, from, to, insert, expected) => {
    expect(heard(doc, from, to, insert)).toEqual(expected);
  });

  it('hears nothing of a change from others (through Yjs)', () => {
    expect(heard('abcdefghij', 10, 10, 'XYZ', true)).toEqual([]);
  });

  it('the dropped count and the text kept add up to the paste, for pastes at any length', () => {
    for (let length = 0; length <= 2 * MAX; length += 1) {
      const paste = FAMILY.repeat(length);
      const reports: number[] = [];
      const state = EditorState.create({ doc: 'abc', extensions: [lengthLimit(MAX, (dropped) => reports.push(dropped))] });
      const after = state.update({ changes: { from: 3, to: 3, insert: paste }, userEvent: 'input.paste' }).state.doc.toString();
      expect(characterLength(after) - 3 + (reports[0] ?? 0)).toBe(length);
    }
  });
});
