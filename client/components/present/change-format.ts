/**
 * How a change list says amounts (issue 18 follow-up, finding 6): which fields are money,
 * signed differences ("+60 000 kr"), and the amounts an added or removed item carries.
 */
import type { Change, ChangeValue } from '../../../shared/compare/types.js';
import { money } from '../../i18n/index.js';
import { fieldName, fieldNumber } from '../history/history-text.js';

/** Fields holding amounts in minor units (shared/compare: budgets as values); fieldName names them. */
export const MONEY_FIELDS: ReadonlySet<string> = new Set(['budget', 'amount', 'frame', 'frameWithIncome', 'spentBefore']);

/** A difference of amounts with its sign: "+60 000 kr", "−20 000 kr", "±0 kr". */
export function signedMoney(delta: number, currency: string): string {
  if (delta === 0) return `±${money(0, currency)}`;
  const text = money(Math.abs(delta), currency);
  return delta > 0 ? `+${text}` : `−${text}`;
}

/** The amount of a money field changed from `before` to `after`, when both are amounts (a missing one counts as 0). */
export function moneyDelta(change: Change): number | null {
  if (!change.field || !MONEY_FIELDS.has(change.field) || change.op !== 'changed') return null;
  const amount = (v: ChangeValue | undefined) => (typeof v === 'number' ? v : v === null || v === undefined ? 0 : NaN);
  const delta = amount(change.after) - amount(change.before);
  return Number.isNaN(delta) ? null : delta;
}

/** An added or removed item's amounts (e.g. a new activity's budget), which its label alone does not say. */
export function itemAmounts(change: Change): Array<[string, number]> {
  const fields = change.op === 'added' ? change.after : change.op === 'removed' ? change.before : undefined;
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return [];
  return Object.entries(fields as Readonly<Record<string, unknown>>).flatMap(([key, v]) => (MONEY_FIELDS.has(key) && typeof v === 'number' ? [[key, v] as [string, number]] : []));
}

/**
 * The field a changed entry names, as the table's column says it in the reader's language
 * ("Ansvar", "Budsjett"; history-text.ts fieldName, the one naming), or null when the
 * entry names none (added, removed, moved). User test u11: the raw key ("responsible") showed.
 */
export function changeFieldName(change: Change): string | null {
  return change.op === 'changed' && change.field ? fieldName(change.field) : null;
}

/** A value in words: numbers as history-text.ts fieldNumber writes them, lists joined, a parent `{id, label}` by its label. */
export function changeValue(field: string | undefined, value: ChangeValue | undefined, currency: string): string {
  if (value === undefined || value === null || value === '') return '–';
  if (typeof value === 'number') return fieldNumber(field, value, currency);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '✓' : '–';
  if (Array.isArray(value)) return value.join(', ');
  const record = value as Readonly<Record<string, unknown>>;
  return typeof record.label === 'string' ? record.label : '';
}
