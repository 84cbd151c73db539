/**
 * One history entry as a line people read: "Budget ändrad av Erik Redaktör 14:02
 * (420 000 → 380 000 kr)". Times of today show as the time alone, older ones with the date.
 */
import { shortLabel } from '../../../shared/compare/fields.js';
import type { ChangeValue } from '../../../shared/compare/types.js';
import { INTL_LOCALE } from '../../../shared/locale.js';
import { decimal, locale, money, t } from '../../i18n/index.js';
import { MESSAGES, type MessageKey } from '../../i18n/messages.js';
import type { HistoryEntry, HistoryFilter } from './history-api.js';

/** Fields whose name differs from the UI word that names them (the rest are message keys of their own name). */
const FIELD_WORDS: Readonly<Record<string, MessageKey>> = {
  goalId: 'goal', focusAreaId: 'focusArea', meetingId: 'meeting', itemId: 'item',
  order: 'fieldWord_order', periodStart: 'fieldWord_periodStart', periodEnd: 'fieldWord_periodEnd', planActivity: 'fieldWord_planActivity',
  priority: 'fieldWord_priority', spentBeforeDate: 'fieldWord_spentBeforeDate', spotlight: 'fieldWord_spotlight', spotlightBy: 'fieldWord_spotlightBy',
  text: 'fieldWord_text', timer: 'fieldWord_timer',
};

/**
 * The field's name in the reader's language ("Budget", "Ansvar"), as the table's column says
 * it; the one naming of fields for the history log and every change list (present/ChangeList).
 * Every key of shared/model/field-types.ts has a word; a key a newer schema adds shows as written.
 */
export function fieldName(field: string): string {
  const key = FIELD_WORDS[field] ?? field;
  if (!(key in MESSAGES[locale()])) return field;
  const word = t(key as MessageKey);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * What an empty change log says: with a person, field or period chosen, that nothing
 * matches (user test: "Inga ändringar sparade än." read as if the log had lost them).
 */
export function emptyHistoryText(filter: HistoryFilter | null): string {
  const filtered = filter !== null && [filter.user, filter.field, filter.from, filter.to].some((v) => v !== undefined && v !== '');
  return t(filtered ? 'history_noMatch' : 'history_none');
}

/** "14:02" today; "3 mars 2027 14:02" another day (in the reader's time zone). */
export function historyTime(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const tag = INTL_LOCALE[locale()];
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }).format(at);
  return sameDay ? time : `${new Intl.DateTimeFormat(tag, { dateStyle: 'medium' }).format(at)} ${time}`;
}

/** Fields holding amounts in minor units (as present/ChangeList.tsx shows them). */
const MONEY_FIELDS: ReadonlySet<string> = new Set(['budget', 'amount', 'frame', 'frameWithIncome', 'spentBefore']);

/** Fields holding a year: written as its digits (`2024`), never grouped like a number (`2 024`). */
const YEAR_FIELDS: ReadonlySet<string> = new Set(['baselineYear', 'targetYear', 'year']);

/**
 * A field's number in the reader's words: an amount (minor units) as money, a year as its
 * digits, any other number (a measurement, progress, minutes) as the tables write it
 * (`decimal`: `135,6` sv/nb, `135.6` en). The one rule for change lists and the history.
 */
export function fieldNumber(field: string | null | undefined, value: number, currency: string): string {
  if (field && MONEY_FIELDS.has(field)) return money(value, currency);
  return field && YEAR_FIELDS.has(field) ? String(value) : decimal(value);
}

/** A value in words, on one line and cut short: amounts as money, lists joined, a parent by its label. */
export function valueText(field: string | null, value: ChangeValue | null, currency: string): string {
  let text = '';
  if (typeof value === 'number') text = fieldNumber(field, value, currency);
  else if (typeof value === 'string') text = value;
  else if (typeof value === 'boolean') text = value ? '✓' : '';
  else if (Array.isArray(value)) text = value.join(', ');
  else if (value !== null && typeof value === 'object' && 'label' in value && typeof value.label === 'string') text = value.label;
  // One line, but a number's no-break spaces stay: `1 234,5` must not break (nor read as two numbers).
  return shortLabel(text.replace(/[^\S\u00a0\u202f]+/g, ' ').trim()) || '–';
}

/** What changed and who did it, then `(before → after)` for a changed or moved field. */
export function historyLine(entry: HistoryEntry, currency: string, now: number = Date.now()): string {
  const name = entry.user?.name ?? t('history_server');
  const time = historyTime(entry.at, now);
  const head =
    entry.op === 'changed' ? t('history_changed', { field: fieldName(entry.field ?? ''), name, time }) : t(`history_${entry.op}`, { name, time });
  if (entry.op !== 'changed' && entry.op !== 'moved') return head;
  return `${head} (${valueText(entry.field, entry.before, currency)} → ${valueText(entry.field, entry.after, currency)})`;
}
