/**
 * Real files from real Excel and Word through the real import route (issue 17): declared
 * and detected encodings, `sep=`, stray quotes, refusals that name the encoding, and a
 * title cut on whole characters that the listing and the document agree on.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

let server: TestServer;
let api: ApiClient;
let workspace: string;
beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.signup(email('import-files'));
  workspace = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Importfiler' }, 201)).id;
});
afterAll(async () => {
  await server.stop();
});

interface Imported {
  id: string;
  title: string;
  report: { statedTotals: Array<{ ok: boolean }>; skipped: unknown[]; warnings: unknown[] };
}

async function upload(body: Buffer, contentType: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/workspaces/${workspace}/import`, {
    method: 'POST',
    headers: { 'content-type': contentType, cookie: api.sessionCookie },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function exported(id: string): Promise<{ title: string; goals: Array<{ activities: Array<{ description: string; budget: number | null }> }> }> {
  return api.json('GET', `/api/documents/${id}/export.json`, undefined, 200);
}

describe('POST /api/workspaces/:ws/import with real files', () => {
  // [file, Content-Type, title, first activity's description]
  const files: Array<[string, string, string, string]> = [
    ['handlingsplan-windows-1252-sep.csv', 'text/csv; charset=windows-1252', 'Handlingsplan Energinätverket Höglandet 2027–2028', 'Kartläggning; rapport per kommun'],
    ['handlingsplan-windows-1252-sep.csv', 'text/csv', 'Handlingsplan Energinätverket Höglandet 2027–2028', 'Kartläggning; rapport per kommun'],
    ['handlingsplan-windows-1252-sep.csv', 'text/csv; charset="ISO-8859-1"', 'Handlingsplan Energinätverket Höglandet 2027–2028', 'Kartläggning; rapport per kommun'],
    ['handlingsplan-unicode-text.txt', 'text/plain', 'Handlingsplan Klimatsmart skola 2027', 'Utbildning för lärare och elever'],
    ['handlingsplan-unicode-text.txt', 'text/tab-separated-values; charset=utf-16le', 'Handlingsplan Klimatsmart skola 2027', 'Utbildning för lärare och elever'],
    ['handlingsplan-quoted-cell.tsv', 'text/tab-separated-values', 'Handlingsplan Skolor 2027', '"Klimatsmart" skola – resor utan bil'],
  ];
  it.each(files)('imports %s sent as %s', async (name, type, title, description) => {
    const { status, body } = await upload(fixture(name), type);
    expect(status).toBe(201);
    const done = body as unknown as Imported;
    expect(done.title).toBe(title);
    expect(done.report.skipped).toEqual([]);
    expect(done.report.statedTotals.length).toBeGreaterThan(0);
    expect(done.report.statedTotals.every((t) => t.ok)).toBe(true);
    const plan = await exported(done.id);
    expect(plan.title).toBe(title);
    expect(plan.goals.flatMap((g) => g.activities)[0]?.description).toBe(description);
    expect(JSON.stringify(plan)).not.toContain('\ufffd');
  });

  // [what, body, Content-Type, the encoding the message names]
  const refused: Array<[string, Buffer, string, string]> = [
    ['Windows-1252 bytes declared UTF-8', fixture('handlingsplan-windows-1252-sep.csv'), 'text/csv; charset=utf-8', 'UTF-8'],
    ['an unknown charset', fixture('handlingsplan-quoted-cell.tsv'), 'text/csv; charset=x-klingon', 'x-klingon'],
  ];
  it.each(refused)('refuses %s: 400 import.encoding naming it, nothing created', async (_what, body, type, named) => {
    const before = await api.json<{ documents: unknown[] }>('GET', `/api/workspaces/${workspace}`, undefined, 200);
    const { status, body: answer } = await upload(body, type);
    expect(status).toBe(400);
    expect(answer).toMatchObject({ error: { code: 'import.encoding', message: expect.stringContaining(named) } });
    const after = await api.json<{ documents: unknown[] }>('GET', `/api/workspaces/${workspace}`, undefined, 200);
    expect(after.documents.length).toBe(before.documents.length);
  });

  it('cuts a long title on whole characters; the listing and the document agree', async () => {
    const title = 'a'.repeat(199) + '👨‍👩‍👧‍👦' + 'b'.repeat(20);
    const table = [title, 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat'].join('\n');
    const { status, body } = await upload(Buffer.from(table), 'text/tab-separated-values');
    expect(status).toBe(201);
    const done = body as unknown as Imported;
    expect(done.title).toBe('a'.repeat(199) + '👨‍👩‍👧‍👦');
    expect((await exported(done.id)).title).toBe(done.title);
    const listing = await api.json<{ documents: Array<{ id: string; title: string }> }>('GET', `/api/workspaces/${workspace}`, undefined, 200);
    expect(listing.documents.find((d) => d.id === done.id)?.title).toBe(done.title);
  });

  it('accepts a ?title= of 200 emoji (200 characters, 400 UTF-16 units) and refuses 201', async () => {
    const table = Buffer.from('Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat');
    const send = (title: string) =>
      fetch(`${server.url}/api/workspaces/${workspace}/import?title=${encodeURIComponent(title)}`, {
        method: 'POST',
        headers: { 'content-type': 'text/tab-separated-values', cookie: api.sessionCookie },
        body: table,
      });
    expect((await send('😀'.repeat(200))).status).toBe(201);
    expect((await send('😀'.repeat(201))).status).toBe(400);
  });
});
