/**
 * Sessions on a real database (server/auth/sessions.ts): created, checked and ended; an
 * absolute and an idle limit read from the injected clock (issue 16 item 8), a table over
 * the ways a session's life can go; the sweep that deletes expired sessions and closes
 * their sockets, driven by a hand-held timer. Checking a session prepares no SQL again.
 * Runs on SQLite, and on PostgreSQL when DATABASE_URL is set (scripts/test-postgres.ts).
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startSessionSweep, type SweepTimer } from '../../server/auth/session-sweep.js';
import { createSessions } from '../../server/auth/sessions.js';
import { hashToken } from '../../server/auth/tokens.js';
import { createUser } from '../../server/db/users.js';
import { openTestDatabase } from '../support/database.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const LIFETIME = { absoluteMs: 30 * DAY, idleMs: 7 * DAY };

const database = await openTestDatabase();
const { db, kdb } = database;
afterAll(() => database.close());

let now = Date.parse('2027-03-01T08:00:00Z');
const clock = () => now;
const sessions = createSessions(kdb, clock, LIFETIME);
let users = 0;
const newUser = async () => (await createUser(kdb, { email: `person${++users}@example.se`, name: 'Anna', passwordHash: 'x' }, now)).id;

describe('sessions', () => {
  it('finds the user of a live session and nobody once it is ended', async () => {
    const userId = await newUser();
    const token = await sessions.create(userId);
    expect(await sessions.validate(token)).toEqual({ userId, sessionId: hashToken(token) });
    expect(await sessions.validate(`${token}x`)).toBeNull();
    expect(await sessions.invalidate(token)).toBe(hashToken(token));
    expect(await sessions.validate(token)).toBeNull();
  });

  it('stores only the hash of the token', async () => {
    const token = await sessions.create(await newUser());
    const ids = (await kdb.selectFrom('sessions').select('id').execute()).map((r) => r.id);
    expect(ids).toContain(hashToken(token));
    expect(ids).not.toContain(token);
  });

  // SQLite's statement cache (server/db/database.ts); `pg` sends unnamed statements.
  it.skipIf(database.dialect !== 'sqlite')('prepares the session lookup once, not on every check', async () => {
    const token = await sessions.create(await newUser());
    await sessions.validate(token);
    const prepare = vi.spyOn(db, 'prepare');
    try {
      for (let i = 0; i < 5; i++) expect(await sessions.validate(token)).not.toBeNull();
      expect(prepare).not.toHaveBeenCalled();
    } finally {
      prepare.mockRestore();
    }
  });

  it('ends every session of a user but the one kept', async () => {
    const userId = await newUser();
    const [a, b, c] = [await sessions.create(userId), await sessions.create(userId), await sessions.create(userId)];
    const other = await sessions.create(await newUser());
    expect((await sessions.invalidateUser(userId, hashToken(a))).sort()).toEqual([hashToken(b), hashToken(c)].sort());
    expect(await sessions.validate(a)).not.toBeNull();
    expect(await sessions.validate(b)).toBeNull();
    expect(await sessions.validate(other)).not.toBeNull();
    expect(await sessions.invalidateUser(userId)).toEqual([hashToken(a)]);
    expect(await sessions.listOf(userId)).toEqual([]);
  });
});

/** Uses the session at each offset from its creation (ms), then checks it at `checkAt`. */
const LIVES = [
  { name: 'fresh', uses: [], checkAt: MINUTE, alive: true },
  { name: 'unused for just under the idle limit', uses: [], checkAt: 7 * DAY - MINUTE, alive: true },
  { name: 'unused for exactly the idle limit', uses: [], checkAt: 7 * DAY, alive: false },
  { name: 'used every 6 days, at 29 days', uses: [6, 12, 18, 24].map((d) => d * DAY), checkAt: 29 * DAY, alive: true },
  { name: 'used every 6 days, at exactly 30 days', uses: [6, 12, 18, 24, 29].map((d) => d * DAY), checkAt: 30 * DAY, alive: false },
  { name: 'used daily, past 30 days', uses: Array.from({ length: 30 }, (_, d) => d * DAY), checkAt: 30 * DAY + MINUTE, alive: false },
  { name: 'used once after 8 idle days (already ended)', uses: [8 * DAY], checkAt: 8 * DAY + MINUTE, alive: false },
];

