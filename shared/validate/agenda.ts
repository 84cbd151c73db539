/** Rules of a meeting series: times that fit, deadlines kept, nothing left without a parent. */
import { minutesOfDay } from '../dates.js';
import { scheduleMeeting } from '../agenda-schedule.js';
import type { AgendaItemJSON, AgendaJSON, MeetingJSON } from '../model/agenda.js';
import { Findings } from './checks.js';
import type { Subject } from './issue.js';

/**
 * Every finding of an agenda, in the order the issues panel lists them: title and deadline,
 * participants, meetings with their items, milestones. `today` is an ISO date (YYYY-MM-DD).
 */
export function validateAgenda(agenda: AgendaJSON, today: string): Findings {
  const f = new Findings();
  const self: Subject = { noun: 'agenda', label: agenda.title };
  f.placeholder(agenda.title, ['meta', 'title'], self);
  const deadline = f.date(agenda.registrationDeadline, ['meta', 'registrationDeadline'], self) ? agenda.registrationDeadline : null;

  for (const participant of agenda.participants) {
    const subject: Subject = { noun: 'participant', label: participant.name };
    f.placeholder(participant.name, ['participants', participant.id, 'name'], subject);
    f.placeholder(participant.organisation, ['participants', participant.id, 'organisation'], subject);
  }

  let registrationReported = false;
  for (const meeting of agenda.meetings) {
    if (meeting.id !== null) registrationReported = checkMeeting(meeting, meeting.id, f, registrationReported ? null : deadline) || registrationReported;
    for (const item of meeting.items) checkItem(item, meeting.id, f, today);
  }

  for (const milestone of agenda.milestones) {
    const at = (field: string) => ['milestones', milestone.id, field];
    const subject: Subject = { noun: 'milestone', label: milestone.title };
    f.placeholder(milestone.title, at('title'), subject);
    if (f.date(milestone.date, at('date'), subject)) f.deadline(milestone.date, milestone.done, today, at('date'), subject);
  }
  return f;
}

/**
 * A meeting's own fields. `deadline` is the registration deadline while it is not yet
 * reported (else null); returns whether this meeting reported it.
 */
function checkMeeting(meeting: MeetingJSON, id: string, f: Findings, deadline: string | null): boolean {
  const meetingSubject: Subject = { noun: 'meeting', label: meeting.title };
  const at = (field: string) => ['meetings', id, field];
  f.placeholder(meeting.title, at('title'), meetingSubject);
  const date = f.date(meeting.date, at('date'), meetingSubject) ? meeting.date : null;
  const start = f.time(meeting.start, at('start'), meetingSubject);
  const end = f.time(meeting.end, at('end'), meetingSubject);
  if (start && end) {
    if (minutesOfDay(meeting.end) < minutesOfDay(meeting.start)) {
      f.add('date.end-before-start', at('end'), { subject: meetingSubject });
    } else {
      const { overrunMinutes } = scheduleMeeting(meeting);
      if (overrunMinutes > 0) f.add('agenda.overrun', at('end'), { subject: meetingSubject, minutes: overrunMinutes });
    }
  }
  // One issue for the deadline, naming the first meeting it falls after (meetings are sorted by date).
  if (date !== null && deadline !== null && deadline > date) {
    f.add('agenda.registration-after-meeting', ['meta', 'registrationDeadline'], { subject: meetingSubject, date });
    return true;
  }
  return false;
}

/** An agenda item with its decisions and action items; `meetingId` null when the item is an orphan. */
function checkItem(item: AgendaItemJSON, meetingId: string | null, f: Findings, today: string): void {
  const itemSubject: Subject = { noun: 'item', label: item.title };
  if (item.id !== null) {
    if (meetingId === null) f.add('structure.orphan', ['items', item.id, 'meetingId'], { subject: itemSubject });
    f.placeholder(item.title, ['items', item.id, 'title'], itemSubject);
    f.placeholder(item.notes, ['items', item.id, 'notes'], itemSubject);
  }
  for (const decision of item.decisions) {
    const subject: Subject = { noun: 'decision', label: decision.text };
    if (item.id === null) f.add('structure.orphan', ['decisions', decision.id, 'itemId'], { subject });
    f.placeholder(decision.text, ['decisions', decision.id, 'text'], subject);
  }
  for (const action of item.actions) {
    const at = (field: string) => ['actions', action.id, field];
    const subject: Subject = { noun: 'action', label: action.text };
    if (item.id === null) f.add('structure.orphan', at('itemId'), { subject });
    f.placeholder(action.text, at('text'), subject);
    if (!action.done && action.owner.trim() === '') f.add('responsible.missing', at('owner'), { subject });
    if (f.date(action.due, at('due'), subject) && action.due !== null) f.deadline(action.due, action.done, today, at('due'), subject);
  }
}
