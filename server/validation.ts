/** Request input through one schema library (zod); bad input becomes a 400 with a clear message. */
import type { Context } from 'hono';
import { z } from 'zod';
import { Limits } from '../shared/limits.js';
import { ROLES } from '../shared/roles.js';
import { fitsLength } from '../shared/strings.js';
import { AppError, invalid } from './errors.js';

export const NameSchema = z
  .string()
  .trim()
  .min(1, 'Namnet får inte vara tomt.')
  // Counted in whole characters (shared/strings.ts), so 200 emoji fit and none is split.
  .refine((name) => fitsLength(name, Limits.maxNameLength), `Högst ${Limits.maxNameLength} tecken.`);
export const EmailSchema = z.string().trim().toLowerCase().max(Limits.maxEmailLength).pipe(z.email('Ogiltig e-postadress.'));
export const RoleSchema = z.enum(ROLES, 'Rollen ska vara coordinator, editor eller viewer.');

export async function parseJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError(400, 'validation', 'Begäran måste vara giltig JSON.');
  }
  return parseWith(schema, body);
}

export function parseWith<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw invalid(field ? `${field}: ${issue?.message ?? 'ogiltigt värde'}` : (issue?.message ?? 'Ogiltig begäran.'));
  }
  return result.data;
}
