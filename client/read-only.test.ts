/** `readOnly` of a document record (DESIGN "Protected document fields"): absent means writable, anything else read-only. */
import { describe, expect, it } from 'vitest';
import { readOnlyOf } from './api.js';
import { canEdit } from './sync/close-codes.js';

describe('readOnlyOf', () => {
  it.each([
    [undefined, null],
    [null, null],
    [{ code: 'document.schema-too-new', message: 'Nyare version' }, { code: 'document.schema-too-new', message: 'Nyare version' }],
    [{ code: 'document.schema-too-new', message: 'x', extra: '<b>' }, { code: 'document.schema-too-new', message: 'x' }],
    [{ code: 42 }, { code: 'unknown', message: '' }],
    [true, { code: 'unknown', message: '' }],
    ['yes', { code: 'unknown', message: '' }],
  ])('%j → %j', (value, expected) => {
    expect(readOnlyOf(value)).toEqual(expected);
  });
});

describe('canEdit', () => {
  it.each([
    ['editor', null, true],
    ['coordinator', undefined, true],
    ['viewer', null, false],
    ['editor', { code: 'document.schema-too-new', message: '' }, false],
    ['coordinator', { code: 'unknown', message: '' }, false],
  ] as const)('%s with readOnly %j → %s', (role, readOnly, expected) => {
    expect(canEdit({ role, readOnly })).toBe(expected);
  });
});
