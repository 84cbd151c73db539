/**
 * Issue 17, red team F1/F2: every request that reads or builds a whole document or version
 * has a bounded cost (DESIGN "Limits every boundary enforces"; docs/security.md "Bounded
 * requests"; server/http/heavy-limit.ts). Deterministic: the server's clock stands still (no
 * rate-limit token comes back mid-test), and requests that hold the process's slots are held
 * open at a gate the test controls (the live document's state, read for the compare), so "at once" is by
 * construction, never by timing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HeavyLimits } from '../../server/config.js';
import { makeVersion } from '../../server/versions/versions.js';
import { ApiClient, email } from '../support/api.js';
import { readSample } from '../support/samples.js';
import { startTestServer, type TestServer } from '../support/server.js';

const NOW = Date.parse('2027-03-01T10:00:00Z');
const HEAVY: HeavyLimits = { perMinute: 3, atOnce: 2, queue: 4, versionsPerMinute: 3, shareLinksPerMinute: 3, versionsPerDocument: 5 };
const CAPACITY = HEAVY.atOnce + HEAVY.queue;
const BUSY = { status: 503, code: 'busy', retryAfter: '5' };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ heavy: HEAVY }, { now: () => NOW, today: () => '2027-03-01' });
});
afterAll(async () => {
  await server?.stop();
});

interface Scene {
  api: ApiClient;
  plan: string;
  version: string;
  token: string;
}

/** A coordinator (a new person: a fresh per-minute count) with the Småland plan, one version and one share link. */
async function scene(): Promise<Scene> {
  const api = new ApiClient(server.url);
  await api.signup(email('tung'));
  const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Gränser' }, 201)).id;
  const imported = await api.request('POST', `/api/workspaces/${ws}/import`, readSample('handlingsplan-smaland.tsv'), { 'content-type': 'text/tab-separated-values' });
  const plan = ((await imported.json()) as { id: string }).id;
  if (imported.status !== 201) throw new Error(`import: ${imported.status}`);
  const version = (await api.json<{ id: string }>('POST', `/api/documents/${plan}/versions`, { name: 'v1' }, 201)).id;
  const link = await api.json<{ url: string }>('POST', `/api/documents/${plan}/share-links`, { label: 'Politiker' }, 201);
  return { api, plan, version, token: link.url.split('/s/')[1] ?? '' };
}

async function errorOf(response: Response): Promise<{ status: number; code: string; retryAfter: string | null }> {
  const body = (await response.json()) as { error?: { code: string } };
  return { status: response.status, code: body.error?.code ?? '', retryAfter: response.headers.get('retry-after') };
}

const compare = (s: Scene) => s.api.request('GET', `/api/documents/${s.plan}/compare?from=${s.version}&to=live`);

/** Every route of the class, as one request of the scene's person (or its share link's guest). */
const ROUTES: Array<[string, (s: Scene) => Promise<Response>]> = [
  ['GET compare', (s) => compare(s)],
  ['GET changes', (s) => s.api.request('GET', `/api/documents/${s.plan}/changes?since=2020-01-01T00:00:00Z`)],
  ['GET a version\'s export.json', (s) => s.api.request('GET', `/api/documents/${s.plan}/versions/${s.version}/export.json`)],
  ['POST restore', (s) => s.api.request('POST', `/api/documents/${s.plan}/versions/${s.version}/restore`)],
  ['GET a guest\'s export.json', (s) => new ApiClient(server.url).request('GET', `/api/shared/${s.token}/export.json`)],
];

/** Holds every encoding of a live document's state (a compare's live side) until `open()`; counts those that reached it. */
function holdLiveReads() {
  const rooms = server.deps.rooms;
  const encode = rooms.encodeState.bind(rooms);
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const spy = vi.spyOn(rooms, 'encodeState').mockImplementation(async (id) => (await gate, encode(id)));
  return { reads: () => spy.mock.calls.length, open, restore: () => (open(), spy.mockRestore()) };
}

