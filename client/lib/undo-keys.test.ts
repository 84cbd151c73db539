import { describe, expect, it } from 'vitest';
import { isUndoKey, undoStepOf } from './undo-keys.js';

describe('undoStepOf', () => {
  type Mods = Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>>;
  const key = (key: string, mods: Mods = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
  it.each([
    [key('z', { ctrlKey: true }), 'undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [key('z', { metaKey: true }), 'undo'],
    [key('z', { metaKey: true, shiftKey: true }), 'redo'],
    [key('y', { ctrlKey: true }), 'redo'],
    [key('Y', { metaKey: true }), 'redo'],
    [key('Y', { ctrlKey: true, shiftKey: true }), null],
    [key('z'), null],
    [key('y'), null],
    [key('z', { ctrlKey: true, altKey: true }), null],
    [key('y', { ctrlKey: true, altKey: true }), null],
    [key('x', { ctrlKey: true }), null],
  ])('%j → %s', (event, expected) => {
    expect(undoStepOf(event)).toBe(expected);
    expect(isUndoKey(event)).toBe(expected !== null);
  });
});
