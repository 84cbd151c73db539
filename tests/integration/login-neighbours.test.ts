/**
 * A correct log-in is never refused because someone else at the same address logged in
 * (red team X15: a stranger logging in with its own correct password in a loop used up the
 * address's 30 attempts a minute, and Erik's correct log-in from that office NAT got 429).
 * DESIGN "Accounts, sessions, the browser boundary": failed attempts are counted per
 * (account, address) and per address; a correct password from an address that has not
 * failed is accepted. The CPU stays bounded: successes per (account, address) and minute
 * (server/routes/auth.ts; docs/security.md "Log-in throttling").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Past the default 30 attempts per address and minute (LOGIN_ATTEMPTS_PER_MINUTE). */
const PAST_ADDRESS_LIMIT = 33;
const PER_ACCOUNT = 40;

let server: TestServer;
beforeAll(async () => {
  // Time stands still: no bucket refills and no delay runs out while a test runs.
  const frozen = Date.now();
  const clock = { now: () => frozen, today: () => new Date(frozen).toISOString().slice(0, 10) };
  const login = { ...loadConfig({}).login, perAccountPerMinute: PER_ACCOUNT };
  server = await startTestServer({ trustProxy: true, login }, clock);
});
afterAll(async () => {
  await server.stop();
});

const via = (address: string) => ({ 'x-forwarded-for': address });
const login = async (address: string, who: string, password: string) =>
  (await new ApiClient(server.url).request('POST', '/api/auth/login', { email: who, password }, via(address))).status;

async function account(name: string): Promise<string> {
  const who = email(name);
  const created = await new ApiClient(server.url).request('POST', '/api/auth/signup', { email: who, password: 'rätt-lösenord', name }, via('192.0.2.250'));
  expect(created.status).toBe(201);
  return who;
}

// [what A does PAST_ADDRESS_LIMIT times from the office, what A's tries answer, B's correct log-in after].
const table: Array<[string, (office: string, a: string) => Promise<number>, (statuses: number[]) => void, number]> = [
  ['A logs in correctly', (office, a) => login(office, a, 'rätt-lösenord'), (s) => expect(new Set(s)).toEqual(new Set([200])), 200],
  [
    'A fails on a known account (its own)',
    (office, a) => login(office, a, 'fel-lösenord'),
    // The pair's free failures, then only A's pair waits: refusals are not failures of the address.
    (s) => expect(s.slice(0, 4)).toEqual([401, 401, 401, 429]),
    200,
  ],
  [
    'A fails with unknown e-mail addresses',
    (office) => login(office, email('okänd'), 'fel-lösenord'),
    // The address has failed past its rule: it waits, and so does everyone behind it (DESIGN).
    (s) => expect(s).toContain(429),
    429,
  ],
];

describe('someone else at the same address', () => {
  it.each(table)('%s: B gets what the DESIGN line says', async (_what, attempt, check, expectedForB) => {
    const office = `203.0.113.${table.findIndex(([what]) => what === _what) + 1}`;
    const [a, b] = [await account('a'), await account('b')];
    const statuses: number[] = [];
    for (let i = 0; i < PAST_ADDRESS_LIMIT; i++) statuses.push(await attempt(office, a));
    check(statuses);
    expect(await login(office, b, 'rätt-lösenord')).toBe(expectedForB);
  });

  it('A logging in 16 at a time (red team X15) leaves B’s log-in from the same address alone', async () => {
    const office = '203.0.113.40';
    const [a, b] = [await account('a'), await account('b')];
    const statuses: number[] = [];
    for (let round = 0; round < 2; round++) statuses.push(...(await Promise.all(Array.from({ length: 16 }, () => login(office, a, 'rätt-lösenord')))));
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(await login(office, b, 'rätt-lösenord')).toBe(200);
  });

  it('a person logging in again and again from one address is limited per account and minute', async () => {
    const office = '203.0.113.50';
    const [a, b] = [await account('a'), await account('b')];
    const statuses: number[] = [];
    for (let i = 0; i <= PER_ACCOUNT; i++) statuses.push(await login(office, a, 'rätt-lösenord'));
    expect(statuses.slice(0, PER_ACCOUNT)).toEqual(Array.from({ length: PER_ACCOUNT }, () => 200));
    expect(statuses[PER_ACCOUNT]).toBe(429);
    // Only that pair: B from the same address, and A from another, still get in.
    expect(await login(office, b, 'rätt-lösenord')).toBe(200);
    expect(await login('203.0.113.51', a, 'rätt-lösenord')).toBe(200);
  });
});
