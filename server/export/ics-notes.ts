/**
 * What `export.ics` could not write as the agenda says, and the rule that keeps links in it
 * inert (red team, issue 17; DESIGN "Audit and exports": `export.ics` is the agenda's
 * meetings as events).
 *
 * A meeting whose date the calendar lacks (`2027-02-30`) or that has none cannot be placed
 * and is left out; one whose start time is no time (`25:00`) becomes an all-day event; an
 * end time that is none or not after the start gives way to the items' minutes. None of
 * this is silent: each meeting's event says it in its first description line, the
 * calendar's description lists them all, and the download carries them as the
 * `X-Samplan-Export-Warnings` header (docs/exports.md) for the page to show.
 */
import { isValidDate, isValidTime } from '../../shared/dates.js';
import type { Locale } from '../../shared/locale.js';
import type { AgendaJSON, MeetingJSON } from '../../shared/model/agenda.js';

/** Why a meeting is not in the calendar as written. */
export type CalendarNoteCode = 'meeting.date-missing' | 'meeting.date-invalid' | 'meeting.start-invalid' | 'meeting.end-invalid' | 'meeting.end-before-start';

/** One meeting the calendar does not hold as written: its id, the value at fault (≤ 40 characters) and a sentence. */
export interface CalendarNote {
  code: CalendarNoteCode;
  meetingId: string;
  value: string;
  message: string;
}

/** Codes whose meeting is left out of the calendar altogether. */
export const OMITTING: ReadonlySet<CalendarNoteCode> = new Set(['meeting.date-missing', 'meeting.date-invalid']);

type Sentences = Record<CalendarNoteCode, (title: string, value: string) => string>;

const SENTENCES: Record<Locale, Sentences> = {
  sv: {
    'meeting.date-missing': (t) => `”${t}” har inget datum och finns inte med i kalendern.`,
    'meeting.date-invalid': (t, v) => `”${t}”: datumet ${v} finns inte, så mötet finns inte med i kalendern.`,
    'meeting.start-invalid': (t, v) => `”${t}”: starttiden ${v} finns inte, så mötet visas som heldag.`,
    'meeting.end-invalid': (t, v) => `”${t}”: sluttiden ${v} finns inte, så längden räknas från punkterna.`,
    'meeting.end-before-start': (t, v) => `”${t}”: sluttiden ${v} är inte efter starttiden, så längden räknas från punkterna.`,
  },
  nb: {
    'meeting.date-missing': (t) => `«${t}» har ingen dato og er ikke med i kalenderen.`,
    'meeting.date-invalid': (t, v) => `«${t}»: datoen ${v} finnes ikke, så møtet er ikke med i kalenderen.`,
    'meeting.start-invalid': (t, v) => `«${t}»: starttiden ${v} finnes ikke, så møtet vises som heldag.`,
    'meeting.end-invalid': (t, v) => `«${t}»: sluttiden ${v} finnes ikke, så lengden regnes fra sakene.`,
    'meeting.end-before-start': (t, v) => `«${t}»: sluttiden ${v} er ikke etter starttiden, så lengden regnes fra sakene.`,
  },
  en: {
    'meeting.date-missing': (t) => `“${t}” has no date and is not in the calendar.`,
    'meeting.date-invalid': (t, v) => `“${t}”: the date ${v} does not exist, so the meeting is not in the calendar.`,
    'meeting.start-invalid': (t, v) => `“${t}”: the start time ${v} does not exist, so the meeting is an all-day event.`,
    'meeting.end-invalid': (t, v) => `“${t}”: the end time ${v} does not exist, so its length comes from the items.`,
    'meeting.end-before-start': (t, v) => `“${t}”: the end time ${v} is not after the start, so its length comes from the items.`,
  },
};

/** What is wrong with one meeting for a calendar, or null (the first fault only: a left-out meeting has no time to speak of). */
function codeOf(meeting: MeetingJSON): { code: CalendarNoteCode; value: string } | null {
  if (meeting.date.trim() === '') return { code: 'meeting.date-missing', value: '' };
  if (!isValidDate(meeting.date)) return { code: 'meeting.date-invalid', value: meeting.date };
  if (meeting.start === '') return null;
  if (!isValidTime(meeting.start)) return { code: 'meeting.start-invalid', value: meeting.start };
  if (meeting.end === '') return null;
  if (!isValidTime(meeting.end)) return { code: 'meeting.end-invalid', value: meeting.end };
  return meeting.end > meeting.start ? null : { code: 'meeting.end-before-start', value: meeting.end };
}

/** The notes of every meeting (not the orphans' group), in the agenda's order. */
export function calendarNotes(agenda: AgendaJSON, locale: Locale): CalendarNote[] {
  const notes: CalendarNote[] = [];
  for (const meeting of agenda.meetings) {
    const fault = meeting.id === null ? null : codeOf(meeting);
    if (meeting.id === null || fault === null) continue;
    const value = Array.from(fault.value).slice(0, 40).join('');
    notes.push({ code: fault.code, meetingId: meeting.id, value, message: SENTENCES[locale][fault.code](meeting.title, value) });
  }
  return notes;
}

/**
 * A URI scheme followed by more than white space (`javascript:alert(1)`, `data:…`,
 * `file:///`, `mailto:x`): what a calendar program could turn into a link. Letters, `+`,
 * `.` and `-` right before the colon, so a clock time (`09:20`, `kl.9:00`) is never one; whatever
 * precedes the letters (`1javascript:`) does not hide one.
 */
const SCHEME = /([A-Za-z][A-Za-z+.-]*):(?=\S)/g;
/** An http(s) URL token: the only kind of link the calendar may offer. */
const WEB_TOKEN = /^[("'<[]*https?:\/\//i;

/**
 * `text` with every URI scheme but an http(s) URL's followed by a space (`javascript: alert(1)`),
 * so no calendar program makes a link of it; the words stay readable. A token that starts
 * as an http(s) URL is left whole (a calendar may link it: that is a web page).
 * @example inertLinks('Se javascript:alert(1) eller https://a.se/?x=y:z') // 'Se javascript: alert(1) eller https://a.se/?x=y:z'
 */
export function inertLinks(text: string): string {
  return text
    .split(/(\s+)/)
    .map((token) => (WEB_TOKEN.test(token) ? token : token.replace(SCHEME, '$1: ')))
    .join('');
}

/**
 * The `X-Samplan-Export-Warnings` header value: the first 20 notes as JSON
 * `[{code, meetingId, value}]`, ASCII only (other characters as `\uXXXX`), or null for none.
 */
export function warningsHeader(notes: ReadonlyArray<{ code: string; meetingId: string; value: string }>): string | null {
  if (notes.length === 0) return null;
  const json = JSON.stringify(notes.slice(0, 20).map(({ code, meetingId, value }) => ({ code, meetingId: Array.from(meetingId).slice(0, 64).join(''), value })));
  return json.replace(/[^\u0020-\u007e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
