/**
 * Every kind of zod failure at an HTTP boundary is Swedish (X17 finding 3;
 * server/validation-messages.ts): a table of one schema per issue kind zod 4 makes, parsed
 * through `parseWith`, each giving its Swedish message — and none an English word of zod's.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../server/errors.js';
import { parseWith } from '../../server/validation.js';

const ENGLISH = /invalid|expected|received|too (big|small)|unrecognized|must|string|number|boolean|object|array|input|option|characters|format|key|element/i;

function messageOf(schema: z.ZodType, input: unknown): string {
  try {
    parseWith(schema, input);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation') return error.message;
    throw error;
  }
  throw new Error('parsed');
}

describe('zod failures in Swedish', () => {
  // [what, schema under the field `f`, value of `f`, expected message]
  const cases: Array<[string, z.ZodType, unknown, string]> = [
    ['text expected', z.string(), [1], 'f: ska vara text'],
    ['number expected', z.number(), 'x', 'f: ska vara ett tal'],
    ['integer expected, got text', z.int(), 'x', 'f: ska vara ett tal'],
    ['integer, got a fraction', z.int(), 1.5, 'f: ska vara ett heltal'],
    ['boolean expected', z.boolean(), 1, 'f: ska vara sant eller falskt (true/false)'],
    ['list expected', z.array(z.string()), {}, 'f: ska vara en lista'],
    ['missing', z.string(), undefined, 'f: saknas'],
    ['text too long', z.string().max(3), 'abcd', 'f: får vara högst 3 tecken'],
    ['text empty', z.string().min(1), '', 'f: får inte vara tom'],
    ['text too short', z.string().min(3), 'ab', 'f: ska vara minst 3 tecken'],
    ['number too big', z.number().max(90), 91, 'f: får vara högst 90'],
    ['number too small', z.number().min(1), 0, 'f: ska vara minst 1'],
    ['positive', z.number().positive(), 0, 'f: ska vara större än 0'],
    ['list too long', z.array(z.number()).max(2), [1, 2, 3], 'f: får vara högst 2 poster'],
    ['list empty', z.array(z.number()).min(1), [], 'f: får inte vara tom'],
    ['multiple', z.number().multipleOf(5), 7, 'f: ska vara en multipel av 5'],
    ['email', z.email(), 'nej', 'f: ska vara en e-postadress'],
    ['ISO time', z.iso.datetime({ offset: true }), '2027', 'f: ska vara en ISO 8601-tid, t.ex. 2027-03-01T14:02:00Z'],
    ['uuid', z.uuid(), 'x', 'f: ska vara ett id (UUID)'],
    ['regex', z.string().regex(/^a+$/), 'b', 'f: har fel form'],
    ['enum', z.enum(['live', 'adopted']), 'x', 'f: ska vara ett av "live", "adopted"'],
    ['literal', z.literal('live'), 'x', 'f: ska vara "live"'],
    ['union of types', z.union([z.string(), z.number()]), true, 'f: ska vara text eller ett tal'],
    ['union of forms', z.union([z.literal('last-visit'), z.iso.datetime()]), 5, 'f: har fel typ eller form'],
    ['union, one form nearly', z.union([z.literal('last-visit'), z.iso.datetime()]), 'x', 'f: ska vara en ISO 8601-tid, t.ex. 2027-03-01T14:02:00Z'],
    ['unknown field', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, 'f: har ett okänt fält: b'],
    ['record key', z.record(z.string().max(1), z.number()), { long: 1 }, 'f.long: har en ogiltig nyckel'],
    ['nested', z.array(z.object({ id: z.string() })), [{ id: 1 }], 'f.0.id: ska vara text'],
    ['own message wins', z.string().max(3, 'Högst 3 tecken, tack.'), 'abcd', 'f: Högst 3 tecken, tack.'],
  ];
  it.each(cases)('%s', (_what, schema, value, expected) => {
    const message = messageOf(z.object({ f: schema }), { f: value });
    expect(message).toBe(expected);
    if (!expected.includes('tack')) expect(message).not.toMatch(ENGLISH);
  });

  it('a body of the wrong type is "Begäran …"', () => {
    expect(messageOf(z.object({ f: z.string() }), [1])).toBe('Begäran ska vara ett objekt.');
    expect(messageOf(z.object({ f: z.string() }), null)).toBe('Begäran ska vara ett objekt.');
    expect(messageOf(z.strictObject({}), { x: 1, y: 2 })).toBe('Begäran har okända fält: x, y.');
  });
});
