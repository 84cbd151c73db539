import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentLimits } from '../content-limits.js';
import { characterLength } from '../strings.js';
import { writeFields, writeText, type YItem } from './ymap.js';

/** Whatever a field is given, what is written stays within the key's limit (the server refuses more with 1008). */
describe('writeFields and writeText keep to the content limits', () => {
  const item = (): YItem => new Y.Doc().getMap('goals');
  const family = '👨‍👩‍👧';
  it.each([
    ['title', 'x'.repeat(250), ContentLimits.maxTitleLength],
    ['name', family.repeat(300), ContentLimits.maxTitleLength],
    ['label', 'é'.repeat(201), ContentLimits.maxTitleLength],
    ['responsible', 'r'.repeat(ContentLimits.maxTextLength + 5), ContentLimits.maxTextLength],
  ])('%s: a plain value is cut to %#', (key, value, max) => {
    const map = item();
    writeFields(map, { [key]: value });
    const stored = map.get(key) as string;
    expect(characterLength(stored)).toBe(max);
    expect(value.startsWith(stored)).toBe(true);
  });

  it.each([
    ['title', family.repeat(250), ContentLimits.maxTitleLength],
    ['description', 'd'.repeat(ContentLimits.maxTextLength + 1), ContentLimits.maxTextLength],
  ])('%s: a co-edited text is cut too', (key, value, max) => {
    const map = item();
    writeFields(map, { [key]: value }, [key]);
    expect(characterLength((map.get(key) as Y.Text).toString())).toBe(max);
    writeText(map, key, 'kort');
    expect((map.get(key) as Y.Text).toString()).toBe('kort');
  });

  it('leaves numbers, short texts and other values as they are', () => {
    const map = item();
    writeFields(map, { title: 'Mål', budget: 420_000, done: true, start: null });
    expect(map.toJSON()).toEqual({ title: 'Mål', budget: 420_000, done: true, start: null });
  });
});