describe('session lifetime: 30 days absolute, 7 days idle, by the injected clock', () => {
  it.each(LIVES)('$name → alive: $alive', async ({ uses, checkAt, alive }) => {
    const start = now;
    const userId = await newUser();
    const token = await sessions.create(userId);
    for (const at of uses) {
      now = start + at;
      await sessions.validate(token);
    }
    now = start + checkAt;
    expect((await sessions.validate(token)) !== null).toBe(alive);
    expect((await sessions.listOf(userId)).length).toBe(alive ? 1 : 0);
    // What the sweep deletes is exactly what validation refuses.
    const swept = await sessions.sweepExpired();
    expect(swept.includes(hashToken(token))).toBe(!alive);
    now = start;
  });

  it('lists a session with its start, last use and the earlier of its two limits', async () => {
    const start = now;
    const userId = await newUser();
    await sessions.create(userId); // never used again: past its idle limit below
    const used = await sessions.create(userId);
    for (const day of [6, 12, 18]) {
      now = start + day * DAY;
      await sessions.validate(used);
    }
    now = start + 20 * DAY;
    expect(await sessions.listOf(userId)).toEqual([{ id: hashToken(used), createdAt: start, lastUsedAt: start + 18 * DAY, expiresAt: start + 25 * DAY }]);
    now = start + 24 * DAY;
    await sessions.validate(used);
    expect((await sessions.listOf(userId))[0]?.expiresAt).toBe(start + 30 * DAY);
    now = start;
  });
});

/** A timer moved by hand: `fire()` runs what was scheduled, as often as called. */
function handTimer(): SweepTimer & { fire(): void; stopped: boolean } {
  let run: () => void = () => undefined;
  const timer = {
    stopped: false,
    every(_ms: number, r: () => void) {
      run = r;
      return { stop: () => (timer.stopped = true) };
    },
    fire: () => run(),
  };
  return timer;
}

describe('the sweep', () => {
  it('deletes expired sessions on its timer and closes their sockets, and only theirs', async () => {
    const start = now;
    const userId = await newUser();
    const old = await sessions.create(userId);
    now = start + 6 * DAY;
    const fresh = await sessions.create(userId);
    const closed: string[] = [];
    const timer = handTimer();
    const sweep = startSessionSweep(sessions, { closeSession: (id) => closed.push(id) }, MINUTE, timer);
    // Sessions of earlier tests may be swept too: only these two are looked at.
    const ours = () => closed.filter((id) => id === hashToken(old) || id === hashToken(fresh));
    timer.fire();
    await sweep.sweep();
    expect(ours()).toEqual([]);
    now = start + 7 * DAY;
    timer.fire();
    await sweep.sweep();
    expect(ours()).toEqual([hashToken(old)]);
    expect(await sessions.validate(fresh)).not.toBeNull();
    sweep.stop();
    expect(timer.stopped).toBe(true);
    now = start;
  });

  it('a failing run is logged and the next one still runs', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const failing = { sweepExpired: async () => (++calls === 1 ? Promise.reject(new Error('disk')) : ['s1']) };
    const closed: string[] = [];
    const sweep = startSessionSweep(failing, { closeSession: (id) => closed.push(id) }, MINUTE, handTimer(), (_m, e) => errors.push(e));
    expect(await sweep.sweep()).toBe(0);
    expect(await sweep.sweep()).toBe(1);
    expect(closed).toEqual(['s1']);
    expect(errors).toHaveLength(1);
  });
});
