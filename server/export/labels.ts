/**
 * The words the file exports (xlsx, docx, ics, minutes) are written in, per language
 * (Swedish first, bokmål, English), and the amount formats per currency. One table so the
 * spreadsheet, the Word document and the calendar say the same thing.
 */
import type { Locale } from '../../shared/locale.js';
import type { ActivityStatus, Currency } from '../../shared/model/kinds.js';

/** Every label the file exports use; one object per language. */
export interface ExportWords {
  plan: string;
  goal: string;
  number: string;
  title: string;
  description: string;
  activity: string;
  budget: string;
  responsible: string;
  start: string;
  end: string;
  timeframe: string;
  recipients: string;
  status: string;
  statuses: Record<ActivityStatus, string>;
  costs: string;
  otherCosts: string;
  cost: string;
  amount: string;
  summary: string;
  sumActivities: string;
  sumOf: string;
  sumCosts: string;
  planned: string;
  spentBefore: string;
  frame: string;
  frameWithIncome: string;
  remaining: string;
  period: string;
  focusArea: string;
  goals: string;
  indicators: string;
  indicator: string;
  unit: string;
  direction: string;
  directions: { decrease: string; increase: string };
  baselineYear: string;
  baselineValue: string;
  targetYear: string;
  targetValue: string;
  latest: string;
  objectives: string;
  meetings: string;
  meeting: string;
  date: string;
  location: string;
  link: string;
  items: string;
  item: string;
  presenter: string;
  minutes: string;
  notes: string;
  decisions: string;
  decision: string;
  actions: string;
  action: string;
  owner: string;
  due: string;
  done: string;
  yes: string;
  no: string;
  minutesOf: string;
  noItems: string;
}

const sv: ExportWords = {
  plan: 'Handlingsplan', goal: 'Mål', number: 'Nr', title: 'Titel', description: 'Beskrivning', activity: 'Aktivitet',
  budget: 'Budget', responsible: 'Ansvar', start: 'Start', end: 'Slut', timeframe: 'Tidplan', recipients: 'Mottagare av resultat',
  status: 'Status', statuses: { planned: 'Planerad', ongoing: 'Pågår', done: 'Klar', cancelled: 'Inställd' },
  costs: 'Kostnader', otherCosts: 'Övriga kostnader', cost: 'Kostnad', amount: 'Belopp', summary: 'Sammanställning',
  sumActivities: 'Summa aktiviteter', sumOf: 'Summa', sumCosts: 'Summa kostnader', planned: 'Planerat totalt',
  spentBefore: 'Redan förbrukade medel', frame: 'Projektbudget totalt utan intäkter', frameWithIncome: 'Projektbudget totalt med intäkter',
  remaining: 'Kvar att fördela', period: 'Period', focusArea: 'Fokusområde', goals: 'Mål', indicators: 'Indikatorer', indicator: 'Indikator',
  unit: 'Enhet', direction: 'Riktning', directions: { decrease: 'Minska', increase: 'Öka' }, baselineYear: 'Basår', baselineValue: 'Basvärde',
  targetYear: 'Målår', targetValue: 'Målvärde', latest: 'Senaste mätning', objectives: 'Miljömål', meetings: 'Möten', meeting: 'Möte', date: 'Datum', location: 'Plats',
  link: 'Länk', items: 'Punkter', item: 'Punkt', presenter: 'Föredragande', minutes: 'Minuter', notes: 'Anteckningar', decisions: 'Beslut',
  decision: 'Beslut', actions: 'Åtgärder', action: 'Åtgärd', owner: 'Ansvarig', due: 'Klart senast', done: 'Klar', yes: 'Ja', no: 'Nej',
  minutesOf: 'Minnesanteckningar', noItems: 'Inga punkter.',
};

