import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { YSyncConfig, ySyncAnnotation } from 'y-codemirror.next';
import { characterLength } from '../../../shared/strings.js';
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
