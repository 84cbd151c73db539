import { describe, expect, it } from 'vitest';
import { isUndoKey, redoDepth, undoRouteOf, undoStepOf } from './undo-keys.js';

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

describe('undoRouteOf: a field undoes its own typing first, then the document (issue 17 C3)', () => {
  it.each<['undo' | 'redo', boolean, number, 'field' | 'document']>([
    ['undo', true, 0, 'field'],
    ['undo', true, 2, 'field'],
    ['undo', false, 0, 'document'],
    // Back at the stored value with the draft's typing undone: undo is the document's, redo the field's.
    ['undo', false, 1, 'document'],
    ['redo', false, 1, 'field'],
    ['redo', true, 1, 'field'],
    ['redo', false, 0, 'document'],
    // A draft with nothing of its own to redo: the document's redo would skip the typing.
    ['redo', true, 0, 'field'],
  ])('%s with drafted %s, %i redoable → %s', (step, drafted, redoable, expected) => {
    expect(undoRouteOf(step, { drafted, redoable })).toBe(expected);
  });
});

describe('redoDepth', () => {
  it.each<[number, string, number]>([
    [0, 'historyUndo', 1],
    [1, 'historyUndo', 2],
    [2, 'historyRedo', 1],
    [0, 'historyRedo', 0],
    [3, 'insertText', 0],
    [3, 'deleteContentBackward', 0],
    [3, 'insertFromPaste', 0],
    [3, '', 0],
  ])('%i then %j → %i', (depth, inputType, expected) => {
    expect(redoDepth(depth, inputType)).toBe(expected);
  });

  it('follows a sequence of typing, undos and redos as the browser counts them', () => {
    const events = ['insertText', 'insertText', 'historyUndo', 'historyUndo', 'historyRedo', 'historyUndo', 'insertText', 'historyUndo', 'historyRedo'];
    const depths: number[] = [];
    events.reduce((depth, type) => {
      const next = redoDepth(depth, type);
      depths.push(next);
      return next;
    }, 0);
    expect(depths).toEqual([0, 0, 1, 2, 1, 2, 0, 1, 0]);
  });
});
