/**
 * A share-link guest's "adopted vs live draft" and "changed since your last visit" (issue 18
 * "Done when": on a share link too; DESIGN "Share links"): `GET /api/shared/:token/compare`
 * and `…/changes?since=<ISO>` answer exactly what the member routes answer for the same
 * states, for that one document only; 404/410 as every guest route; 404
 * `version.none-adopted`; 400 for a bad or future `since`; counted per link (429). The
 * server's clock is the test's and stands still inside a test: answers compare byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateItem } from '../../shared/model/action-plan.js';
import type { HeavyLimits } from '../../server/config.js';
import type { Clock } from '../../server/context.js';
import { ApiClient } from '../support/api.js';
import { eventually, planSceneWithEditor, type PlanScene } from '../support/plan-scene.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { smalandIds } from '../support/smaland-edits.js';
import type { Peer } from '../support/yclient.js';

const DAY = 24 * 60 * 60 * 1000;
let now = Date.parse('2027-03-15T10:00:00.000Z');
const clock: Clock = { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) };
const iso = (ms: number) => new Date(ms).toISOString();
const DECISION = { body: 'Kommunstyrelsen', date: '2027-03-15', reference: 'KS 2027-03-15 § 42' };

let server: TestServer;
const peers: Peer[] = [];
beforeAll(async () => {
  // Rooms stay open and the log is never compacted: "the state at a moment" is exact.
  server = await startTestServer({ compactAfterUpdates: 100_000, roomIdleMs: 3_600_000 }, clock);
});
afterAll(async () => {
  for (const peer of peers) peer.destroy();
  await server?.stop();
});

interface Scene {
  s: PlanScene;
  peer: Peer;
  token: string;
  linkId: string;
}

/** The Småland plan with an editor's socket and a 7-day share link, the clock a minute on. */
async function scene(base = server): Promise<Scene> {
  const { s, peer } = await planSceneWithEditor(base.url);
  peers.push(peer);
  const link = await s.coordinator.json<{ id: string; url: string }>('POST', `/api/documents/${s.documentId}/share-links`, { label: 'Politiker' }, 201);
  now += 60_000;
  return { s, peer, token: new URL(link.url).pathname.replace(/^\/s\//, ''), linkId: link.id };
}

const budgetOf = async (s: PlanScene) => {
  const json = await s.viewer.json<{ goals: Array<{ activities: Array<{ number: string; budget: number | null }> }> }>('GET', `/api/documents/${s.documentId}/export.json`, undefined, 200);
  return json.goals.flatMap((g) => g.activities).find((a) => a.number === '1.1')?.budget;
};

/** A minute on, sets activity 1.1's budget as the editor and waits until the server holds it. */
async function setBudget(x: Scene, budget: number): Promise<void> {
  now += 60_000;
  updateItem(x.peer.doc, 'activities', smalandIds(x.peer.doc).a11, { budget });
  await eventually(async () => (await budgetOf(x.s)) === budget, 10_000, `budget ${budget} stored`);
}

const adopt = (x: Scene, name = 'Antagen') => x.s.coordinator.json<{ id: string }>('POST', `/api/documents/${x.s.documentId}/versions`, { name, decision: DECISION }, 201);
const guest = (token: string, path: string) => new ApiClient(server.url).request('GET', `/api/shared/${token}${path}`);
const member = (x: Scene, path: string) => x.s.viewer.request('GET', `/api/documents/${x.s.documentId}${path}`);
const COMPARE = '/compare?from=adopted&to=live';
const since = (at: number) => `/changes?since=${encodeURIComponent(iso(at))}`;

async function codeOf(response: Response): Promise<{ status: number; code: string }> {
  const body = (await response.json()) as { error?: { code: string } };
  return { status: response.status, code: body.error?.code ?? '' };
}

describe('the guest routes answer as the member routes, for the same states', () => {
  it('adopted vs live and changes since a moment: byte for byte the member answer, with the edited budget', async () => {
    const x = await scene();
    await setBudget(x, 111_000);
    await adopt(x);
    now += 60_000;
    const read = now;
    await setBudget(x, 222_000);
    const [guestCompare, memberCompare] = await Promise.all([guest(x.token, COMPARE), member(x, COMPARE)]);
    expect(guestCompare.status).toBe(200);
    const compared = await guestCompare.text();
    expect(compared).toBe(await memberCompare.text());
    expect(compared).toContain('222000');
    const [guestChanges, memberChanges] = [await guest(x.token, since(read)), await member(x, since(read))];
    expect(guestChanges.status).toBe(200);
    const listed = await guestChanges.text();
    expect(listed).toBe(await memberChanges.text());
    expect(JSON.parse(listed)).toMatchObject({ from: { kind: 'moment', at: iso(read) }, to: { at: iso(now) } });
    expect((JSON.parse(listed) as { changes: unknown[] }).changes.length).toBeGreaterThan(0);
  });

  it('only what changed after `since` is listed: the earlier edit is gone from the later list', async () => {
    const x = await scene();
    const first = now;
    await setBudget(x, 333_000);
    const earlier = await (await guest(x.token, since(first))).text();
    const seen = (JSON.parse(earlier) as { to: { at: string } }).to.at;
    await setBudget(x, 444_000);
    const later = await (await guest(x.token, since(Date.parse(seen)))).text();
    // The later list starts where the earlier one ended: from 333 000, not from the import's budget.
    expect(earlier).toContain('333000');
    expect(later).toContain('"before":333000');
    expect(later).toContain('"after":444000');
    expect(later).toBe(await (await member(x, since(Date.parse(seen)))).text());
  });

  it('a first visit (no `since`): nothing earlier to compare with, and the server time to keep', async () => {
    const x = await scene();
    const response = await guest(x.token, '/changes');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ changes: [], from: { kind: 'none', at: null }, to: { at: iso(now) } });
  });

  it('GET /shared/:token names the adopted version without its id or author', async () => {
    const x = await scene();
    expect(await (await guest(x.token, '')).json()).toMatchObject({ adopted: null });
    await adopt(x, 'Handlingsplan 2027');
    const info = (await (await guest(x.token, '')).json()) as { adopted: Record<string, unknown> };
    expect(info.adopted).toEqual({ name: 'Handlingsplan 2027', createdAt: iso(now), decision: DECISION });
  });
});

