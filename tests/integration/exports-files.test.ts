/**
 * The file exports through the real server (issue 20 item 3; DESIGN "Audit and exports"),
 * on the demo workspace: who may download (every member, viewers included; non-members
 * 404, signed-out 401), the response headers (type, attachment, `filename*` with å/ä/ö),
 * which format applies to which kind (400 `export.unsupported`, 404 for no such meeting),
 * the CSV imported again through the server gives the same totals, each download lands in
 * the workspace audit log, and a big document's files are built in an export thread.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../../server/demo/seed.js';
import { ExportPool, ON_MAIN_THREAD } from '../../server/export/export-pool.js';
import { agendaToJSON } from '../../shared/model/agenda.js';
import { ApiClient, email } from '../support/api.js';
import { demoAgenda, planCases, requestFor } from '../support/export-cases.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
const people: Record<'anna' | 'erik' | 'lena' | 'stranger' | 'anonymous', ApiClient> = {} as never;
let workspaceId = '';
const docs: Record<'action-plan' | 'strategy' | 'agenda', { id: string; title: string }> = {} as never;

beforeAll(async () => {
  server = await startTestServer({ demoData: true });
  for (const name of ['anna', 'erik', 'lena'] as const) {
    people[name] = new ApiClient(server.url);
    await people[name].json('POST', '/api/auth/login', { email: `${name}@demo.samplan.se`, password: DEMO_PASSWORD }, 200);
  }
  people.stranger = new ApiClient(server.url);
  await people.stranger.signup(email('stranger'));
  people.anonymous = new ApiClient(server.url);
  const me = await people.anna.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  workspaceId = me.workspaces[0]?.id ?? '';
  const workspace = await people.anna.json<{ documents: Array<{ id: string; kind: keyof typeof docs; title: string }> }>('GET', `/api/workspaces/${workspaceId}`);
  for (const doc of workspace.documents) docs[doc.kind] = doc;
});
afterAll(async () => {
  await server.stop();
});

const get = (who: keyof typeof people, path: string) => people[who].request('GET', path);

describe('who may download', () => {
  const paths = () => [`/api/documents/${docs['action-plan'].id}/export.xlsx`, `/api/documents/${docs['action-plan'].id}/export.csv`, `/api/documents/${docs['action-plan'].id}/export.docx`, `/api/documents/${docs.agenda.id}/export.ics`];
  it.each([
    ['anna', 200],
    ['erik', 200],
    ['lena', 200],
    ['stranger', 404],
    ['anonymous', 401],
  ] as const)('%s gets %i', async (who, status) => {
    for (const path of paths()) {
      const response = await get(who, path);
      expect(response.status, path).toBe(status);
      if (status !== 200) expect(((await response.json()) as { error: { code: string } }).error.code).toBe(status === 404 ? 'not-found' : 'unauthorized');
    }
  });
});

describe('headers and bodies', () => {
  it.each([
    ['action-plan', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['action-plan', 'csv', 'text/csv; charset=utf-8'],
    ['action-plan', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['strategy', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['strategy', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['agenda', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['agenda', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['agenda', 'ics', 'text/calendar; charset=utf-8'],
  ] as const)('%s export.%s: type, attachment named after the title', async (kind, format, type) => {
    const response = await get('lena', `/api/documents/${docs[kind].id}/export.${format}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(new RegExp(`^attachment; filename="[A-Za-z0-9-]+\\.${format}"; filename\\*=UTF-8''`));
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe(`${docs[kind].title}.${format}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (format === 'xlsx' || format === 'docx') expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('the CSV starts with the UTF-8 BOM and imports back to the same totals', async () => {
    const plan = docs['action-plan'];
    const bytes = new Uint8Array(await (await get('erik', `/api/documents/${plan.id}/export.csv`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const imported = await people.erik.request('POST', `/api/workspaces/${workspaceId}/import?title=Igen`, new TextDecoder().decode(bytes.slice(3)), { 'content-type': 'text/csv' });
    expect(imported.status).toBe(201);
    const { id, report } = (await imported.json()) as { id: string; report: { skipped: unknown[] } };
    expect(report.skipped).toEqual([]);
    const totalsOf = async (doc: string) => (await people.erik.json<{ totals: unknown }>('GET', `/api/documents/${doc}/export.json`)).totals;
    expect(await totalsOf(id)).toEqual(await totalsOf(plan.id));
  });

  it('minutes of each demo meeting; 404 for no such meeting; 400 for a plan', async () => {
    const agenda = await people.lena.json<{ meetings: Array<{ id: string; title: string }> }>('GET', `/api/documents/${docs.agenda.id}/export.json`);
    for (const meeting of agenda.meetings) {
      const response = await get('lena', `/api/documents/${docs.agenda.id}/meetings/${meeting.id}/minutes.docx`);
      expect(response.status).toBe(200);
      const zip = await JSZip.loadAsync(await response.arrayBuffer());
      expect(await zip.file('word/document.xml')?.async('string')).toContain(meeting.title.replace(/&/g, '&amp;'));
    }
    const missing = await get('lena', `/api/documents/${docs.agenda.id}/meetings/nope/minutes.docx`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not-found');
  });

  it.each([
    ['action-plan', 'export.ics'],
    ['strategy', 'export.ics'],
    ['strategy', 'export.csv'],
    ['agenda', 'export.csv'],
    ['action-plan', 'meetings/x/minutes.docx'],
  ] as const)('%s %s is 400 export.unsupported', async (kind, path) => {
    const response = await get('lena', `/api/documents/${docs[kind].id}/${path}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'export.unsupported' });
  });

  it.each(['xlsx', 'json', 'tsv'] as const)('a %s download is in the workspace audit log with its format and who took it', async (format) => {
    expect((await get('lena', `/api/documents/${docs['action-plan'].id}/export.${format}`)).status).toBe(200);
    const { entries } = await people.anna.json<{ entries: Array<{ action: string; actor: { name: string } | null; target: { id: string }; details: { format?: string } }> }>(
      'GET',
      `/api/workspaces/${workspaceId}/audit`,
    );
    const exportsByLena = entries.filter((e) => e.action === 'document.exported' && e.target.id === docs['action-plan'].id && e.details.format === format);
    expect(exportsByLena.length).toBeGreaterThan(0);
    expect(exportsByLena[0]?.actor?.name).toMatch(/Lena/);
  });
});

describe('big documents are built in an export thread', () => {
  const [, plan] = planCases()[0] ?? [];
  // One pool whose every document counts as big: its thread is started once and kept warm.
  const threads = new ExportPool({ workerAboveBytes: 0 });
  it.each(['csv', 'ics'] as const)('%s: the same text from a thread as from the main thread', async (format) => {
    const doc = format === 'ics' ? demoAgenda() : (plan ?? demoAgenda());
    const inline = await new ExportPool(ON_MAIN_THREAD).run(requestFor(doc, format));
    const threaded = await threads.run(requestFor(doc, format));
    expect(inline.threadId).toBe(0);
    expect(threaded.threadId).toBeGreaterThan(0);
    expect(threaded.body).toBe(inline.body);
  });

  it.each([
    ['xlsx', 'xl/worksheets/sheet1.xml'],
    ['docx', 'word/document.xml'],
  ] as const)('%s: the same %s from a thread', async (format, part) => {
    const doc = plan ?? new Y.Doc();
    const inline = await new ExportPool(ON_MAIN_THREAD).run(requestFor(doc, format));
    const threaded = await threads.run(requestFor(doc, format));
    expect(threaded.threadId).toBeGreaterThan(0);
    const xml = async (body: string | Uint8Array) => (await JSZip.loadAsync(body)).file(part)?.async('string');
    expect(await xml(threaded.body)).toBe(await xml(inline.body));
  });

  it('minutes from a thread name a meeting the agenda has', async () => {
    const doc = demoAgenda();
    const meetingId = agendaToJSON(doc).meetings[0]?.id ?? '';
    const threaded = await threads.run(requestFor(doc, 'minutes', { meetingId }));
    expect(threaded.threadId).toBeGreaterThan(0);
    await expect(threads.run(requestFor(doc, 'minutes', { meetingId: 'nope' }))).rejects.toMatchObject({ status: 404, code: 'not-found' });
  });
});
