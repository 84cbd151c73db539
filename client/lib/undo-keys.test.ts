import { describe, expect, it } from 'vitest';
import { isUndoKey } from './undo-keys.js';

describe('isUndoKey', () => {
  const key = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });
  it.each([
    [key('z', { ctrlKey: true }), true],
    [key('Z', { ctrlKey: true }), true], // with Shift: redo
    [key('z', { metaKey: true }), true],
    [key('z'), false],
    [key('z', { ctrlKey: true, altKey: true }), false],
    [key('y', { ctrlKey: true }), false],
  ])('%j → %s', (event, expected) => {
    expect(isUndoKey(event)).toBe(expected);
  });
});
