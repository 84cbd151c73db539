/**
 * Agendas as Word documents: the minutes of one meeting (`minutes.docx`, issue 20 item 3:
 * per meeting, decisions and action items, printable) and the whole meeting series
 * (`export.docx` of an agenda) — each meeting with its items at their clock times, who
 * presents, notes, decisions and action items (owner, due, done).
 */
import type { Paragraph, Table } from 'docx';
import { scheduleMeeting } from '../../shared/agenda-schedule.js';
import type { Locale } from '../../shared/locale.js';
import type { AgendaItemJSON, AgendaJSON, MeetingJSON } from '../../shared/model/agenda.js';
import { heading, packDocx, paragraphs, table, title } from './docx-parts.js';
import { EXPORT_WORDS, type ExportWords } from './labels.js';

/** The minutes of meeting `meetingId`, or `null` when the agenda has no such meeting. */
export async function buildMinutesDocx(agenda: AgendaJSON, meetingId: string, locale: Locale): Promise<Uint8Array | null> {
  const meeting = agenda.meetings.find((m) => m.id === meetingId);
  if (!meeting) return null;
  const words = EXPORT_WORDS[locale];
  const name = `${words.minutesOf}: ${meeting.title}`;
  return packDocx(name, [title(name), ...paragraphs(agenda.title, { italics: true }), ...meetingBody(meeting, words)], locale);
}

/** Every meeting of the agenda, in date order, with its items, decisions and actions. */
export async function buildAgendaDocx(agenda: AgendaJSON, locale: Locale): Promise<Uint8Array> {
  const words = EXPORT_WORDS[locale];
  const children: Array<Paragraph | Table> = [title(agenda.title), ...paragraphs(agenda.network, { italics: true })];
  for (const meeting of agenda.meetings) children.push(heading(meeting.id === null ? '–' : meeting.title, 1), ...meetingBody(meeting, words));
  return packDocx(agenda.title, children, locale);
}

/** "2027-03-15, 09:00–12:00", the place and the link, then each item. */
function meetingBody(meeting: MeetingJSON, words: ExportWords): Array<Paragraph | Table> {
  const when = [meeting.date, [meeting.start, meeting.end].filter((t) => t !== '').join('–')].filter((part) => part !== '').join(', ');
  const facts = [
    when === '' ? '' : `${words.date}: ${when}`,
    meeting.location === '' ? '' : `${words.location}: ${meeting.location}`,
    meeting.link === '' ? '' : `${words.link}: ${meeting.link}`,
  ].filter((line) => line !== '');
  const times = scheduleMeeting(meeting).items;
  const body: Array<Paragraph | Table> = paragraphs(facts.join('\n'));
  if (meeting.items.length === 0) body.push(...paragraphs(words.noItems, { italics: true }));
  meeting.items.forEach((item, index) => body.push(...itemBody(item, index, times[index]?.start ?? '', words)));
  return body;
}

function itemBody(item: AgendaItemJSON, index: number, start: string, words: ExportWords): Array<Paragraph | Table> {
  const body: Array<Paragraph | Table> = [heading(`${start} ${index + 1}. ${item.id === null ? '–' : item.title}`.trim(), 2)];
  const about = [item.presenter === '' ? '' : `${words.presenter}: ${item.presenter}`, item.minutes > 0 ? `${item.minutes} min` : ''].filter((s) => s !== '');
  body.push(...paragraphs(about.join(' · '), { italics: true }), ...paragraphs(item.notes));
  if (item.decisions.length > 0) {
    body.push(heading(words.decisions, 3), ...item.decisions.flatMap((decision) => paragraphs(`• ${decision.text}`)));
  }
  if (item.actions.length > 0) {
    const rows = item.actions.map((action) => [action.text, action.owner, action.due ?? '', action.done ? words.yes : words.no]);
    body.push(heading(words.actions, 3), table([words.action, words.owner, words.due, words.done], rows, [52, 22, 16, 10]));
  }
  return body;
}
