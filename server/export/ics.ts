/**
 * An agenda's meetings as calendar events (DESIGN "Audit and exports": `export.ics`), with
 * ical-generator (RFC 5545 text escaping and 75-octet line folding are the library's) and
 * a VTIMEZONE for Europe/Stockholm from @touch4it/ical-timezones (the rule-based form
 * Outlook, Google and Apple calendars accept). Times are the meeting's wall-clock times in
 * Stockholm whatever the server's own zone (`TZDate`, not the process's local time).
 * Each event's UID is the document's and meeting's ids, so importing the file again
 * updates the events instead of adding copies.
 *
 * Hostile text (red-team FA2-1/2): every text goes through `exportSafe` (no control
 * character, noncharacter or lone surrogate); the calendar name — which ical-generator
 * writes raw into NAME and X-WR-CALNAME — is made one line and escaped with the library's
 * own `escape`, so a title holding `\r\nBEGIN:VEVENT` cannot forge events. SUMMARY,
 * LOCATION and DESCRIPTION are TEXT the library escapes (a line break stays `\n` inside
 * the value). Only an http(s) meeting link becomes the URL property; any other scheme
 * (`javascript:`, `data:`, `file:`) is left out there, and in every text (summary,
 * location, description) a scheme other than an http(s) URL's is made inert
 * (`javascript: alert(1)`, ics-notes.ts), so no calendar program offers it as a link.
 * Meetings the calendar cannot hold as written are said so (ics-notes.ts), never dropped silently.
 */
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { escape } from 'ical-generator';
import { scheduleMeeting } from '../../shared/agenda-schedule.js';
import { isValidDate, isValidTime } from '../../shared/dates.js';
import type { Locale } from '../../shared/locale.js';
import type { AgendaJSON, MeetingJSON } from '../../shared/model/agenda.js';
import { exportSafe, exportText } from '../../shared/strings.js';
import { calendarNotes, inertLinks, OMITTING, type CalendarNote } from './ics-notes.js';
import { EXPORT_WORDS, type ExportWords } from './labels.js';

/** The zone every meeting's date and times are read in (the network's own). */
export const CALENDAR_ZONE = 'Europe/Stockholm';

/** A meeting without an end time lasts this long (minutes) unless its items add up to more. */
const DEFAULT_MINUTES = 60;

/**
 * The calendar text (CRLF lines) and its notes. Meetings without a real date are left out
 * (they cannot be placed); one without a start time, or with one that is no time, is an
 * all-day event; each such meeting is in `notes` (ics-notes.ts), and the calendar's
 * description lists them. `now` (ms) is the DTSTAMP.
 */
export function buildIcs(document: AgendaJSON, documentId: string, locale: Locale, now: number): { text: string; notes: CalendarNote[] } {
  const agenda = exportSafe(document);
  const words = EXPORT_WORDS[locale];
  const notes = calendarNotes(agenda, locale);
  const noteOf = new Map(notes.map((note) => [note.meetingId, note]));
  const calendar = ical({
    // The library writes the name unescaped (NAME, X-WR-CALNAME): one line, escaped here.
    name: escape(inertLinks(exportText(agenda.title, { multiLine: false })), false),
    // X-WR-CALDESC: what the calendar does not hold as written, where a calendar program shows the calendar's details.
    description: notes.length === 0 ? null : escape(inertLinks(notes.map((note) => note.message).join(' ')), false),
    prodId: { company: 'Samplan', product: 'Samplan', language: locale.toUpperCase() },
    // No calendar-wide zone: ical-generator would then write DTSTAMP as local time, but
    // RFC 5545 wants it in UTC. Each event names its zone (TZID) instead, and the
    // generator still adds the VTIMEZONE for the zones the events use.
    timezone: { name: '', generator: getVtimezoneComponent },
  });
  for (const meeting of agenda.meetings) {
    const note = meeting.id === null ? undefined : noteOf.get(meeting.id);
    if (meeting.id === null || !isValidDate(meeting.date) || (note && OMITTING.has(note.code))) continue;
    calendar.createEvent({
      id: `${documentId}-${meeting.id}@samplan`,
      timezone: CALENDAR_ZONE,
      stamp: new Date(now),
      summary: inertLinks(meeting.title),
      location: meeting.location === '' ? null : inertLinks(meeting.location),
      url: webLink(meeting.link),
      description: inertLinks([...(note ? [note.message, ''] : []), description(meeting, words)].join('\n')),
      ...when(meeting),
    });
  }
  return { text: calendar.toString(), notes };
}

/** The link when it is an absolute http(s) URL (what a calendar may open), else null. */
export function webLink(link: string): string | null {
  const trimmed = link.trim();
  if (!/^https?:\/\//i.test(trimmed) || /[\s\u0000-\u001f]/.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? trimmed : null;
  } catch {
    return null;
  }
}

function when(meeting: MeetingJSON): { start: Date; end: Date; allDay?: boolean } {
  const [year, month, day] = meeting.date.split('-').map(Number) as [number, number, number];
  if (!isValidTime(meeting.start)) {
    // An all-day event: ical-generator writes its DATE value in the calendar's zone.
    return { start: new TZDate(year, month - 1, day, CALENDAR_ZONE), end: new TZDate(year, month - 1, day + 1, CALENDAR_ZONE), allDay: true };
  }
  const at = (time: string, plus = 0) => {
    const [hours, minutes] = time.split(':').map(Number) as [number, number];
    return new TZDate(year, month - 1, day, hours, minutes + plus, CALENDAR_ZONE);
  };
  const planned = meeting.items.reduce((sum, item) => sum + Math.max(0, item.minutes), 0);
  const end = isValidTime(meeting.end) && meeting.end > meeting.start ? at(meeting.end) : at(meeting.start, Math.max(planned, DEFAULT_MINUTES));
  return { start: at(meeting.start), end };
}

/** The items in order, one a line: "09:20 2. Title (20 min, Presenter)", then the link. */
function description(meeting: MeetingJSON, words: ExportWords): string {
  const times = scheduleMeeting(meeting).items;
  const lines = meeting.items.map((item, index) => {
    const about = [item.minutes > 0 ? `${item.minutes} min` : '', item.presenter].filter((part) => part !== '').join(', ');
    return `${times[index]?.start ?? ''} ${index + 1}. ${item.title}${about === '' ? '' : ` (${about})`}`.trim();
  });
  if (lines.length === 0) lines.push(words.noItems);
  if (meeting.link !== '') lines.push('', `${words.link}: ${meeting.link}`);
  return lines.join('\n');
}
