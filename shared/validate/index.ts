/**
 * `validate(doc, { today, locale })`: every budget, deadline and structure problem of a
 * document, with a path to the field and a message in the reader's language. Pure: the
 * server exposes it, the client runs it live as people type.
 */
import * as Y from 'yjs';
import { toJSON, type DocumentJSON } from '../model/document.js';
import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from '../locale.js';
import { formatMoney } from '../money.js';
import { formatNumber } from '../numbers.js';
import { validateActionPlan } from './action-plan.js';
import { validateAgenda } from './agenda.js';
import { validateStrategy } from './strategy.js';
import { MESSAGES, NOUNS, quote } from './messages.js';
import { SEVERITY, type Finding, type Issue, type Measured, type Severity } from './issue.js';

export interface ValidateOptions {
  /** Today's date (`YYYY-MM-DD`), injected so deadline rules are testable. */
  today: string;
  locale?: Locale;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** @example validate(doc, { today: '2027-03-01', locale: 'sv' }) */
export function validate(doc: Y.Doc | DocumentJSON, { today, locale = DEFAULT_LOCALE }: ValidateOptions): Issue[] {
  const json = doc instanceof Y.Doc ? toJSON(doc) : doc;
  if (json === null) return [];
  const currency = json.kind === 'action-plan' ? json.currency : 'SEK';
  const findings = findingsOf(json, today);
  return findings
    .map((finding) => localize(finding, locale, currency))
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

function findingsOf(json: DocumentJSON, today: string): Finding[] {
  switch (json.kind) {
    case 'action-plan':
      return validateActionPlan(json, today).list;
    case 'strategy':
      return validateStrategy(json).list;
    case 'agenda':
      return validateAgenda(json, today).list;
  }
}

function localize(finding: Finding, locale: Locale, currency: string): Issue {
  const { subject, value = '', amount, date, days = 0, minutes = 0, measured } = finding.params;
  const noun = subject ? NOUNS[subject.noun][locale] : '';
  const what = subject && subject.label.trim() !== '' ? `${noun} ${quote(subject.label, locale)}` : noun;
  const message = MESSAGES[finding.code][locale]({
    what,
    value: measured ? measuredText(measured, locale) : value,
    amount: amount === undefined ? '' : formatMoney(amount, currency, locale),
    date: date === undefined ? '' : formatDate(date, locale),
    days: formatNumber(days, locale),
    minutes: formatNumber(minutes, locale),
    field: String(finding.path.at(-1) ?? ''),
  });
  return {
    severity: SEVERITY[finding.code],
    code: finding.code,
    path: finding.path,
    message: message.charAt(0).toLocaleUpperCase(INTL_LOCALE[locale]) + message.slice(1),
  };
}

/**
 * `2025: 934,5 / 1 050 MWh` in sv/nb, `2025: 934.5 / 1,050 MWh` in English: the figures as
 * the indicator table writes them (user test u11 read "135.6" in Swedish), to 2 decimals;
 * the year as its digits.
 */
function measuredText({ year, value, expected, unit }: Measured, locale: Locale): string {
  const figure = (n: number) => formatNumber(Math.round(n * 100) / 100, locale);
  return `${year}: ${figure(value)} / ${figure(expected)} ${unit}`.trim();
}

/** One date format per locale: building an `Intl.DateTimeFormat` per issue cost ~0.1 ms each. */
const DATE_FORMATS = new Map<Locale, Intl.DateTimeFormat>();

function formatDate(date: string, locale: Locale): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) return date;
  let format = DATE_FORMATS.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    DATE_FORMATS.set(locale, format);
  }
  return format.format(time);
}
