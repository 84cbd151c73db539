/**
 * DOCUMENTS_PER_WORKSPACE holds for every way a document enters a workspace (DESIGN "Limits
 * every boundary enforces"): create, import, duplicate and back from the trash — once only
 * duplicate checked it, so an editor could fill the database by creating or importing. Two
 * requests at once cannot both take the last place (counted and inserted in one transaction).
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { ApiClient, email } from '../support/api.js';
import { readSample } from '../support/samples.js';
import { startTestServer, type TestServer } from '../support/server.js';

const CAP = 3;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ limits: { ...loadConfig({}).limits, documentsPerWorkspace: CAP, duplicatesPerMinute: 100 } });
});
afterAll(async () => {
  await server?.stop();
});

interface Full {
  api: ApiClient;
  ws: string;
  ids: string[];
}

const create = (api: ApiClient, ws: string, title: string) => api.request('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title });
const importPlan = (api: ApiClient, ws: string) => api.request('POST', `/api/workspaces/${ws}/import`, readSample('handlingsplan-smaland.tsv'), { 'content-type': 'text/tab-separated-values' });
const documentCount = async (api: ApiClient, ws: string) => (await api.json<{ documents: unknown[]; archived?: unknown[] }>('GET', `/api/workspaces/${ws}`, undefined, 200)).documents.length;

/** A coordinator's workspace holding CAP documents; `spare` were created and then deleted first. */
async function fullWorkspace(spare = 0): Promise<Full> {
  const api = new ApiClient(server.url);
  await api.signup(email('tak'));
  const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Tak' }, 201)).id;
  const ids: string[] = [];
  for (let i = 0; i < spare; i++) {
    const id = (await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: `Borttagen ${i}` }, 201)).id;
    await api.json('DELETE', `/api/documents/${id}`, undefined, 204);
    ids.push(id);
  }
  for (let i = 0; i < CAP; i++) await api.json('POST', `/api/workspaces/${ws}/documents`, { kind: 'agenda', title: `Dokument ${i}` }, 201);
  return { api, ws, ids };
}

describe('a full workspace takes no more documents, by any way in', () => {
  it.each<[string, (full: Full) => Promise<Response>]>([
    ['POST documents (create)', ({ api, ws }) => create(api, ws, 'En för mycket')],
    ['POST import', ({ api, ws }) => importPlan(api, ws)],
    [
      'POST duplicate',
      async ({ api, ws }) => {
        const listing = await api.json<{ documents: Array<{ id: string }> }>('GET', `/api/workspaces/${ws}`, undefined, 200);
        return api.request('POST', `/api/documents/${listing.documents[0]?.id ?? ''}/duplicate`, { title: 'Kopia' });
      },
    ],
    ['POST undelete (back from the trash)', ({ api, ids }) => api.request('POST', `/api/documents/${ids[0] ?? ''}/undelete`)],
  ])('%s answers 409 workspace.full and stores nothing', async (_way, attempt) => {
    const full = await fullWorkspace(1);
    const response = await attempt(full);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('workspace.full');
    expect(await documentCount(full.api, full.ws)).toBe(CAP);
  });

  it('lets exactly one of five simultaneous creates take the last place', async () => {
    const { api, ws } = await fullWorkspace();
    await api.json('DELETE', `/api/documents/${(await api.json<{ documents: Array<{ id: string }> }>('GET', `/api/workspaces/${ws}`)).documents[0]?.id ?? ''}`, undefined, 204);
    const answers = await Promise.all([0, 1, 2, 3, 4].map((i) => (i % 2 ? importPlan(api, ws) : create(api, ws, `Samtidig ${i}`))));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await documentCount(api, ws)).toBe(CAP);
  });

  it('takes a document again once one went to the trash', async () => {
    const { api, ws } = await fullWorkspace();
    const listing = await api.json<{ documents: Array<{ id: string }> }>('GET', `/api/workspaces/${ws}`, undefined, 200);
    await api.json('DELETE', `/api/documents/${listing.documents[0]?.id ?? ''}`, undefined, 204);
    expect((await create(api, ws, 'Ny plats')).status).toBe(201);
  });

  it('refusing a 2 MB import unread says Connection: close, so a keep-alive client does not reuse the closed socket', async () => {
    const { api, ws } = await fullWorkspace();
    const body = Buffer.alloc(2 * 1024 * 1024, 'a\tb\n');
    const answer = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const upload = httpRequest(`${server.url}/api/workspaces/${ws}/import`, {
        method: 'POST',
        headers: { cookie: api.sessionCookie, 'content-type': 'text/tab-separated-values', 'content-length': String(body.length), connection: 'keep-alive' },
      });
      upload.on('response', (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, connection: response.headers.connection });
      });
      // The server may close before the whole body is sent: that is the point.
      upload.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      upload.end(body);
    });
    expect(answer).toEqual({ status: 409, connection: 'close' });
  });

  it('an answer after reading the body keeps the connection', async () => {
    const api = new ApiClient(server.url);
    await api.signup(email('kvar'));
    const response = await api.request('POST', '/api/workspaces', { name: 'Kvar' });
    expect(response.status).toBe(201);
    expect(response.headers.get('connection')).not.toBe('close');
  });
});
