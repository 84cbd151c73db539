import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hasForbiddenCharacter } from '../strings.js';
import { writeFields, writeText, type YItem } from './ymap.js';

/** Issue 17: inputs write through these; the server refuses such characters (1008) and a refused update would be resent forever. */
describe('writeFields and writeText remove the characters the server refuses', () => {
  const item = (): YItem => new Y.Doc().getMap('activities');
  const FORBIDDEN = ['\u0000', '\u0008', '\u001b', '\u007f', '\u0085', '\u009f', '\u202a', '\u202e', '\u2066', '\u2069', '\ud800', '\udc00'];

  it.each(FORBIDDEN.map((char) => [char.charCodeAt(0).toString(16), char]))('U+%s: removed from plain values and co-edited texts', (_code, char) => {
    const map = item();
    writeFields(map, { responsible: `Anna${char}Berg`, subtitle: `1.4 ${char}gpj.exe`, title: `Mål${char}` }, ['title']);
    expect(map.get('responsible')).toBe('AnnaBerg');
    expect(map.get('subtitle')).toBe('1.4 gpj.exe');
    expect((map.get('title') as Y.Text).toString()).toBe('Mål');
    writeText(map, 'description', `a${char}\tb\nc`);
    expect((map.get('description') as Y.Text).toString()).toBe('a\tb\nc');
  });

  it.each([
    ['Arabic', 'خطة العمل'],
    ['Hebrew with RLM', 'תוכנית\u200f'],
    ['emoji', '😀🇸🇪'],
    ['TAB and LF', 'a\tb\nc'],
  ])('%s is kept', (_what, text) => {
    const map = item();
    writeFields(map, { responsible: text });
    expect(map.get('responsible')).toBe(text);
    expect(hasForbiddenCharacter(text)).toBe(false);
  });
});
