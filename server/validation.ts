/** Request input through one schema library (zod); bad input becomes a 400 with a clear message. */
import type { Context } from 'hono';
import { z } from 'zod';
import { impossibleDate, isValidDate } from '../shared/dates.js';
import { Limits } from '../shared/limits.js';
import { ROLES } from '../shared/roles.js';
import { fitsLength, singleLineProblem, type SingleLineProblem } from '../shared/strings.js';
import { AppError, invalid } from './errors.js';
import { swedishIssue } from './validation-messages.js';

/** Why a single-line text is refused (shared/strings.ts `singleLineProblem`), for people. */
const SINGLE_LINE_MESSAGES: Record<Exclude<SingleLineProblem, 'blank'>, string> = {
  control: 'Radbrytningar, tabbar och andra styrtecken är inte tillåtna.',
  bidi: 'Tecken som vänder textriktningen (U+202A–202E, U+2066–2069) är inte tillåtna.',
  invalid: 'Texten innehåller ogiltiga tecken (U+FFFE, U+FFFF eller trasiga surrogatpar).',
};

/**
 * Every single-line text that enters through HTTP — titles, names, labels, version and
 * decision fields, round titles — goes through this one schema (red-team FA2-1): trimmed,
 * refused with a Swedish 400 for controls, bidi controls, noncharacters and lone surrogates
 * (shared/strings.ts `singleLineProblem`), `empty` when nothing visible is left, and at most
 * `max` characters counted as people count them.
 * @example singleLine({ max: 200, empty: 'Etiketten får inte vara tom.' })
 */
export function singleLine(options: { max: number; empty: string; tooLong?: string }) {
  const tooLong = options.tooLong ?? `Högst ${options.max} tecken.`;
  return z
    .string()
    .trim()
    .superRefine((text, context) => {
      // Length first: the other checks then read at most max × 16 code units.
      if (!fitsLength(text, options.max)) return void context.addIssue({ code: 'custom', message: tooLong });
      const problem = singleLineProblem(text);
      if (problem !== null) context.addIssue({ code: 'custom', message: problem === 'blank' ? options.empty : SINGLE_LINE_MESSAGES[problem] });
    });
}

// Counted in whole characters (shared/strings.ts), so 200 emoji fit and none is split.
export const NameSchema = singleLine({ max: Limits.maxNameLength, empty: 'Namnet får inte vara tomt.' });
export const EmailSchema = z.string().trim().toLowerCase().max(Limits.maxEmailLength).pipe(z.email('Ogiltig e-postadress.'));
export const RoleSchema = z.enum(ROLES, 'Rollen ska vara coordinator, editor eller viewer.');

/**
 * An ISO calendar date `YYYY-MM-DD`. A day the calendar lacks says so — "Datumet 2027-02-30
 * finns inte." — rather than blaming the format (issue 17; shared/dates.ts `impossibleDate`).
 */
export const DateSchema = z.string().superRefine((value, context) => {
  if (isValidDate(value)) return;
  const impossible = impossibleDate(value);
  context.addIssue({ code: 'custom', message: impossible === null ? 'Datumet ska skrivas ÅÅÅÅ-MM-DD.' : `Datumet ${impossible} finns inte.` });
});

/**
 * A JSON object whose keys the client chooses, read as a Map of every own key (red-team F5):
 * zod's `z.record` copies keys into a fresh object, where `"__proto__"` sets the prototype
 * and vanishes, so `{"__proto__":1}` passed as `{}`. Here every key — `__proto__`,
 * `constructor`, `toString` … — is a plain key the caller's rules then accept or refuse.
 * 400 `validation` for a non-object, a key the `key` schema refuses, or more than `max` keys.
 * @example clientRecord(z.string().max(200), { max: 100, tooMany: 'Högst 100 punkter.' })
 */
export function clientRecord(key: z.ZodType<string, string>, options: { max: number; tooMany: string }) {
  return z
    .custom<object>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'Ska vara ett objekt.')
    .transform((value) => new Map<string, unknown>(Object.entries(value)))
    .pipe(z.map(key, z.unknown()).refine((entries) => entries.size <= options.max, options.tooMany));
}