describe('per process: at most HEAVY_REQUESTS_AT_ONCE run, HEAVY_REQUESTS_QUEUE wait, the rest 503 busy at once', () => {
  it('16 people compare at once: 6 held, 10 refused with Retry-After; /healthz and other routes answer meanwhile', async () => {
    // Made one after another: imports have a bound of their own.
    const viewers: Scene[] = [];
    for (let i = 0; i < 16; i++) viewers.push(await scene());
    // People who asked nothing yet, one per route: what they meet is the process's bound, not their own.
    const others: Scene[] = [];
    for (let i = 0; i < ROUTES.length; i++) others.push(await scene());
    const hold = holdLiveReads();
    try {
      const answered: Response[] = [];
      const asks = viewers.map((s) => compare(s).then((r) => (answered.push(r), r)));
      // Before the fix all 16 reached the live read at once (16 reads, no answer).
      await vi.waitFor(() => expect(answered.length + hold.reads()).toBeGreaterThanOrEqual(16 - HEAVY.queue), { timeout: 30_000, interval: 20 });
      expect(hold.reads()).toBe(HEAVY.atOnce);
      expect(await Promise.all(answered.map(errorOf))).toEqual(Array.from({ length: 16 - CAPACITY }, () => BUSY));
      // While the slots are taken, everything else is served: probes, a document.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const first = others[0];
      if (!first) throw new Error('no scene');
      expect((await first.api.request('GET', `/api/documents/${first.plan}`)).status).toBe(200);
      // The (N+1)th of every route of the class is refused alike.
      for (const [i, [, ask]] of ROUTES.entries()) expect(await errorOf(await ask(others[i] ?? first))).toEqual(BUSY);
      hold.open();
      expect((await Promise.all(asks)).filter((r) => r.status === 200)).toHaveLength(CAPACITY);
    } finally {
      hold.restore();
    }
  }, 120_000);

  it('one person asking 16 at once holds at most HEAVY_REQUESTS_AT_ONCE; the rest are 429, never the whole queue', async () => {
    const s = await scene();
    const other = await scene();
    const hold = holdLiveReads();
    try {
      const answered: Response[] = [];
      const asks = Array.from({ length: 16 }, () => compare(s).then((r) => (answered.push(r), r)));
      await vi.waitFor(() => expect(answered.length).toBe(16 - HEAVY.atOnce), { timeout: 30_000, interval: 20 });
      const codes = (await Promise.all(answered.map(errorOf))).map((e) => `${e.status} ${e.code} ${e.retryAfter === null ? '' : 'Retry-After'}`);
      expect(new Set(codes)).toEqual(new Set(['429 rate-limited Retry-After']));
      // Someone else still gets a place in the queue (not 503: the person did not fill it).
      const theirs = compare(other);
      hold.open();
      expect((await theirs).status).toBe(200);
      expect((await Promise.all(asks)).filter((r) => r.status === 200)).toHaveLength(HEAVY.atOnce);
    } finally {
      hold.restore();
    }
  }, 60_000);
});

describe('per person (or share link) and minute: HEAVY_REQUESTS_PER_MINUTE, then 429', () => {
  it.each(ROUTES)('%s: the fourth of a minute is 429 rate-limited with Retry-After', async (_route, ask) => {
    const s = await scene();
    for (let i = 0; i < HEAVY.perMinute; i++) expect((await ask(s)).status).toBe(200);
    expect(await errorOf(await ask(s))).toEqual({ status: 429, code: 'rate-limited', retryAfter: expect.stringMatching(/^\d+$/) });
  }, 60_000);

  it('one person past the minute leaves another person served', async () => {
    const a = await scene();
    const b = await scene();
    for (let i = 0; i < HEAVY.perMinute; i++) await compare(a);
    expect((await compare(a)).status).toBe(429);
    expect((await compare(b)).status).toBe(200);
  }, 60_000);
});

describe('F2: creating versions and share links is rated per person; versions per document are capped', () => {
  it.each([
    ['POST versions', (s: Scene, i: number) => s.api.request('POST', `/api/documents/${s.plan}/versions`, { name: `v${i}` })],
    ['POST share-links', (s: Scene, i: number) => s.api.request('POST', `/api/documents/${s.plan}/share-links`, { label: `Länk ${i}` })],
  ] as const)('%s: past 3 a minute (the scene made one) 429 rate-limited with Retry-After', async (_route, make) => {
    const s = await scene();
    for (let i = 2; i <= 3; i++) expect((await make(s, i)).status).toBe(201);
    expect(await errorOf(await make(s, 4))).toEqual({ status: 429, code: 'rate-limited', retryAfter: expect.stringMatching(/^\d+$/) });
  }, 60_000);

  it('at VERSIONS_PER_DOCUMENT the oldest automatic version goes; with none left 409 version.limit and nothing is stored', async () => {
    const s = await scene();
    const deps = { kdb: server.deps.kdb, clock: server.deps.clock, rooms: server.deps.rooms };
    const list = async () => (await s.api.json<{ versions: Array<{ id: string; kind: string }> }>('GET', `/api/documents/${s.plan}/versions`, undefined, 200)).versions;
    const autos = [];
    for (let i = 0; i < 3; i++) autos.push((await makeVersion(deps, s.plan, { kind: 'auto', name: `Automatisk ${i}`, createdBy: null })).id);
    // 1 named + 3 automatic = 4; the fifth fits, the sixth replaces the oldest automatic.
    await s.api.json('POST', `/api/documents/${s.plan}/versions`, { name: 'v2' }, 201);
    await s.api.json('POST', `/api/documents/${s.plan}/versions`, { name: 'v3' }, 201);
    const after = await list();
    expect(after).toHaveLength(HEAVY.versionsPerDocument);
    expect(after.map((v) => v.id)).not.toContain(autos[0]);
    expect(after.map((v) => v.id)).toContain(autos[1]);
    // Only named versions left: the next (a restore's "before" one too) is refused, nothing written.
    for (const id of autos.slice(1)) await server.deps.kdb.deleteFrom('document_versions').where('id', '=', id).execute();
    for (let i = 0; i < 2; i++) await makeVersion(deps, s.plan, { kind: 'named', name: `Fyllnad ${i}`, createdBy: null });
    const refused = await errorOf(await s.api.request('POST', `/api/documents/${s.plan}/versions/${s.version}/restore`));
    expect(refused).toEqual({ status: 409, code: 'version.limit', retryAfter: null });
    expect(await list()).toHaveLength(HEAVY.versionsPerDocument);
  }, 60_000);
});