describe('what a guest is refused', () => {
  it.each([
    ['no adopted version', COMPARE, 404, 'version.none-adopted'],
    ['a version id as from', '/compare?from=some-version&to=live', 400, 'validation'],
    ['to=adopted', '/compare?from=adopted&to=adopted', 400, 'validation'],
    ['since not a time', '/changes?since=last-visit', 400, 'validation'],
    ['since garbage', '/changes?since=igår', 400, 'validation'],
    ['since in the future', 'future', 400, 'validation'],
  ])('%s (%s): %i %s', async (_what, path, status, code) => {
    const x = await scene();
    const shown = path === 'future' ? since(now + 60_000) : path;
    expect(await codeOf(await guest(x.token, shown))).toEqual({ status, code });
  });

  it.each([
    ['unknown', 404, 'share.not-found'],
    ['revoked', 410, 'share.expired'],
    ['expired (injected clock)', 410, 'share.expired'],
  ])('an %s link: %i %s on both routes', async (what, status, code) => {
    const x = await scene();
    await adopt(x);
    let token = x.token;
    if (what === 'unknown') token = `${x.token.slice(0, -4)}AAAA`;
    if (what === 'revoked') await x.s.coordinator.json('DELETE', `/api/documents/${x.s.documentId}/share-links/${x.linkId}`, undefined, 204);
    const before = now;
    if (what.startsWith('expired')) now += 7 * DAY;
    try {
      for (const path of [COMPARE, since(before), '/changes']) expect(await codeOf(await guest(token, path))).toEqual({ status, code });
    } finally {
      now = before;
    }
  });

  it('a guest never sees another document\'s versions: each link compares its own document', async () => {
    const a = await scene();
    const b = await scene();
    await setBudget(b, 555_000);
    await adopt(b);
    await setBudget(b, 666_000);
    // Plan A has no adopted version: its link never falls back to plan B's.
    expect(await codeOf(await guest(a.token, COMPARE))).toEqual({ status: 404, code: 'version.none-adopted' });
    await setBudget(a, 777_000);
    await adopt(a);
    const [ofA, ofB] = [await (await guest(a.token, COMPARE)).text(), await (await guest(b.token, COMPARE)).text()];
    expect(ofA).toBe(await (await member(a, COMPARE)).text());
    expect(ofA).not.toContain('666000');
    expect(ofB).toContain('666000');
  });
});

describe('bounded per link', () => {
  const HEAVY: HeavyLimits = { perMinute: 3, atOnce: 2, queue: 4, versionsPerMinute: 10, shareLinksPerMinute: 10, versionsPerDocument: 20 };
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ heavy: HEAVY, compactAfterUpdates: 100_000 }, clock);
  });
  afterAll(async () => {
    await limited?.stop();
  });

  it.each([
    ['compare', COMPARE],
    ['changes', 'since'],
  ])('%s: the 4th request of one link in a minute is 429 with Retry-After; another link of the same plan still answers', async (_route, path) => {
    const x = await scene(limited);
    await adopt(x);
    const other = await x.s.coordinator.json<{ url: string }>('POST', `/api/documents/${x.s.documentId}/share-links`, { label: 'Journalist' }, 201);
    const otherToken = new URL(other.url).pathname.replace(/^\/s\//, '');
    const shown = path === 'since' ? since(now - 60_000) : path;
    const ask = (token: string) => new ApiClient(limited.url).request('GET', `/api/shared/${token}${shown}`);
    const statuses: number[] = [];
    for (let i = 0; i < HEAVY.perMinute; i++) statuses.push((await ask(x.token)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await ask(x.token);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(await codeOf(refused)).toEqual({ status: 429, code: 'rate-limited' });
    expect((await ask(otherToken)).status).toBe(200);
  });
});
