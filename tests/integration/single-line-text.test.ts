/**
 * Red-team FA2-1 through the real server: every single-line text that enters through HTTP
 * (document titles on create, rename, duplicate and import; workspace and account names;
 * version names and decision fields; share-link labels; round titles) goes through one
 * rule (shared/strings.ts `singleLineProblem`, server/validation.ts `singleLine`) and is
 * refused 400 `validation` with a Swedish message for each kind of hostile text — and a
 * hostile agenda title written anyway through the websocket still gives a calendar without
 * forged events and a file name without bidi controls.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGoal } from '../../shared/model/action-plan.js';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let coordinator: ApiClient;
let ws: string;
let plan: string;
let goal: string;

beforeAll(async () => {
  server = await startTestServer();
  coordinator = new ApiClient(server.url);
  await coordinator.signup(email('anna'), 'Anna Samordnare');
  ws = (await coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Nätverket' }, 201)).id;
  plan = (await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  await server.deps.rooms.change(plan, (d) => {
    goal = addGoal(d, { number: '1', title: 'Mål' });
  });
});
afterAll(async () => {
  await server?.stop();
});

const HOSTILE: Array<[string, string]> = [
  ['CR LF with a forged event', 'Nätverk\r\nBEGIN:VEVENT\r\nSUMMARY:Falsk\r\nEND:VEVENT'],
  ['a lone LF', 'Rad\nrad'],
  ['a tab', 'A\tB'],
  ['NUL', 'A\u0000B'],
  ['BEL', 'A\u0007B'],
  ['U+FFFE', 'A\ufffeB'],
  ['U+FFFF', 'A\uffffB'],
  ['a lone surrogate', 'A\ud800B'],
  ['a right-to-left override', 'faktura\u202Egpj.exe'],
  ['an isolate', 'A\u2067B\u2069'],
  ['only zero-width spaces', '\u200b\u200b\u200b'],
  ['zero-width joiners, BOM and a Hangul filler', '\u200d\ufeff\u3164'],
];

/** Each route that takes a single-line text: the request it makes with `text` in that field. */
const FIELDS: Array<[string, (text: string) => Promise<Response>]> = [
  ['workspace name', (text) => coordinator.request('POST', '/api/workspaces', { name: text })],
  ['document title (create)', (text) => coordinator.request('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: text })],
  ['document title (rename)', (text) => coordinator.request('PATCH', `/api/documents/${plan}`, { title: text })],
  ['document title (duplicate)', (text) => coordinator.request('POST', `/api/documents/${plan}/duplicate`, { title: text })],
  ['document title (import)', (text) => coordinator.request('POST', `/api/workspaces/${ws}/import?title=${encodeURIComponent(text)}`, 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat\n', { 'content-type': 'text/tab-separated-values' })],
  ['account name', (text) => coordinator.request('PATCH', '/api/me', { name: text })],
  ['sign-up name', (text) => new ApiClient(server.url).request('POST', '/api/auth/signup', { email: email('ny'), password: 'lösenord-123', name: text })],
  ['version name', (text) => coordinator.request('POST', `/api/documents/${plan}/versions`, { name: text })],
  ['decision body', (text) => coordinator.request('POST', `/api/documents/${plan}/versions`, { name: 'Antagen', decision: { body: text, date: '2027-03-15', reference: '§ 42' } })],
  ['decision reference', (text) => coordinator.request('POST', `/api/documents/${plan}/versions`, { name: 'Antagen', decision: { body: 'KF', date: '2027-03-15', reference: text } })],
  ['share-link label', (text) => coordinator.request('POST', `/api/documents/${plan}/share-links`, { label: text })],
  ['round title', (text) => coordinator.request('POST', `/api/documents/${plan}/rounds`, { title: text, items: [{ collection: 'goals', id: goal }], dotsPerPerson: 3, anonymous: false })],
];

describe.each(FIELDS)('%s', (field, send) => {
  // A URL query cannot carry a lone surrogate (it is not UTF-8): not a case for the import's title.
  const cases = field.includes('import') ? HOSTILE.filter(([what]) => what !== 'a lone surrogate') : HOSTILE;
  it.each(cases)('refuses %s with 400 validation and a Swedish message', async (_what, text) => {
    const response = await send(text);
    const body = (await response.json()) as { error?: { code: string; message: string } };
    expect(response.status, JSON.stringify(body)).toBe(400);
    expect(body.error?.code).toBe('validation');
    // A NUL in the address (the import's ?title=) is refused before the route reads it (server/http/nul-in-url.ts).
    expect(body.error?.message).toMatch(/tillåtna|ogiltiga tecken|tom|NUL-tecken/);
  });

  it('accepts a real Nordic title with an emoji and a flag', async () => {
    const response = await send('Klimatnätverket Småland 2027–2028 🇸🇪 👩‍👩‍👧');
    expect(response.status, await response.clone().text()).toBeLessThan(300);
  });
});

describe('text written through the websocket is sanitised on output', () => {
  it('a hostile agenda title gives a calendar with only the real event and a clean file name', async () => {
    const agenda = (await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: 'Agenda' }, 201)).id;
    await server.deps.rooms.change(agenda, (d) => {
      d.getMap('meta').set('title', 'Nätverk\r\nBEGIN:VEVENT\r\nUID:forged\r\nSUMMARY:Falsk\r\nEND:VEVENT\r\n\u202Egpj.exe\u0007');
      const meeting = new Y.Map<unknown>([['title', 'Träff'], ['date', '2027-11-02'], ['start', '10:00'], ['end', '11:00'], ['location', ''], ['link', 'javascript:alert(1)']]);
      d.getMap('meetings').set('m1', meeting);
    });
    const response = await coordinator.request('GET', `/api/documents/${agenda}/export.ics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getAllSubcomponents('vevent').map((event) => event.getFirstPropertyValue('summary'))).toEqual(['Träff']);
    expect(text).not.toMatch(/^(UID:forged|SUMMARY:Falsk|URL)/m);
    expect(response.headers.get('content-disposition')).not.toMatch(/%E2%80%AE|%07/i);
  });
});
