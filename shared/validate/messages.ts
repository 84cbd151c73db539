/**
 * Messages for validation issues in Swedish, Norwegian bokmål and English, in the users'
 * own words (GLOSSARY.md). Each is a sentence a working group can act on.
 */
import { impossibleDate } from '../dates.js';
import type { Locale } from '../locale.js';
import type { IssueCode } from './issue.js';

/** Parameters of a message, already formatted for the reader. */
export interface MessageParams {
  what: string;
  value: string;
  amount: string;
  date: string;
  /** Numbers already written the reader's way (shared/numbers.ts formatNumber). */
  days: string;
  minutes: string;
  /** The field the issue is on, the path's last key (`start`, `end`, `budget`, …). */
  field: string;
}
type Template = (p: MessageParams) => string;

/** Quotation marks as each language writes them: sv ”…”, nb «…», en “…”. */
export const QUOTES = { sv: ['”', '”'], nb: ['«', '»'], en: ['“', '”'] } as const;
export const quote = (value: string, locale: keyof typeof QUOTES) => `${QUOTES[locale][0]}${value}${QUOTES[locale][1]}`;

/** "The date", or which one of an item's two: its start or its end. */
const DATE_WORD: Record<Locale, (field: string) => string> = {
  sv: (field) => (field === 'start' ? 'Startdatumet' : field === 'end' ? 'Slutdatumet' : 'Datumet'),
  nb: (field) => (field === 'start' ? 'Startdatoen' : field === 'end' ? 'Sluttdatoen' : 'Datoen'),
  en: (field) => (field === 'start' ? 'The start date' : field === 'end' ? 'The end date' : 'The date'),
};

export const MESSAGES: Record<IssueCode, Record<Locale, Template>> = {
  'budget.negative': {
    sv: (p) => `Beloppet ${p.amount} för ${p.what} är negativt.`,
    nb: (p) => `Beløpet ${p.amount} for ${p.what} er negativt.`,
    en: (p) => `The amount ${p.amount} for ${p.what} is negative.`,
  },
  'budget.over-frame': {
    sv: (p) => `Planerade kostnader och redan förbrukade medel överskrider budgetramen med ${p.amount}.`,
    nb: (p) => `Planlagte kostnader og allerede brukte midler overskrider budsjettrammen med ${p.amount}.`,
    en: (p) => `Planned costs and funds already spent exceed the budget frame by ${p.amount}.`,
  },
  'budget.implausible': {
    sv: (p) => `Beloppet ${p.amount} för ${p.what} är orimligt stort; kontrollera att inga nollor kommit med för mycket.`,
    nb: (p) => `Beløpet ${p.amount} for ${p.what} er urimelig stort; kontroller at det ikke har kommet med for mange nuller.`,
    en: (p) => `The amount ${p.amount} for ${p.what} is implausibly large; check for extra zeros.`,
  },
  // A cost line's figure is its amount (field `amount`), an activity's its budget.
  'budget.missing': {
    sv: (p) => `${p.what} saknar ${p.field === 'amount' ? 'belopp' : 'budget'}.`,
    nb: (p) => `${p.what} mangler ${p.field === 'amount' ? 'beløp' : 'budsjett'}.`,
    en: (p) => `${p.what} has no ${p.field === 'amount' ? 'amount' : 'budget'}.`,
  },
  // A date written right but naming a day the calendar lacks says so (issue 17): not "invalid
  // format"; and which date, when an item has two (user test: the same sentence twice).
  'date.invalid': {
    sv: (p) => (impossibleDate(p.value) === null ? `${p.what} har ett ogiltigt datum eller klockslag: ${quote(p.value, 'sv')}.` : `${DATE_WORD.sv(p.field)} ${impossibleDate(p.value)} i ${p.what} finns inte.`),
    nb: (p) => (impossibleDate(p.value) === null ? `${p.what} har en ugyldig dato eller et ugyldig klokkeslett: ${quote(p.value, 'nb')}.` : `${DATE_WORD.nb(p.field)} ${impossibleDate(p.value)} i ${p.what} finnes ikke.`),
    en: (p) => (impossibleDate(p.value) === null ? `${p.what} has an invalid date or time: ${quote(p.value, 'en')}.` : `${DATE_WORD.en(p.field)} ${impossibleDate(p.value)} in ${p.what} does not exist.`),
  },
  'date.end-before-start': {
    sv: (p) => `${p.what} slutar innan den börjar.`,
    nb: (p) => `${p.what} slutter før det starter.`,
    en: (p) => `${p.what} ends before it starts.`,
  },
  'date.outside-period': {
    sv: (p) => `${p.what} ligger utanför planens period.`,
    nb: (p) => `${p.what} ligger utenfor planperioden.`,
    en: (p) => `${p.what} lies outside the plan period.`,
  },
  'deadline.overdue': {
    sv: (p) => `${p.what} skulle ha varit klar ${p.date}.`,
    nb: (p) => `${p.what} skulle vært ferdig ${p.date}.`,
    en: (p) => `${p.what} was due on ${p.date}.`,
  },
  'deadline.soon': {
    sv: (p) => `${p.what} ska vara klar ${p.date}, om ${p.days} dagar.`,
    nb: (p) => `${p.what} skal være ferdig ${p.date}, om ${p.days} dager.`,
    en: (p) => `${p.what} is due on ${p.date}, in ${p.days} days.`,
  },
  'responsible.missing': {
    sv: (p) => `${p.what} saknar ansvarig.`,
    nb: (p) => `${p.what} mangler ansvarlig.`,
    en: (p) => `${p.what} has no one responsible.`,
  },
  'text.placeholder': {
    sv: (p) => `${p.what} innehåller platshållartexten ${quote(p.value, 'sv')}.`,
    nb: (p) => `${p.what} inneholder plassholderteksten ${quote(p.value, 'nb')}.`,
    en: (p) => `${p.what} still holds the placeholder ${quote(p.value, 'en')}.`,
  },
  'number.duplicate': {
    sv: (p) => `${p.what} har samma nummer (${p.value}) som en annan rad.`,
    nb: (p) => `${p.what} har samme nummer (${p.value}) som en annen rad.`,
    en: (p) => `${p.what} has the same number (${p.value}) as another row.`,
  },
  'number.out-of-place': {
    sv: (p) => `${p.what} ligger under mål ${p.value} men har ett nummer från ett annat mål.`,
    nb: (p) => `${p.what} ligger under mål ${p.value}, men har et nummer fra et annet mål.`,
    en: (p) => `${p.what} is under goal ${p.value} but numbered under another goal.`,
  },
  'title.empty': {
    sv: (p) => `${p.what} saknar titel.`,
    nb: (p) => `${p.what} mangler tittel.`,
    en: (p) => `${p.what} has no title.`,
  },
  'indicator.target-before-baseline': {
    sv: (p) => `${p.what} har ett målår som inte ligger efter basåret.`,
    nb: (p) => `${p.what} har et målår som ikke ligger etter basisåret.`,
    en: (p) => `${p.what} has a target year that is not after its baseline year.`,
  },
  'indicator.off-track': {
    sv: (p) => `${p.what} ligger efter den raka vägen mot målvärdet (${p.value}).`,
    nb: (p) => `${p.what} ligger etter den rette linjen mot målverdien (${p.value}).`,
    en: (p) => `${p.what} is behind the straight path to its target (${p.value}).`,
  },
  'agenda.overrun': {
    sv: (p) => `Punkterna i ${p.what} tar ${p.minutes} minuter längre än mötet.`,
    nb: (p) => `Sakene i ${p.what} tar ${p.minutes} minutter mer enn møtet.`,
    en: (p) => `The items of ${p.what} run ${p.minutes} minutes over the meeting.`,
  },
  'agenda.registration-after-meeting': {
    sv: (p) => `Sista anmälningsdag ligger efter ${p.what} (${p.date}).`,
    nb: (p) => `Påmeldingsfristen er etter ${p.what} (${p.date}).`,
    en: (p) => `The registration deadline is after ${p.what} (${p.date}).`,
  },
  'structure.orphan': {
    sv: (p) => `${p.what} hör till något som har tagits bort.`,
    nb: (p) => `${p.what} hører til noe som er slettet.`,
    en: (p) => `${p.what} belongs to something that was deleted.`,
  },
};

