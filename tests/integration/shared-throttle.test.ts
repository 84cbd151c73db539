/**
 * The log-in throttle and the per-person limits across processes (issue 21; docs/database.md
 * "Rate limits across processes"; server/http/login-throttle.ts `SharedLoginThrottle`,
 * server/http/shared-limit.ts `SharedFailures`, `keyedLimiter`). Without them N processes
 * allow N times each limit: three wrong passwords free on every process, N × the history
 * reads, copies and rounds per person.
 *
 * - On both dialects, two throttles over two connections to one database (as two processes)
 *   on an injected clock: failures made on either count on both, under the same rules as one
 *   process's throttle (a table over the failure counts); the right password forgets the
 *   pair everywhere; counts are forgotten an hour after the last failure.
 * - On PostgreSQL runs, two servers (each its own memory) on one database: the wrong
 *   passwords spread over both are throttled as on one, and a person's history reads and
 *   copies are counted once over both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import type { Clock } from '../../server/context.js';
import { delayAfter, FORGET_AFTER_MS, LoginThrottle, PAIR_RULE, ADDRESS_RULE, SharedLoginThrottle } from '../../server/http/login-throttle.js';
import { SharedFailures } from '../../server/http/shared-limit.js';
import { ApiClient, email } from '../support/api.js';
import { createPostgresDatabase, usesPostgres } from '../support/database.js';
import { STORE_FACTORIES, twoProcesses } from '../support/document-stores.js';
import { startTestServer, type TestServer } from '../support/server.js';

const HOUR = 60 * 60_000;
let addresses = 0;
/** A new client address per case: an address's own count (20 free failures) would carry over between cases. */
const newAddress = () => `203.0.113.${++addresses}`;

describe.each(STORE_FACTORIES)('the log-in throttle over two connections on $name', ({ open }) => {
  const connections = twoProcesses(open);
  let now = 50 * HOUR;
  const clock = () => now;

  /** Two processes' throttles on the one database, each over its own connection. */
  const processes = () => connections().map((kdb) => new SharedLoginThrottle(new SharedFailures(kdb, 'login', FORGET_AFTER_MS), clock));

  /** `count` failures of `who` from `address`, alternating between the processes, each after the wait the last one set. */
  async function failAlternately(throttles: SharedLoginThrottle[], who: string, count: number, address: string): Promise<void> {
    for (let i = 0; i < count; i++) {
      const throttle = throttles[i % throttles.length];
      if (!throttle) throw new Error('no throttle');
      now += (await throttle.retryAfter(who, address)) * 1000;
      await throttle.failed(who, address);
    }
  }

  // After n failures spread over both, either process makes the next try wait what one process would.
  it.each([0, 1, PAIR_RULE.free - 1, PAIR_RULE.free, PAIR_RULE.free + 1, PAIR_RULE.free + 3, PAIR_RULE.free + 5])('after %i failures over both, each process asks the wait one process would', async (n) => {
    const throttles = processes();
    const who = email(`pair${n}`);
    const address = newAddress();
    await failAlternately(throttles, who, n, address);
    const expected = Math.ceil(delayAfter(n, PAIR_RULE) / 1000);
    for (const throttle of throttles) expect(await throttle.retryAfter(who, address)).toBe(expected);
    // One process alone (no shared counts) would have let the next try through at once past the free count.
    const alone = new LoginThrottle(clock);
    expect(alone.retryAfter(who, address)).toBe(0);
  });

  it('counts an address over every account on both processes', async () => {
    const throttles = processes();
    const address = newAddress();
    for (let i = 0; i < ADDRESS_RULE.free; i++) await throttles[i % 2]?.failed(email(`spray${i}`), address);
    for (const throttle of throttles) expect(await throttle.retryAfter(email('fresh'), address)).toBe(1);
    // Another address is not slowed by it.
    for (const throttle of throttles) expect(await throttle.retryAfter(email('fresh'), newAddress())).toBe(0);
  });

  it('forgets the pair on both when the right password is given on one', async () => {
    const [a, b] = processes();
    if (!a || !b) throw new Error('no throttles');
    const who = email('forgotten');
    const address = newAddress();
    await failAlternately([b, b, b], who, PAIR_RULE.free, address);
    expect(await a.retryAfter(who, address)).toBe(1);
    now += 1000;
    await b.succeeded(who, address);
    await a.failed(who, address);
    expect(await a.retryAfter(who, address)).toBe(0);
  });

  it('forgets failures an hour after the last one, and counts from one again', async () => {
    const [a, b] = processes();
    if (!a || !b) throw new Error('no throttles');
    const who = email('hour');
    const address = newAddress();
    await failAlternately([a, b], who, PAIR_RULE.free + 2, address);
    expect(await b.retryAfter(who, address)).toBe(4);
    now += FORGET_AFTER_MS + 1;
    expect(await a.retryAfter(who, address)).toBe(0);
    await b.failed(who, address);
    // One failure since it was forgotten: under the free count.
    expect(await a.retryAfter(who, address)).toBe(0);
  });
});

