import { EditorSelection, EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { YSyncConfig, ySyncAnnotation } from 'y-codemirror.next';
import { lengthLimit } from './length-limit.js';
import { textCharacters } from './text-characters.js';

const remoteSync = () => ySyncAnnotation.of(Object.create(YSyncConfig.prototype) as YSyncConfig);

/** The document and cursor after a local (or remote) edit replacing [from, to) of `doc` with `insert`. */
function edit(doc: string, from: number, to: number, insert: string, remote = false): { doc: string; cursor: number } {
  // The selection a paste replaces: [from, to), as in the editor.
  const state = EditorState.create({ doc, selection: EditorSelection.range(from, to), extensions: [textCharacters(), lengthLimit(20_000)] });
  const next = state.update({ changes: { from, to, insert }, selection: EditorSelection.cursor(from + insert.length), userEvent: 'input.paste', annotations: remote ? [remoteSync()] : [] }).state;
  return { doc: next.doc.toString(), cursor: next.selection.main.head };
}

// Every character of the class (shared/strings.ts hasForbiddenCharacter; every code unit in shared/text-characters.test.ts).
const FORBIDDEN = ['\u0000', '\u0007', '\u000b', '\u001b', '\u007f', '\u0085', '\u009b', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\ud800', '\udfff'];

describe('textCharacters (issue 17: the editor never sends what the server refuses)', () => {
  it.each(FORBIDDEN.map((char) => [char.codePointAt(0)?.toString(16) ?? '', char]))('U+%s is removed from a paste, the rest kept, the cursor after it', (_code, char) => {
    expect(edit('1.4 ', 4, 4, `${char}gpj.exe${char}`)).toEqual({ doc: '1.4 gpj.exe', cursor: 11 });
  });

  it.each([
    ['a paste of only such characters adds nothing', 'abc', 1, 1, '\u202e\u0000', 'abc'],
    ['a paste over a selection still replaces it', 'abcdef', 1, 4, 'X\u202eY', 'aXYef'],
    ['a paste of only such characters over a selection deletes it', 'abcdef', 1, 4, '\u202e', 'aef'],
    ['TAB and LF stay', 'ab', 1, 1, '\tx\ny', 'a\tx\nyb'],
    ['Arabic and Hebrew stay', '', 0, 0, 'خطة תוכנית', 'خطة תוכנית'],
    ['LRM/RLM marks and emoji stay', '', 0, 0, '\u200ea\u200f😀🇸🇪', '\u200ea\u200f😀🇸🇪'],
  ])('%s', (_what, doc, from, to, insert, expected) => {
    expect(edit(doc, from, to, insert).doc).toBe(expected);
  });

  it('leaves changes from others (through Yjs) alone', () => {
    expect(edit('ab', 1, 1, '\u202e', true).doc).toBe('a\u202eb');
  });

  it('cleans every change of a multi-cursor edit', () => {
    const state = EditorState.create({ doc: 'abc', extensions: [textCharacters()] });
    const next = state.update({ changes: [{ from: 0, insert: '\u0000x' }, { from: 3, insert: 'y\u2066' }] }).state;
    expect(next.doc.toString()).toBe('xabcy');
  });
});