const nb: ExportWords = {
  ...sv,
  plan: 'Handlingsplan', activity: 'Tiltak', budget: 'Budsjett', end: 'Slutt', timeframe: 'Tidsplan', recipients: 'Mottakere',
  statuses: { planned: 'Planlagt', ongoing: 'Pågår', done: 'Ferdig', cancelled: 'Avlyst' }, title: 'Tittel', description: 'Beskrivelse',
  costs: 'Kostnader', otherCosts: 'Andre kostnader', cost: 'Kostnad', amount: 'Beløp', summary: 'Sammenstilling',
  sumActivities: 'Sum tiltak', sumOf: 'Sum', sumCosts: 'Sum kostnader', planned: 'Planlagt totalt', spentBefore: 'Allerede brukte midler',
  frame: 'Prosjektbudsjett totalt uten inntekter', frameWithIncome: 'Prosjektbudsjett totalt med inntekter', remaining: 'Gjenstående',
  focusArea: 'Fokusområde', unit: 'Enhet', direction: 'Retning', directions: { decrease: 'Redusere', increase: 'Øke' },
  baselineYear: 'Basisår', baselineValue: 'Basisverdi', latest: 'Siste måling', objectives: 'Miljømål', meetings: 'Møter', meeting: 'Møte', date: 'Dato',
  location: 'Sted', link: 'Lenke', items: 'Saker', item: 'Sak', presenter: 'Innleder', minutes: 'Minutter', notes: 'Notater',
  decisions: 'Vedtak', decision: 'Vedtak', actions: 'Oppfølgingspunkter', action: 'Oppfølging', owner: 'Ansvarlig', due: 'Frist',
  done: 'Ferdig', yes: 'Ja', no: 'Nei', minutesOf: 'Referat', noItems: 'Ingen saker.',
};

const en: ExportWords = {
  plan: 'Action plan', goal: 'Goal', number: 'No.', title: 'Title', description: 'Description', activity: 'Activity',
  budget: 'Budget', responsible: 'Responsible', start: 'Start', end: 'End', timeframe: 'Timeframe', recipients: 'Recipients',
  status: 'Status', statuses: { planned: 'Planned', ongoing: 'Ongoing', done: 'Done', cancelled: 'Cancelled' },
  costs: 'Costs', otherCosts: 'Other costs', cost: 'Cost', amount: 'Amount', summary: 'Summary', sumActivities: 'Total activities',
  sumOf: 'Total', sumCosts: 'Total costs', planned: 'Planned in total', spentBefore: 'Already spent',
  frame: 'Project budget total without income', frameWithIncome: 'Project budget total with income', remaining: 'Remaining',
  period: 'Period', focusArea: 'Focus area', goals: 'Goals', indicators: 'Indicators', indicator: 'Indicator', unit: 'Unit',
  direction: 'Direction', directions: { decrease: 'Decrease', increase: 'Increase' }, baselineYear: 'Baseline year',
  baselineValue: 'Baseline', targetYear: 'Target year', targetValue: 'Target', latest: 'Latest measurement', objectives: 'Environmental objectives',
  meetings: 'Meetings', meeting: 'Meeting', date: 'Date', location: 'Location', link: 'Link', items: 'Items', item: 'Item',
  presenter: 'Presenter', minutes: 'Minutes', notes: 'Notes', decisions: 'Decisions', decision: 'Decision', actions: 'Action items',
  action: 'Action', owner: 'Owner', due: 'Due', done: 'Done', yes: 'Yes', no: 'No', minutesOf: 'Minutes', noItems: 'No items.',
};

/** The words by the reader's language (`?locale=` / Accept-Language, as `validation`). */
export const EXPORT_WORDS: Record<Locale, ExportWords> = { sv, nb, en };

/**
 * The spreadsheet number format for amounts in whole currency units (the stored format
 * code is the US-style one; Swedish Excel shows the group separator as a space):
 * kronor/kroner as `#,##0 "kr"`, euro as `#,##0 "€"`; `,00` only when some amount has öre.
 */
export function amountFormat(currency: Currency, withCents: boolean): string {
  const number = withCents ? '#,##0.00' : '#,##0';
  return currency === 'EUR' ? `${number} "€"` : `${number} "kr"`;
}
