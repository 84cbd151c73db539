/**
 * Text of the facilitation tools (issue 19; DESIGN "Facilitation"), Swedish first. Kept
 * apart from messages.ts and read through `ft()`, in the language `t()` uses.
 */
import { OUTCOME_MESSAGES } from './facilitation-outcome-messages.js';
import { fill, locale } from './index.js';

const sv = {
  bar: 'Arbetspass',
  facilitatorBar: 'Leda arbetspass',
  start: 'Starta arbetspass',
  stop: 'Avsluta arbetspass',
  running: 'Arbetspasset pågår',
  spotlightLabel: 'Lyft fram punkt',
  spotlightNone: '– ingen –',
  spotlight: 'Lyft fram',
  spotlightFocused: 'Lyft fram markerad',
  spotlightFocusedHint: 'Klicka i en rad i dokumentet först, sedan Lyft fram markerad.',
  stopConfirm: 'Avsluta arbetspasset för alla?',
  stopYes: 'Ja, avsluta',
  stopNo: 'Avbryt',
  spotlightClear: 'Släpp fokus',
  spotlit: 'I fokus: {label}',
  goThere: 'Gå dit',
  follow: 'Följ igen',
  unfollow: 'Sluta följa',
  following: 'Du följer samordnaren',
  notFollowing: 'Du följer inte längre –',
  raiseHand: 'Räck upp handen',
  lowerOwnHand: 'Ta ner handen',
  handUp: 'Din hand är uppe',
  timer: 'Timer',
  timerLeft: '{time} kvar',
  timerOver: '+{time} över tiden',
  timerPaused: 'pausad',
  timerStartItem: 'Starta timer för punkten ({minutes} min)',
  timerMinutes: 'Minuter (fri timer)',
  timerStartFree: 'Starta fri timer',
  timerPause: 'Pausa',
  timerResume: 'Fortsätt',
  timerAdd: '+{minutes} min',
  timerStop: 'Stoppa timer',
  nextItem: 'Nästa punkt',
  milestone300: '5 minuter kvar',
  milestone60: '1 minut kvar',
  milestone0: 'Tiden är slut',
  hands: 'Uppräckta händer',
  noHands: 'Inga uppräckta händer',
  lowerHand: 'Sänk',
  lowerHandOf: 'Sänk {name}s hand',
  participants: 'Deltagare ({count})',
  unknownOrganisation: 'Okänd organisation',
  notFollowingMark: '(följer inte)',
  ...OUTCOME_MESSAGES.sv,
} as const;

export type FacilitationKey = keyof typeof sv;
type Messages = Record<FacilitationKey, string>;

const nb: Messages = {
  ...sv,
  bar: 'Arbeidsøkt',
  facilitatorBar: 'Lede arbeidsøkt',
  start: 'Start arbeidsøkt',
  stop: 'Avslutt arbeidsøkt',
  running: 'Arbeidsøkten pågår',
  spotlightLabel: 'Løft fram punkt',
  spotlightNone: '– ingen –',
  spotlight: 'Løft fram',
  spotlightFocused: 'Løft fram markert',
  spotlightFocusedHint: 'Klikk i en rad i dokumentet først, deretter Løft fram markert.',
  stopConfirm: 'Avslutte arbeidsøkten for alle?',
  stopYes: 'Ja, avslutt',
  stopNo: 'Avbryt',
  spotlightClear: 'Slipp fokus',
  spotlit: 'I fokus: {label}',
  goThere: 'Gå dit',
  follow: 'Følg igjen',
  unfollow: 'Slutt å følge',
  following: 'Du følger koordinatoren',
  notFollowing: 'Du følger ikke lenger –',
  raiseHand: 'Rekk opp hånden',
  lowerOwnHand: 'Ta ned hånden',
  handUp: 'Hånden din er oppe',
  timerLeft: '{time} igjen',
  timerOver: '+{time} over tiden',
  timerPaused: 'pauset',
  timerStartItem: 'Start tidtaker for punktet ({minutes} min)',
  timerMinutes: 'Minutter (fri tidtaker)',
  timerStartFree: 'Start fri tidtaker',
  timerPause: 'Pause',
  timerResume: 'Fortsett',
  timerStop: 'Stopp tidtaker',
  timer: 'Tidtaker',
  nextItem: 'Neste punkt',
  milestone300: '5 minutter igjen',
  milestone60: '1 minutt igjen',
  milestone0: 'Tiden er ute',
  hands: 'Rakte hender',
  noHands: 'Ingen rakte hender',
  lowerHand: 'Senk',
  lowerHandOf: 'Senk hånden til {name}',
  participants: 'Deltakere ({count})',
  unknownOrganisation: 'Ukjent organisasjon',
  notFollowingMark: '(følger ikke)',
  ...OUTCOME_MESSAGES.nb,
};

const en: Messages = {
  bar: 'Workshop',
  facilitatorBar: 'Run the workshop',
  start: 'Start workshop',
  stop: 'End workshop',
  running: 'Workshop running',
  spotlightLabel: 'Spotlight item',
  spotlightNone: '– none –',
  spotlight: 'Spotlight',
  spotlightFocused: 'Spotlight selected',
  spotlightFocusedHint: 'Click into a row of the document first, then Spotlight selected.',
  stopConfirm: 'End the workshop for everyone?',
  stopYes: 'Yes, end it',
  stopNo: 'Cancel',
  spotlightClear: 'Clear spotlight',
  spotlit: 'In focus: {label}',
  goThere: 'Go there',
  follow: 'Follow again',
  unfollow: 'Stop following',
  following: 'You follow the coordinator',
  notFollowing: 'You are no longer following –',
  raiseHand: 'Raise hand',
  lowerOwnHand: 'Lower hand',
  handUp: 'Your hand is up',
  timer: 'Timer',
  timerLeft: '{time} left',
  timerOver: '+{time} over time',
  timerPaused: 'paused',
  timerStartItem: 'Start timer for the item ({minutes} min)',
  timerMinutes: 'Minutes (free timer)',
  timerStartFree: 'Start free timer',
  timerPause: 'Pause',
  timerResume: 'Resume',
  timerAdd: '+{minutes} min',
  timerStop: 'Stop timer',
  nextItem: 'Next item',
  milestone300: '5 minutes left',
  milestone60: '1 minute left',
  milestone0: 'Time is up',
  hands: 'Raised hands',
  noHands: 'No raised hands',
  lowerHand: 'Lower',
  lowerHandOf: "Lower {name}'s hand",
  participants: 'Participants ({count})',
  unknownOrganisation: 'Unknown organisation',
  notFollowingMark: '(not following)',
  ...OUTCOME_MESSAGES.en,
};

/** The facilitation texts by language (exported for the message tests). */
export const FACILITATION_MESSAGES = { sv, nb, en } as const;

/** Facilitation text for `key` in the current language, `{name}` placeholders filled in as t() fills them. */
export function ft(key: FacilitationKey, params: Record<string, string | number> = {}): string {
  return fill(FACILITATION_MESSAGES[locale()][key], params);
}

type Counted = 'dotsOn' | 'dotsLeft' | 'voters' | 'votersCount';

/**
 * A count in words: the `…One` text where the language's plural rule says "one" ("1 prick",
 * "2 prickar"), else the text with `{count}`. All three languages have only one and other.
 */
export function fcount(key: Counted, count: number): string {
  const one = new Intl.PluralRules(locale()).select(count) === 'one';
  return one ? ft(`${key}One`) : ft(key, { count });
}
