/**
 * An imported item's texts cut to what a document may hold (shared/content-limits.ts: a
 * title or label 200 characters, any other text 20 000), each cut on whole characters and
 * reported — never cut silently (issue 17: the import report names every cell it changed).
 */
import { textLimitOf } from '../content-limits.js';
import { characterLength, cutToLength } from '../strings.js';
import type { ImportWarning } from './report.js';
import type { TableRow } from './read-rows.js';

/** What a text field is called in a report sentence (sv, like the rest of the report). */
const FIELD_NAMES: Record<string, string> = {
  title: 'Titeln',
  label: 'Benämningen',
  description: 'Beskrivningen',
  responsible: 'Ansvar',
  recipients: 'Mottagare av resultat',
  section: 'Avsnittets namn',
};

const TITLE_KEYS: ReadonlySet<string> = new Set(['title', 'label']);

/**
 * `item` with each string field of `keys` cut to its limit; a warning per cut field goes to
 * `warnings` (field `title` for a title or label, `text` for any other text).
 * @example fitTexts({ title: 'x'.repeat(300) }, ['title'], row, warnings).title.length // 200
 */
export function fitTexts<T extends object>(item: T, keys: ReadonlyArray<keyof T & string>, row: TableRow, warnings: ImportWarning[]): T {
  const fitted = { ...item };
  for (const key of keys) {
    const value = item[key];
    if (typeof value !== 'string') continue;
    const limit = textLimitOf(key);
    const cut = cutToLength(value, limit);
    if (cut === value) continue;
    (fitted as Record<string, unknown>)[key] = cut;
    const name = FIELD_NAMES[key] ?? key;
    warnings.push({
      line: row.line,
      text: row.text,
      field: TITLE_KEYS.has(key) ? 'title' : 'text',
      reason: `${name} är ${characterLength(value).toLocaleString('sv-SE')} tecken, längre än ${limit.toLocaleString('sv-SE')}, och kortades till ${limit.toLocaleString('sv-SE')} tecken.`,
    });
  }
  return fitted;
}
