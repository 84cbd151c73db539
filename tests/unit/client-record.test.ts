/**
 * validation.ts `clientRecord` keeps every own key of a parsed JSON object, names of
 * Object.prototype included (red-team F5: zod's record lost `__proto__`, so a ballot of
 * `{"__proto__":1}` read as empty). Table: prototype names × values; the key schema and the
 * cap still apply; a non-object is refused.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clientRecord } from '../../server/validation.js';

const NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineSetter__'];
const VALUES = ['1', '{"goals:a":9}', 'null', '[]'];
const schema = clientRecord(z.string().max(20), { max: 3, tooMany: 'Högst 3.' });

describe('clientRecord', () => {
  it.each(NAMES.flatMap((name) => VALUES.map((value) => [name, value] as const)))('keeps the key %s holding %s', (name, value) => {
    const parsed = schema.parse(JSON.parse(`{"goals:a":1,${JSON.stringify(name)}:${value}}`));
    expect([...parsed.keys()]).toEqual(['goals:a', name]);
    expect(parsed.get(name)).toEqual(JSON.parse(value));
  });

  it.each([
    ['an array', '[1]'],
    ['a string', '"x"'],
    ['null', 'null'],
    ['too many keys', '{"a":1,"b":1,"c":1,"__proto__":1}'],
    ['a key over its schema', `{"${'x'.repeat(21)}":1}`],
  ])('refuses %s', (_what, json) => {
    expect(schema.safeParse(JSON.parse(json)).success).toBe(false);
  });
});
