/**
 * Issue 17 U4: every download of a document is named the same way, whatever its format —
 * `Content-Disposition: attachment` with an ASCII `filename` and the title itself as RFC 5987
 * `filename*` (å/ä/ö and emoji kept; `"` as ”; no character a file system refuses). Over the real API,
 * for a title holding everything a file name finds hard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seed.js';
import { ApiClient } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

const TITLE = 'Plan "Åland/Öland" för ä\\ö 🌍 2027–2028';
/** What the title becomes in a saved file name: separators out, quotes Swedish (shared/file-name.ts), everything else kept. */
const SAVED = 'Plan ”Åland Öland” för ä ö 🌍 2027–2028';
const ASCII = 'Plan-Aland-Oland-for-a-o-2027-2028';

let server: TestServer;
const anna = { api: null as unknown as ApiClient };
const docs: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ demoData: true });
  anna.api = new ApiClient(server.url);
  await anna.api.json('POST', '/api/auth/login', { email: 'anna@demo.samplan.se', password: DEMO_PASSWORD }, 200);
  const me = await anna.api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const workspace = await anna.api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  for (const doc of workspace.documents) {
    docs[doc.kind] = doc.id;
    await anna.api.json('PATCH', `/api/documents/${doc.id}`, { title: TITLE }, 200);
  }
});
afterAll(async () => {
  await server.stop();
});

/** The two names a `Content-Disposition` header gives: the ASCII fallback and the decoded `filename*`. */
function namesOf(header: string | null): { ascii: string; saved: string } {
  const match = /^attachment; filename="([^"]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(header ?? '');
  if (!match) throw new Error(`not an attachment with filename and filename*: ${header}`);
  return { ascii: match[1] ?? '', saved: decodeURIComponent(match[2] ?? '') };
}

describe('download names (every format of every document kind)', () => {
  it.each([
    ['action-plan', 'json'],
    ['action-plan', 'tsv'],
    ['action-plan', 'csv'],
    ['action-plan', 'xlsx'],
    ['action-plan', 'docx'],
    ['strategy', 'json'],
    ['strategy', 'xlsx'],
    ['strategy', 'docx'],
    ['agenda', 'json'],
    ['agenda', 'ics'],
    ['agenda', 'xlsx'],
    ['agenda', 'docx'],
  ])('%s export.%s: the title, ASCII fallback and filename* with å/ä/ö', async (kind, format) => {
    const response = await anna.api.request('GET', `/api/documents/${docs[kind]}/export.${format}`);
    expect(response.status).toBe(200);
    expect(namesOf(response.headers.get('content-disposition'))).toEqual({ ascii: `${ASCII}.${format}`, saved: `${SAVED}.${format}` });
  });

  it("an agenda meeting's minutes: the same scheme, the agenda's title first", async () => {
    const agenda = await anna.api.json<{ meetings: Array<{ id: string; date: string; start: string }> }>('GET', `/api/documents/${docs.agenda}/export.json`);
    const meeting = agenda.meetings[0];
    expect(meeting).toBeDefined();
    const response = await anna.api.request('GET', `/api/documents/${docs.agenda}/meetings/${meeting?.id}/minutes.docx`);
    expect(response.status).toBe(200);
    const { ascii, saved } = namesOf(response.headers.get('content-disposition'));
    // The start time as Swedish writes it (09.00): a colon is refused by Windows and rewritten by browsers.
    const time = meeting?.start.replace(':', '.');
    expect(saved.startsWith(`${SAVED} ${meeting?.date} ${time} `)).toBe(true);
    expect(saved).not.toContain(':');
    expect(saved.endsWith('.docx')).toBe(true);
    expect(ascii.startsWith(`${ASCII}-${meeting?.date}-${time}-`)).toBe(true);
    expect(ascii).toMatch(/^[A-Za-z0-9.-]+\.docx$/);
  });
});
