/**
 * User test U14 item 6: in Norwegian the capture panel said "Tiltak" for two different things —
 * the agenda's action item (sv "Åtgärd") and the plan activity it can become (sv "Aktivitet",
 * "Tiltak" everywhere else in the nb app). Within one panel's words, two different Swedish
 * texts never become the same Norwegian or English text (GLOSSARY: action item =
 * oppfølgingspunkt, activity = tiltak).
 */
import { describe, expect, it } from 'vitest';
import { FACILITATION_MESSAGES } from './facilitation-messages.js';
import { OUTCOME_MESSAGES } from './facilitation-outcome-messages.js';
import { MESSAGES } from './messages.js';

type Table = Record<'sv' | 'nb' | 'en', Record<string, string>>;

/** A panel's words: its own message table, plus app words it names things with (by key). */
const pick = (table: Table, keys: readonly string[]): Table => ({
  sv: Object.fromEntries(keys.map((k) => [k, table.sv[k] ?? ''])),
  nb: Object.fromEntries(keys.map((k) => [k, table.nb[k] ?? ''])),
  en: Object.fromEntries(keys.map((k) => [k, table.en[k] ?? ''])),
});
const merge = (...tables: Table[]): Table => ({
  sv: Object.assign({}, ...tables.map((t) => t.sv)),
  nb: Object.assign({}, ...tables.map((t) => t.nb)),
  en: Object.assign({}, ...tables.map((t) => t.en)),
});

const PANELS: Array<[string, Table]> = [
  // The capture panel: decisions, action items, "Gör till aktivitet" and the plan activity it links to.
  ['capture panel', merge(OUTCOME_MESSAGES as unknown as Table, pick(MESSAGES as unknown as Table, ['activity', 'goal']))],
  ['facilitator bar', FACILITATION_MESSAGES as unknown as Table],
];

/** Target texts that two different Swedish texts of `table` both become. */
function clashes(table: Table, language: 'nb' | 'en'): string[] {
  const svOf = new Map<string, Set<string>>();
  for (const [key, sv] of Object.entries(table.sv)) {
    const target = (table[language][key] ?? '').toLowerCase();
    if (target === '') continue;
    svOf.set(target, (svOf.get(target) ?? new Set()).add(sv.toLowerCase()));
  }
  return [...svOf].filter(([, svs]) => svs.size > 1).map(([target, svs]) => `${target} ← ${[...svs].join(' | ')}`);
}

describe.each(PANELS)('the words of the %s', (_panel, table) => {
  it.each(['nb', 'en'] as const)('%s: no two Swedish texts share one translation', (language) => {
    expect(clashes(table, language)).toEqual([]);
  });
});
