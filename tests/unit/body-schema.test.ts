/**
 * validation.ts `parseJson` reads only strict bodies (red team S9 finding 2: `duplicate`
 * dropped an unknown field that `visits` refused): a strict schema refuses an unknown field
 * with 400 `validation`, at the top and nested, and a schema that would strip or pass
 * unknown fields is a programming error, thrown before any body is read.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../server/errors.js';
import { parseJson } from '../../server/validation.js';

async function answer(schema: z.ZodObject, body: unknown): Promise<{ status: number; json: unknown }> {
  const app = new Hono();
  app.onError((error, c) => (error instanceof AppError ? c.json({ code: error.code, message: error.message }, 400) : c.json({ thrown: error.message }, 500)));
  app.post('/', async (c) => c.json(await parseJson(c, schema)));
  const response = await app.request('/', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { status: response.status, json: await response.json() };
}

const Strict = z.strictObject({ title: z.string(), decision: z.strictObject({ body: z.string() }).optional() });

describe('parseJson', () => {
  it.each([
    ['a known body', { title: 'T' }, 200, { title: 'T' }],
    ['an unknown field', { title: 'T', amount: false }, 400, { code: 'validation', message: 'Begäran har ett okänt fält: amount.' }],
    ['two unknown fields', { title: 'T', a: 1, b: 2 }, 400, { code: 'validation', message: 'Begäran har okända fält: a, b.' }],
    ['a nested unknown field', { title: 'T', decision: { body: 'KS', x: 1 } }, 400, { code: 'validation', message: 'decision: har ett okänt fält: x' }],
    ['__proto__ as a field', JSON.parse('{"title":"T","__proto__":{"x":1}}') as unknown, 400, { code: 'validation', message: 'Begäran har ett okänt fält: __proto__.' }],
  ])('%s → %i', async (_what, body, status, json) => {
    expect(await answer(Strict, body)).toEqual({ status, json });
  });

  it.each([
    ['z.object (strips)', z.object({ title: z.string() })],
    ['z.looseObject (passes)', z.looseObject({ title: z.string() })],
    ['z.object().catchall', z.object({ title: z.string() }).catchall(z.number())],
  ])('refuses a body schema that is not strict: %s', async (_what, schema) => {
    expect(await answer(schema, { title: 'T' })).toEqual({ status: 500, json: { thrown: 'parseJson: the body schema must be a z.strictObject' } });
  });
});
