/** Clock times of a meeting's items from their durations (09:00, 09:20, …), and what runs over. */
import { isValidTime, minutesOfDay, timeOfDay } from './dates.js';
import type { ActionItemJSON, AgendaJSON, MeetingJSON } from './model/agenda.js';

export interface ScheduledItem {
  itemId: string | null;
  start: string;
  end: string;
  /** True when the item ends after the meeting does. */
  overrun: boolean;
}

export interface MeetingSchedule {
  items: ScheduledItem[];
  /** Minutes the items run past the meeting's end (0 when they fit). */
  overrunMinutes: number;
}

export function scheduleMeeting(meeting: Pick<MeetingJSON, 'start' | 'end' | 'items'>): MeetingSchedule {
  if (!isValidTime(meeting.start)) return { items: [], overrunMinutes: 0 };
  const end = isValidTime(meeting.end) ? minutesOfDay(meeting.end) : null;
  let clock = minutesOfDay(meeting.start);
  const items = meeting.items.map((item) => {
    const from = clock;
    clock += Math.max(0, item.minutes);
    return { itemId: item.id, start: timeOfDay(from), end: timeOfDay(clock), overrun: end !== null && clock > end };
  });
  return { items, overrunMinutes: end === null ? 0 : Math.max(0, clock - end) };
}

/**
 * Action items still open from the meeting before `meetingId` (by date), to bring up when
 * preparing the next one.
 */
export function openActionsFromPrevious(agenda: Pick<AgendaJSON, 'meetings'>, meetingId: string): ActionItemJSON[] {
  const dated = agenda.meetings.filter((m) => m.id !== null);
  const index = dated.findIndex((m) => m.id === meetingId);
  const previous = index > 0 ? dated[index - 1] : undefined;
  return previous ? previous.items.flatMap((item) => item.actions.filter((action) => !action.done)) : [];
}
