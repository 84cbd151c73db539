/**
 * `export.ics` parsed with ical.js (a well-kept parser, not ours): one VEVENT per dated
 * meeting, DTSTART/DTEND in Europe/Stockholm (with the VTIMEZONE, so winter and summer
 * times land on the right UTC instant), LOCATION, URL, the items in order in DESCRIPTION,
 * a UID that is the same on every export (a re-import updates), text with `,;\` and line
 * breaks back exactly as written, lines folded to 75 octets — and the same file whatever
 * the server process's own time zone.
 */
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
// Loaded with the test file, not inside the first test's time: build-export.ts loads it lazily.
import '../../server/export/file-formats.js';
import { buildExport } from '../../server/export/build-export.js';
import { agendaWith, demoAgenda, requestFor } from '../support/export-cases.js';

async function calendarOf(doc: Y.Doc): Promise<{ text: string; events: ICAL.Event[] }> {
  const { body } = await buildExport(requestFor(doc, 'ics'));
  if (typeof body !== 'string') throw new Error('ics is text');
  const calendar = new ICAL.Component(ICAL.parse(body));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { text: body, events: calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event)) };
}

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
  ICAL.TimezoneService.reset();
});

describe('export.ics', () => {
  it('the demo agenda: Stockholm times in winter and summer, location, url and items', async () => {
    const { events } = await calendarOf(demoAgenda());
    expect(events.map((e) => e.summary)).toEqual(['Nätverksträff 1: Uppstart', 'Nätverksträff 2: Laddinfrastruktur']);
    const [winter, summer] = events;
    expect(winter?.startDate.zone?.tzid).toBe('Europe/Stockholm');
    expect(winter?.startDate.toJSDate().toISOString()).toBe('2027-03-11T08:00:00.000Z');
    expect(winter?.endDate.toJSDate().toISOString()).toBe('2027-03-11T11:00:00.000Z');
    expect(summer?.startDate.toJSDate().toISOString()).toBe('2027-05-20T11:00:00.000Z');
    expect(winter?.location).toBe('Växjö, Kommunhuset');
    expect(winter?.description.split('\n')[0]).toBe('09:00 1. Välkommen och presentationsrunda (20 min, Anna Samordnare)');
    expect(winter?.description.split('\n')[1]).toMatch(/^09:20 2\. /);
    expect(summer?.component.getFirstPropertyValue('url')).toBe('https://möte.example.se/klimatnatverket');
  });

  it('gives each meeting a UID that is the same on every export', async () => {
    const doc = demoAgenda();
    const first = (await calendarOf(doc)).events.map((e) => e.uid);
    const second = (await calendarOf(doc)).events.map((e) => e.uid);
    expect(first).toEqual(second);
    expect(new Set(first).size).toBe(first.length);
    expect(first.every((uid) => uid.startsWith('doc-1-') && uid.endsWith('@samplan'))).toBe(true);
  });

  it.each([
    ['commas, semicolons, backslashes', 'Möte; del 1, 2 \\ 3', 'Sal A; plan 2, hus \\ B'],
    ['line breaks', 'Rad ett\nrad två', 'Plats\nmed rad'],
    ['long text', 'Ett mycket långt mötesnamn med å ä ö '.repeat(5), 'Kommunhuset '.repeat(20)],
  ])('keeps %s exact and folds lines to 75 octets', async (_name, title, location) => {
    const { text, events } = await calendarOf(agendaWith({ title, date: '2027-11-02', start: '13:00', end: '15:30', location }));
    expect(events[0]?.summary).toBe(title);
    expect(events[0]?.location).toBe(location);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('writes an all-day event for a meeting without a time and leaves out one without a date', async () => {
    const doc = agendaWith({ title: 'Heldag', date: '2027-10-31', start: '', end: '', location: '' }, { title: 'Utan datum', date: '', start: '09:00', end: '10:00', location: '' });
    const { text, events } = await calendarOf(doc);
    expect(events.map((e) => e.summary)).toEqual(['Heldag']);
    expect(events[0]?.startDate.isDate).toBe(true);
    expect(text).toContain('DTSTART;VALUE=DATE:20271031');
  });

  // 2027-03-14 02:30 does not exist in New York (its clocks jump that night), but it does in
  // Stockholm: built from the process's local time, the meeting would move to 03:30.
  it.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'Europe/Stockholm'])('is the same file when the server runs in %s', async (zone) => {
    const doc = agendaWith({ title: 'Natt', date: '2027-03-14', start: '02:30', end: '04:00', location: '' });
    process.env.TZ = 'UTC';
    const reference = (await calendarOf(doc)).text;
    process.env.TZ = zone;
    expect((await calendarOf(doc)).text).toBe(reference);
    expect(reference).toContain('DTSTART;TZID=Europe/Stockholm:20270314T023000');
    expect(reference).toContain('DTEND;TZID=Europe/Stockholm:20270314T040000');
  });
});
