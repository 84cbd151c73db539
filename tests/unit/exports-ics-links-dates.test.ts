/**
 * `export.ics` (red team, issue 17), parsed with ical.js:
 * - a link that is not http(s) — `javascript:`, `data:`, `vbscript:`, `file:`, any scheme,
 *   hidden by case, spaces or a letter before it — in a meeting's link, location, title, an
 *   item's title or presenter is never a URL property and never link-shaped text;
 * - a meeting the calendar cannot hold as written (no date, a date the calendar lacks, a
 *   start or end that is no time) is never dropped or changed silently: its event (if any)
 *   and the calendar's description say so, and the notes are returned for the header.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import '../../server/export/file-formats.js';
import { buildExport } from '../../server/export/build-export.js';
import { inertLinks, warningsHeader } from '../../server/export/ics-notes.js';
import { createDocument } from '../../shared/model/document.js';
import { requestFor } from '../support/export-cases.js';

type Meeting = { title: string; date: string; start: string; end: string; location: string; link: string; items?: Array<{ title: string; presenter?: string; minutes?: number }> };

async function calendarOf(...meetings: Meeting[]) {
  const built = await buildExport(requestFor(createDocument('agenda', { title: 'Nätverk', meetings }), 'ics'));
  if (typeof built.body !== 'string') throw new Error('ics is text');
  const calendar = new ICAL.Component(ICAL.parse(built.body));
  return { built, calendar, events: calendar.getAllSubcomponents('vevent') };
}

const meeting = (fields: Partial<Meeting>): Meeting => ({ title: 'Träff', date: '2027-11-02', start: '10:00', end: '11:00', location: '', link: '', ...fields });

/** A URI scheme right before something that is not white space, outside an http(s) URL token: what a calendar could make a link of. */
function linkShaped(text: string): string[] {
  return text.split(/\s+/).filter((token) => !/^[("'<[]*https?:\/\//i.test(token) && /[A-Za-z][A-Za-z+.-]*:\S/.test(token));
}

const HOSTILE = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  '  javascript:void(0)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///C:/Windows/system32/calc.exe',
  'ms-settings:privacy',
  'x1javascript:alert(1)',
  'java\u0000script:alert(1)',
  'mailto:anna@example.se',
  '(javascript:alert(1))',
];

describe('export.ics: only http(s) is ever a link', () => {
  const places: Array<[string, (link: string) => Meeting]> = [
    ['the link', (link) => meeting({ link })],
    ['the location', (link) => meeting({ location: link })],
    ['the title', (link) => meeting({ title: link })],
    ["an item's title", (link) => meeting({ items: [{ title: link, minutes: 10 }] })],
    ["an item's presenter", (link) => meeting({ items: [{ title: 'Punkt', presenter: link, minutes: 10 }] })],
  ];
  const cases = places.flatMap(([where, make]) => HOSTILE.map((link) => [where, link, make] as const));

  it.each(cases)('in %s: %j', async (_where, link, make) => {
    const { events } = await calendarOf(make(link));
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.getFirstPropertyValue('url') ?? null).toBeNull();
    for (const name of ['summary', 'location', 'description']) {
      const value = event?.getFirstPropertyValue(name);
      if (value !== null && value !== undefined) expect(linkShaped(String(value)), name).toEqual([]);
    }
    // Still readable: the words are there.
    const text = ['summary', 'location', 'description'].map((name) => String(event?.getFirstPropertyValue(name) ?? '')).join('\n');
    expect(text.replace(/\s/g, '')).toContain(link.replace(/[\s\u0000]/g, ''));
  });

  it.each([
    ['https://möte.example.se/klimat', 'https://möte.example.se/klimat'],
    ['http://example.se/a?b=c:d', 'http://example.se/a?b=c:d'],
  ])('a web link %s stays the URL and whole in the description', async (link, url) => {
    const { events } = await calendarOf(meeting({ link }));
    expect(events[0]?.getFirstPropertyValue('url')).toBe(url);
    expect(String(events[0]?.getFirstPropertyValue('description'))).toContain(url);
  });

  it.each([
    ['09:20 Fika', '09:20 Fika'],
    ['kl.9:00 i sal 2', 'kl.9:00 i sal 2'],
    ['Obs: ta med dator', 'Obs: ta med dator'],
    ['Se javascript:alert(1) eller https://a.se/?x=y:z', 'Se javascript: alert(1) eller https://a.se/?x=y:z'],
  ])('inertLinks(%j) leaves times and prose alone', (text, expected) => {
    expect(inertLinks(text)).toBe(expected);
  });
});

describe('export.ics: a meeting it cannot hold as written is said so', () => {
  const cases: Array<[string, Partial<Meeting>, string, 'left out' | 'all day' | 'timed']> = [
    ['a date the calendar lacks', { date: '2027-02-30' }, 'meeting.date-invalid', 'left out'],
    ['a month that does not exist', { date: '2027-13-01' }, 'meeting.date-invalid', 'left out'],
    ['a date that is no date', { date: 'nästa vecka' }, 'meeting.date-invalid', 'left out'],
    ['no date', { date: '' }, 'meeting.date-missing', 'left out'],
    ['a start at 25:00', { start: '25:00' }, 'meeting.start-invalid', 'all day'],
    ['a start at 10:60', { start: '10:60' }, 'meeting.start-invalid', 'all day'],
    ['an end at 24:30', { end: '24:30' }, 'meeting.end-invalid', 'timed'],
    ['an end before the start', { end: '09:00' }, 'meeting.end-before-start', 'timed'],
  ];

  it.each(cases)('%s', async (_what, fields, code, outcome) => {
    const bad = meeting({ title: 'Trasig träff', ...fields });
    const { built, calendar, events } = await calendarOf(meeting({ title: 'Hel träff', date: '2027-11-01' }), bad);
    expect(built.warnings).toEqual([{ code, meetingId: expect.any(String), value: expect.any(String) }]);
    const described = String(calendar.getFirstPropertyValue('x-wr-caldesc'));
    expect(described).toContain('Trasig träff');
    const summaries = events.map((event) => event.getFirstPropertyValue('summary'));
    if (outcome === 'left out') {
      expect(summaries).toEqual(['Hel träff']);
      expect(described).toMatch(/finns inte med i kalendern/);
      return;
    }
    expect(summaries).toEqual(['Hel träff', 'Trasig träff']);
    const event = events[1];
    expect(String(event?.getFirstPropertyValue('description')).split('\n')[0]).toContain(fields.start ?? fields.end ?? '');
    expect(event?.getFirstPropertyValue('dtstart')?.toString().length === 10).toBe(outcome === 'all day');
  });

  it('says nothing for meetings it holds as written (an all-day meeting without a start is one)', async () => {
    const { built, calendar, events } = await calendarOf(meeting({}), meeting({ start: '', end: '' }), meeting({ end: '' }));
    expect(built.warnings).toEqual([]);
    expect(calendar.getFirstPropertyValue('x-wr-caldesc')).toBeNull();
    expect(events).toHaveLength(3);
  });

  it('the header is ASCII JSON of at most 20 notes', () => {
    const notes = Array.from({ length: 30 }, (_, i) => ({ code: 'meeting.date-invalid', meetingId: `m${i}`, value: `2027-02-3${i % 2}\r\nX: ”å”` }));
    const header = warningsHeader(notes);
    expect(header).toMatch(/^[\u0020-\u007e]+$/);
    const parsed: unknown = JSON.parse(header ?? '');
    expect(parsed).toHaveLength(20);
    expect((parsed as Array<{ value: string }>)[0]?.value).toBe('2027-02-30\r\nX: ”å”');
    expect(warningsHeader([])).toBeNull();
  });
});
