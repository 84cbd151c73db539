/**
 * Red-team FA2-1/2: text that reaches a document through the websocket is not refused per
 * field, so every file writer sanitises what it writes. Every text field of a plan, a
 * strategy and an agenda is poisoned with the characters that break files — NUL, BEL, VT,
 * U+FFFE/U+FFFF, a lone surrogate, CR LF with a forged `BEGIN:VEVENT`, a bidi override —
 * and every format must still be a file its program opens: the xlsx and docx XML parts
 * parse with a strict XML parser (saxes, the one exceljs reads with), the calendar parses
 * with ical.js and holds exactly the agenda's events, the CSV holds no control character
 * but the line breaks inside quoted cells. `javascript:` meeting links never become URL.
 */
import ICAL from 'ical.js';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
// Loaded with the test file, not inside the first test's time: build-export.ts loads it lazily.
import '../../server/export/file-formats.js';
import { buildExport } from '../../server/export/build-export.js';
import { inertLinks } from '../../server/export/ics-notes.js';
import { DEMO_AGENDA, DEMO_STRATEGY } from '../../server/demo/content.js';
import { agendaToJSON } from '../../shared/model/agenda.js';
import { createDocument } from '../../shared/model/document.js';
import { importPlanTable } from '../../shared/table/import.js';
import type { FileFormat } from '../../server/export/file-formats.js';
import { readSample } from '../support/samples.js';
import { requestFor } from '../support/export-cases.js';

const POISON = 'X\u0000\u0007\u000b\ufffe\uffff\ud800\r\nBEGIN:VEVENT\r\nUID:forged\r\nSUMMARY:Forged\r\nEND:VEVENT\r\n\u202eY';
/** Values that must stay as they are for the document to mean anything (dates, times, codes). */
const KEEP = /^(\d{4}-\d{2}-\d{2}|\d{2}:\d{2}|[A-Z]{3}|contact|official|politician|https?:.*|[a-z]+@[a-z.]+)$/;

/** `init` with POISON appended to every free text (deep). */
function poisoned<T>(init: T): T {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return KEEP.test(value) || value === '' ? value : `${value}${POISON}`;
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
  };
  return walk(init) as T;
}

const plan = () => createDocument('action-plan', poisoned(importPlanTable(readSample('handlingsplan-smaland.tsv')).plan));
const strategy = () => createDocument('strategy', poisoned(DEMO_STRATEGY));
const agenda = () => createDocument('agenda', poisoned(DEMO_AGENDA));

async function xmlErrors(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const errors: string[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir || !/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser();
    parser.on('error', (error) => errors.push(`${name}: ${error.message}`));
    parser.write(await file.async('string')).close();
  }
  return errors;
}

const MAKE = { plan, strategy, agenda };
const cases: Array<[keyof typeof MAKE, FileFormat]> = [
  ['plan', 'xlsx'],
  ['plan', 'docx'],
  ['strategy', 'xlsx'],
  ['strategy', 'docx'],
  ['agenda', 'xlsx'],
  ['agenda', 'docx'],
];

describe('every Office export of poisoned text is well-formed XML', () => {
  it.each(cases)('%s as %s', async (kind, format) => {
    const { body } = await buildExport(requestFor(MAKE[kind](), format));
    if (typeof body === 'string') throw new Error('an Office file is bytes');
    expect(await xmlErrors(body)).toEqual([]);
  });

  it('minutes of a poisoned meeting', async () => {
    const doc = agenda();
    const meetingId = agendaToJSON(doc).meetings[0]?.id ?? '';
    const { body } = await buildExport(requestFor(doc, 'minutes', { meetingId }));
    if (typeof body === 'string') throw new Error('an Office file is bytes');
    expect(await xmlErrors(body)).toEqual([]);
  });
});

describe('export.ics of poisoned text', () => {
  it('holds exactly the agenda’s events, a one-line calendar name and no forged line', async () => {
    const { body } = await buildExport(requestFor(agenda(), 'ics'));
    if (typeof body !== 'string') throw new Error('ics is text');
    const calendar = new ICAL.Component(ICAL.parse(body));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.map((event) => event.getFirstPropertyValue('uid'))).toEqual(['doc-1-', 'doc-1-'].map((prefix) => expect.stringMatching(new RegExp(`^${prefix}.+@samplan$`))));
    expect(body.split('\r\n').filter((line) => /^(BEGIN:VEVENT|UID:forged|SUMMARY:Forged)/.test(line))).toHaveLength(2);
    expect(body.split('\r\n').filter((line) => line.startsWith('UID:forged'))).toEqual([]);
    for (const name of ['name', 'x-wr-calname']) {
      const value = String(calendar.getFirstPropertyValue(name));
      expect(value).toMatch(/^Nätverksträffar 2027X/);
      expect(value).not.toMatch(/[\r\n\u0000-\u0008\ufffe\uffff]/);
    }
    expect(body).not.toMatch(/[\u0000-\u0008\u000b\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)', null],
    ['data:', 'data:text/html,<script>alert(1)</script>', null],
    ['vbscript with spaces and case', ' JavaScript:alert(1)', null],
    ['file:', 'file:///etc/passwd', null],
    ['a relative path', '/möte', null],
    ['https', 'https://möte.example.se/x', 'https://möte.example.se/x'],
    ['http', 'http://example.se/a?b=c', 'http://example.se/a?b=c'],
  ])('a meeting link that is %s: URL only for http(s)', async (_what, link, url) => {
    const doc = createDocument('agenda', { title: 'A', meetings: [{ title: 'M', date: '2027-11-02', start: '10:00', end: '11:00', location: '', link }] });
    const { body } = await buildExport(requestFor(doc, 'ics'));
    if (typeof body !== 'string') throw new Error('ics is text');
    const event = new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('url') ?? null).toBe(url);
    // The link is still there for people to read, as description text, never link-shaped
    // unless http(s) (exports-ics-links-dates.test.ts has the whole class).
    expect(String(event?.getFirstPropertyValue('description'))).toContain(url ?? inertLinks(link.trim()));
  });
});

describe('export.csv of poisoned text', () => {
  it('holds no control character but the CR LF line ends and line breaks in quoted cells', async () => {
    const { body } = await buildExport(requestFor(plan(), 'csv'));
    if (typeof body !== 'string') throw new Error('csv is text');
    expect(body).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
