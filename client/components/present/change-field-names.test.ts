/**
 * Change lists name a changed field as the table does, in the reader's language (user test
 * u11: a guest's "Ändrat sedan ditt senaste besök" said "· responsible", nb "· budget").
 * Table: every field key of every kind (shared/model/field-types.ts, and the export-shape
 * keys shared/compare lists: a measurement's year, a strategy's vision) × sv/nb/en.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/compare/types.js';
import { FIELD_TYPES, type MapSpec } from '../../../shared/model/field-types.js';
import { LOCALES } from '../../../shared/locale.js';
import { setLocale } from '../../i18n/index.js';
import { changeFieldName } from './change-format.js';

/** Every named key of `spec` and of the maps inside it (an item's fields, a goal's objectives, measurements). */
function keysOf(spec: MapSpec, into: Set<string>): Set<string> {
  for (const [key, type] of Object.entries(spec.fields)) {
    into.add(key);
    if (type.content === 'map') keysOf(type.map, into);
  }
  if (spec.entries?.content === 'map') keysOf(spec.entries.map, into);
  return into;
}

const rows = Object.entries(FIELD_TYPES).flatMap(([kind, roots]) => {
  const keys = new Set<string>(kind === 'strategy' ? ['vision', 'year'] : []);
  for (const spec of Object.values(roots)) keysOf(spec, keys);
  return [...keys].flatMap((field) => LOCALES.map((locale) => [kind, field, locale] as const));
});

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  globalThis.document = { documentElement: {} } as Document;
});
afterAll(() => setLocale('sv'));

const changed = (field: string): Change => ({ op: 'changed', collection: 'activities', id: 'a1', label: '1.1 Energikartläggning', field, before: 'a', after: 'b' });

describe('a changed field is named in words, never by its key', () => {
  it('covers every kind', () => expect(new Set(rows.map(([kind]) => kind)).size).toBe(3));

  it.each(rows)('%s %s (%s)', (_kind, field, locale) => {
    setLocale(locale);
    const name = changeFieldName(changed(field)) ?? '';
    expect(name.trim()).not.toBe('');
    expect(name).not.toBe(field);
    expect(name.charAt(0)).toBe(name.charAt(0).toUpperCase());
  });

  it.each([
    ['sv', 'responsible', 'Ansvar'],
    ['nb', 'responsible', 'Ansvar'],
    ['en', 'responsible', 'Responsible'],
    ['sv', 'budget', 'Budget'],
    ['nb', 'budget', 'Budsjett'],
    ['en', 'budget', 'Budget'],
  ] as const)('%s %s → %s (the table column)', (locale, field, word) => {
    setLocale(locale);
    expect(changeFieldName(changed(field))).toBe(word);
  });

  it('names no field for an added, removed or moved item', () => {
    expect(changeFieldName({ ...changed('budget'), op: 'added' })).toBeNull();
    expect(changeFieldName({ ...changed('goalId'), op: 'moved' })).toBeNull();
  });
});
