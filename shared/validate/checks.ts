/** Checks that every document kind shares: dates, deadlines, placeholders, duplicate numbers. */
import { addDays, daysBetween, isValidDate, isValidTime } from '../dates.js';
import { Limits } from '../limits.js';
import { IMPLAUSIBLE_AMOUNT } from '../money.js';
import { cutToLength, fitsLength } from '../strings.js';
import type { Finding, IssuePath, Subject } from './issue.js';

/** Text people leave for "fill in later": `XXX`, `TBD`, `???`. */
const PLACEHOLDER = /(?<![\p{L}\p{N}])(x{3,}|tbd|tba|todo)(?![\p{L}\p{N}])|\?{3,}/iu;

export class Findings {
  readonly list: Finding[] = [];
  /** `today + Limits.deadlineSoonDays`, computed once per `today` rather than per item. */
  private soon: { today: string; until: string } | null = null;

  add(code: Finding['code'], path: IssuePath, params: Finding['params'] = {}): void {
    this.list.push({ code, path, params });
  }

  /**
   * An amount's problems, the same for every amount of a plan: below zero, or above
   * `IMPLAUSIBLE_AMOUNT` (10 000 000 000 kr: a few zeros too many, typed or imported).
   */
  amount(value: number | null, path: IssuePath, subject: Subject): void {
    if (value === null) return;
    if (value < 0) this.add('budget.negative', path, { subject, amount: value });
    else if (value > IMPLAUSIBLE_AMOUNT) this.add('budget.implausible', path, { subject, amount: value });
  }

  /** Reports an unreal date; true only for a real date, so callers know they can compare it. */
  date(value: string | null, path: IssuePath, subject: Subject): boolean {
    if (value === null || value === '') return false;
    if (isValidDate(value)) return true;
    this.add('date.invalid', path, { subject, value });
    return false;
  }

  time(value: string, path: IssuePath, subject: Subject): boolean {
    if (value === '') return false;
    if (isValidTime(value)) return true;
    this.add('date.invalid', path, { subject, value });
    return false;
  }

  placeholder(text: string, path: IssuePath, subject: Subject): void {
    const match = PLACEHOLDER.exec(text);
    if (match) this.add('text.placeholder', path, { subject, value: match[0] });
  }

  /**
   * `deadline.overdue` when `due` has passed, `deadline.soon` when it is within
   * `Limits.deadlineSoonDays`; nothing for work that is done (or cancelled).
   */
  deadline(due: string, finished: boolean, today: string, path: IssuePath, subject: Subject): void {
    if (finished) return;
    if (due < today) {
      this.add('deadline.overdue', path, { subject, date: due });
    } else if (due <= this.soonUntil(today)) {
      this.add('deadline.soon', path, { subject, date: due, days: daysBetween(today, due) });
    }
  }

  private soonUntil(today: string): string {
    if (this.soon?.today !== today) this.soon = { today, until: addDays(today, Limits.deadlineSoonDays) };
    return this.soon.until;
  }

  /** `number.duplicate` on every row after the first that uses a number. */
  duplicateNumbers(rows: Array<{ number: string; path: IssuePath; subject: Subject }>): void {
    const seen = new Set<string>();
    for (const row of rows) {
      const number = row.number.trim();
      if (number === '') continue;
      if (seen.has(number)) this.add('number.duplicate', row.path, { subject: row.subject, value: number });
      seen.add(number);
    }
  }
}

/** A short label for messages: the number and title, cut to keep messages readable. */
export function labelOf(number: string, title: string): string {
  const text = [number, title].filter((part) => part.trim() !== '').join(' ').trim();
  // Whole characters: `slice` would leave a lone surrogate where an emoji straddles 57.
  return fitsLength(text, 60) ? text : `${cutToLength(text, 57)}…`;
}