/** Names of the things an issue is about, so messages read naturally in each language. */
export const NOUNS = {
  activity: { sv: 'aktiviteten', nb: 'tiltaket', en: 'the activity' },
  goal: { sv: 'målet', nb: 'målet', en: 'the goal' },
  cost: { sv: 'kostnadsraden', nb: 'kostnadslinjen', en: 'the cost line' },
  frame: { sv: 'budgetramen', nb: 'budsjettrammen', en: 'the budget frame' },
  frameWithIncome: { sv: 'budgetramen med intäkter', nb: 'budsjettrammen med inntekter', en: 'the budget with income' },
  spentBefore: { sv: 'redan förbrukade medel', nb: 'allerede brukte midler', en: 'funds already spent' },
  plan: { sv: 'planen', nb: 'planen', en: 'the plan' },
  period: { sv: 'perioden', nb: 'perioden', en: 'the period' },
  strategy: { sv: 'strategin', nb: 'strategien', en: 'the strategy' },
  indicator: { sv: 'indikatorn', nb: 'indikatoren', en: 'the indicator' },
  focusArea: { sv: 'fokusområdet', nb: 'innsatsområdet', en: 'the focus area' },
  meeting: { sv: 'mötet', nb: 'møtet', en: 'the meeting' },
  item: { sv: 'punkten', nb: 'saken', en: 'the item' },
  decision: { sv: 'beslutet', nb: 'vedtaket', en: 'the decision' },
  action: { sv: 'åtgärdspunkten', nb: 'oppfølgingspunktet', en: 'the action item' },
  milestone: { sv: 'milstolpen', nb: 'milepælen', en: 'the milestone' },
  participant: { sv: 'deltagaren', nb: 'deltakeren', en: 'the participant' },
  agenda: { sv: 'dagordningen', nb: 'dagsordenen', en: 'the agenda' },
} as const satisfies Record<string, Record<Locale, string>>;
export type Noun = keyof typeof NOUNS;