/** Plain decimal digits without a sign or a leading zero: how the app writes every integer in a query. */
const DECIMAL_DIGITS = /^(0|[1-9][0-9]*)$/;

/**
 * One rule for every integer query parameter (red team X14: `z.coerce` read `limit=0x10`,
 * `1e2`, ` 10`, `+5` and `010` as numbers): plain decimal digits 0–9 without a sign,
 * space or leading zero, within `min..max`, else 400 `validation` ("limit: …"); absent →
 * `fallback`. Used by `GET …/history` and `GET …/audit` (DESIGN "Audit and exports").
 * @example z.object({ limit: queryInteger({ min: 1, max: 500, fallback: 100 }) })
 */
export function queryInteger(range: { min: number; max: number; fallback: number }) {
  const digits = `ska skrivas med siffrorna 0–9, utan tecken, mellanslag eller inledande nolla (t.ex. ${range.fallback})`;
  return z
    .string({ error: digits })
    .regex(DECIMAL_DIGITS, digits)
    .transform(Number)
    .pipe(z.number().min(range.min, `ska vara minst ${range.min}`).max(range.max, `får vara högst ${range.max}`))
    .default(range.fallback);
}

/**
 * One rule for every period filter (red-team F8: history refused from > to, audit answered
 * it 200 and empty): `from`/`to` are optional ISO 8601 times with an offset, read as ms, both
 * inclusive, and `from` may not be later than `to`, else 400 `validation` on `from`.
 * Used by `GET …/history` and `GET …/audit` (DESIGN "Audit and exports").
 * @example withPeriod(z.object({ limit: queryInteger({ min: 1, max: 1000, fallback: 200 }) }))
 */
export function withPeriod<S extends z.ZodRawShape>(query: z.ZodObject<S>) {
  const time = (what: string) => z.iso.datetime({ offset: true, error: `${what} ska vara en ISO 8601-tid, t.ex. 2027-03-01T14:02:00Z.` }).transform((iso) => Date.parse(iso));
  return query
    .extend({ from: time('from').optional(), to: time('to').optional() })
    .refine(
      (q) => {
        // TypeScript cannot resolve the extended shape of a generic S; these two are ours.
        const { from, to } = q as { from?: number; to?: number };
        return from === undefined || to === undefined || from <= to;
      },
      { message: 'from får inte vara senare än to.', path: ['from'] },
    );
}

/**
 * The request's JSON body as `schema` reads it; 400 `validation` for bad JSON, bad input or
 * an unknown field. `schema` must be a `z.strictObject` (objects nested in it too), so a
 * field the route does not know is refused ("Begäran har ett okänt fält: x."), never
 * silently dropped (red team S9: `duplicate` ignored `{amount: false}` while `visits`
 * refused it). zod's types cannot tell a strict object from a stripping one, so a schema
 * that is not strict throws here (a 500 in the route's first test:
 * tests/integration/unknown-fields.test.ts holds each JSON-body route).
 */
export async function parseJson<T extends z.ZodObject>(c: Context, schema: T): Promise<z.infer<T>> {
  if (schema.def.catchall?._zod.def.type !== 'never') throw new Error('parseJson: the body schema must be a z.strictObject');
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError(400, 'validation', 'Begäran måste vara giltig JSON.');
  }
  return parseWith(schema, body);
}

/**
 * `input` as `schema` reads it, else 400 `validation` with the first issue in Swedish:
 * `field: message` (a schema's own message, else `swedishIssue`'s: "title: ska vara text");
 * an issue of the whole body or query says "Begäran …" (X17 finding 3: no English of zod's).
 */
export function parseWith<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input, { error: swedishIssue });
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    const message = issue?.message ?? 'är ogiltig';
    // The map's predicates start lower-case; a schema's own messages are whole sentences.
    const sentence = /^\p{Ll}/u.test(message) ? `Begäran ${message}.` : message;
    throw invalid(field ? `${field}: ${message}` : sentence);
  }
  return result.data;
}