/** Two servers on one PostgreSQL database, as two processes: only on PostgreSQL runs (SQLite is one process). */
describe.skipIf(!usesPostgres)('two servers on one database', () => {
  let now = Date.parse('2027-05-03T08:00:00.000Z');
  const clock: Clock = { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) };
  let servers: TestServer[] = [];
  let database: { url: string; drop(): Promise<void> } | null = null;
  const limits = { ...loadConfig({}).limits, historyPerMinute: 4, duplicatesPerMinute: 3, roundsPerMinute: 100_000, exportsPerUser: 100 };

  beforeAll(async () => {
    const serverUrl = process.env.DATABASE_URL ?? '';
    database = await createPostgresDatabase(serverUrl);
    const url = database.url;
    // One after the other: the first migrates.
    const first = await startTestServer({ databaseUrl: url, processName: 'a', limits }, clock);
    servers = [first, await startTestServer({ databaseUrl: url, processName: 'b', limits }, clock)];
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.drop();
  });

  const login = (server: TestServer, who: string, password: string) =>
    fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: who, password }) });

  it('throttles wrong passwords spread over both as one process would', async () => {
    // Every step starts in a new hour: the address's own count from earlier steps is forgotten.
    now += 2 * HOUR;
    const who = email('twice');
    await new ApiClient(servers[0]?.url ?? '').signup(who, 'Två Processer', 'rätt-lösenord-1');
    // Six tries, alternating: each process alone sees three, the first three of them free.
    for (let i = 0; i < 2 * PAIR_RULE.free; i++) {
      const server = servers[i % 2];
      if (!server) throw new Error('no server');
      const response = await login(server, who, 'fel-lösenord');
      if (i < PAIR_RULE.free) {
        expect(response.status).toBe(401);
        continue;
      }
      // Each process alone has seen at most two failures: it would answer 401. Refusals are no failures: the wait stays 1 s.
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('1');
    }
    now += 1000;
    const right = await login(servers[1] as TestServer, who, 'rätt-lösenord-1');
    expect(right.status).toBe(200);
  });

  it('a right password spread over both gives its attempt back: someone else at the address still gets in', async () => {
    now += 2 * HOUR;
    const [a, b] = [email('granne-a'), email('granne-b')];
    for (const who of [a, b]) await new ApiClient(servers[0]?.url ?? '').signup(who, 'Granne', 'rätt-lösenord-1');
    // Past LOGIN_ATTEMPTS_PER_MINUTE (30) from this one address, alternating: before, the 31st was 429.
    const statuses: number[] = [];
    for (let i = 0; i < 33; i++) statuses.push((await login(servers[i % 2] as TestServer, a, 'rätt-lösenord-1')).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    for (const server of servers) expect((await login(server, b, 'rätt-lösenord-1')).status).toBe(200);
  });

  it.each<[string, (api: ApiClient, server: TestServer, doc: string) => Promise<Response>, number]>([
    ['history reads', (api, server, doc) => fetch(`${server.url}/api/documents/${doc}/history`, { headers: { cookie: api.sessionCookie } }), limits.historyPerMinute],
    [
      'copies',
      (api, server, doc) =>
        fetch(`${server.url}/api/documents/${doc}/duplicate`, { method: 'POST', headers: { cookie: api.sessionCookie, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Kopia' }) }),
      limits.duplicatesPerMinute,
    ],
  ])('counts a person’s %s once over both', async (_what, call, limit) => {
    now += 2 * HOUR;
    const [a, b] = servers;
    if (!a || !b) throw new Error('no servers');
    const api = new ApiClient(a.url);
    await api.signup(email('person'));
    const space = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Två' }, 201)).id;
    const doc = (await api.json<{ id: string }>('POST', `/api/workspaces/${space}/documents`, { kind: 'agenda', title: 'Dagordning' }, 201)).id;
    const statuses: number[] = [];
    for (let i = 0; i < limit; i++) statuses.push((await call(api, servers[i % 2] as TestServer, doc)).status);
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    // Each process alone has admitted at most ceil(limit / 2): it would admit more.
    for (const server of servers) expect((await call(api, server, doc)).status).toBe(429);
  });
});
