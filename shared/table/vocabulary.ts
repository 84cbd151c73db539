/**
 * The words of the plan-table layout in Swedish, Norwegian bokmål and English
 * (DESIGN.md "The plan table"). Import matches them case-insensitively; export writes them.
 */
import type { Currency } from '../model/kinds.js';
import type { Locale } from '../locale.js';

export interface TableWords {
  header: readonly [string, string, string, string, string, string];
  goal: string;
  /** A stated total of the activities, as written on export. */
  activitiesTotal: string;
  totalPrefix: string;
  and: string;
  spentBefore: string;
  /** Written before the date funds were spent up to: `kr t.o.m. 2026-12-31`. */
  until: string;
  frameWithIncome: string;
  frame: string;
  unit: (currency: Currency) => string;
}

const nordicUnit = (currency: Currency) => (currency === 'SEK' || currency === 'NOK' || currency === 'DKK' ? 'kr' : currency);

export const TABLE_WORDS: Record<Locale, TableWords> = {
  sv: {
    header: ['Mål', 'Aktiviteter', 'Budget', 'Ansvar', 'Tidplan', 'Mottagare av resultat'],
    goal: 'Mål',
    activitiesTotal: 'målaktiviteter',
    totalPrefix: 'Totalsumma',
    and: 'och',
    spentBefore: 'Redan förbrukade medel',
    until: 't.o.m.',
    frameWithIncome: 'Projektbudget totalt med intäkter',
    frame: 'Projektbudget totalt utan intäkter',
    unit: nordicUnit,
  },
  nb: {
    header: ['Mål', 'Aktiviteter', 'Budsjett', 'Ansvar', 'Tidsplan', 'Mottakere'],
    goal: 'Mål',
    activitiesTotal: 'tiltak',
    totalPrefix: 'Totalsum',
    and: 'og',
    spentBefore: 'Allerede brukte midler',
    until: 't.o.m.',
    frameWithIncome: 'Prosjektbudsjett totalt med inntekter',
    frame: 'Prosjektbudsjett totalt uten inntekter',
    unit: nordicUnit,
  },
  en: {
    header: ['Goal', 'Activities', 'Budget', 'Responsible', 'Timeframe', 'Recipients'],
    goal: 'Goal',
    activitiesTotal: 'activities',
    totalPrefix: 'Total',
    and: 'and',
    spentBefore: 'Already spent',
    until: 'until',
    frameWithIncome: 'Project budget total with income',
    frame: 'Project budget total without income',
    unit: (currency) => currency,
  },
};

/** The currency a table's language implies when the request names none. */
export const CURRENCY_OF: Record<Locale, Currency> = { sv: 'SEK', nb: 'NOK', en: 'EUR' };

/** The language a plan is exported in, from its currency. */
export function tableLocaleOf(currency: Currency): Locale {
  if (currency === 'SEK') return 'sv';
  if (currency === 'NOK') return 'nb';
  return 'en';
}

// ---- Patterns the importer recognises (lower-cased, whitespace collapsed). ----

export const GOAL_WORDS = ['mål', 'goal', 'goals'];
export const ACTIVITY_WORDS = ['aktiviteter', 'aktivitet', 'activities', 'tiltak'];
export const BUDGET_WORDS = ['budget', 'budsjett'];
export const NORWEGIAN_HEADER_WORDS = ['budsjett', 'tidsplan', 'mottakere'];

export const GOAL_ROW = /^(?:mål|goal)\s+(\d+)[.:]?(?:\s+([\s\S]*))?$/i;
export const ACTIVITY_ROW = /^(\d+(?:\.\d+)+)\.?(?:\s+([\s\S]*))?$/;
export const STATED_TOTAL = /^(totalsumma|totalsum|totalt|total)(?=\s|$|\(|:)/i;
export const SPENT_BEFORE = /^(redan förbrukade medel|allerede brukte midler|already spent)/i;
export const FRAME_WITHOUT_INCOME = /(utan intäkter|uten inntekter|without income)/i;
export const FRAME_WITH_INCOME = /(med intäkter|med inntekter|with income)/i;
/** Terms of a stated total that mean "the activities". */
export const ACTIVITIES_TERM = /^(mål)?aktiviteter(na)?$|^(mål)?tiltak(ene)?$|^(the )?activities$/i;
/** Separators between the terms of a stated total: `,`, `+`, `och`, `og`, `and`. */
export const TERM_SEPARATOR = /\s*(?:,|\+|\s(?:och|og|and)\s)\s*/i;
