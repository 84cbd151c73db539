/**
 * zod's failures in Swedish (X17 finding 3: "title: Invalid input: expected string, received
 * array" reached people). `swedishIssue` is the error map every HTTP boundary parses with
 * (server/validation.ts `parseWith`): a schema's own message still wins, any other failure
 * says here what was wrong — a predicate ("ska vara text", "får vara högst 200 tecken") that
 * `parseWith` puts after the field's name. Returns a string for every issue kind, so no
 * English default is ever reached.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

/** What a value of each expected type is called ("ska vara …"). */
const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  int: 'ett heltal',
  bigint: 'ett heltal',
  boolean: 'sant eller falskt (true/false)',
  object: 'ett objekt',
  array: 'en lista',
  null: 'null',
  date: 'ett datum',
  map: 'ett objekt',
  set: 'en lista',
  record: 'ett objekt',
};

/** What a length or size is counted in, by the kind of value. */
const UNITS: Record<string, string> = { string: ' tecken', array: ' poster', set: ' poster', file: ' byte' };

const FORMATS: Record<string, string> = {
  email: 'en e-postadress',
  datetime: 'en ISO 8601-tid, t.ex. 2027-03-01T14:02:00Z',
  date: 'ett datum ÅÅÅÅ-MM-DD',
  time: 'en tid TT:MM',
  uuid: 'ett id (UUID)',
  guid: 'ett id (UUID)',
  url: 'en webbadress',
};

const listed = (values: readonly unknown[]): string => values.map((value) => JSON.stringify(value)).join(', ');

function sizeMessage(issue: Issue & { code: 'too_big' | 'too_small' }): string {
  const limit = issue.code === 'too_big' ? issue.maximum : issue.minimum;
  const unit = UNITS[issue.origin] ?? '';
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(limit) === 1) return 'får inte vara tom';
  if (issue.code === 'too_small' && (issue.origin === 'array' || issue.origin === 'set') && Number(limit) === 1) return 'får inte vara tom';
  const inclusive = issue.inclusive !== false;
  if (issue.code === 'too_big') return inclusive ? `får vara högst ${limit}${unit}` : `ska vara mindre än ${limit}${unit}`;
  return inclusive ? `ska vara minst ${limit}${unit}` : `ska vara större än ${limit}${unit}`;
}

/** A union none of whose types the value has: "ska vara text eller ett tal"; else it has the wrong form. */
function unionMessage(issue: Issue & { code: 'invalid_union' }): string {
  const expected = (issue.errors ?? []).map((branch) => {
    const [first] = branch;
    return first?.code === 'invalid_type' && first.path.length === 0 ? TYPE_NAMES[first.expected] : undefined;
  });
  const names = [...new Set(expected)];
  if (names.length === 0 || names.some((name) => name === undefined)) return 'har fel typ eller form';
  return `ska vara ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' eller ' : ''}${names.at(-1) ?? ''}`;
}

/**
 * The Swedish message of one zod issue (a predicate, lower-case, no full stop), for every
 * issue kind zod 4 makes. Wired in as the per-parse `error` option, below a schema's own.
 * @example swedishIssue({ code: 'invalid_type', expected: 'string', input: [] }) // 'ska vara text'
 */
export function swedishIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'saknas';
      return `ska vara ${TYPE_NAMES[issue.expected] ?? 'av en annan typ'}`;
    case 'too_big':
    case 'too_small':
      return sizeMessage(issue);
    case 'invalid_format':
      return FORMATS[issue.format] === undefined ? 'har fel form' : `ska vara ${FORMATS[issue.format]}`;
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? 'ska vara ett heltal' : `ska vara en multipel av ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `${issue.keys.length === 1 ? 'har ett okänt fält' : 'har okända fält'}: ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `ska vara ${listed(issue.values)}` : `ska vara ett av ${listed(issue.values)}`;
    case 'invalid_union':
      return unionMessage(issue);
    case 'invalid_key':
      return 'har en ogiltig nyckel';
    case 'invalid_element':
      return 'har ett ogiltigt värde';
    default:
      return 'är ogiltigt';
  }
}
