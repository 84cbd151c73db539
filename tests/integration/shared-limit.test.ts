/**
 * Per-address limits across processes (server/http/shared-limit.ts; docs/database.md "Rate
 * limits"), on both dialects, from two connections as two processes: each process's own
 * limiter would let `limit` through, twice that in all; the shared count lets exactly
 * `limit` through per window, says when to come back, starts again in the next window, and
 * keeps each limit's and each address's count apart.
 */
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../server/auth/rate-limit.js';
import { SharedLimiter } from '../../server/http/shared-limit.js';
import { STORE_FACTORIES, twoProcesses } from '../support/document-stores.js';

const MINUTE = 60_000;

describe.each(STORE_FACTORIES)('shared per-address limits on $name', ({ open }) => {
  const connections = twoProcesses(open);
  let now = 10 * MINUTE;
  const clock = () => now;

  const processes = (name: string, limit: number) => connections().map((kdb) => new SharedLimiter(new RateLimiter(limit, MINUTE, clock), kdb, name, limit, MINUTE, clock));

  it.each([1, 5, 10])('limit %i: two processes together admit exactly the limit in a window', async (limit) => {
    const [a, b] = processes(`l${limit}`, limit);
    if (!a || !b) throw new Error('no limiters');
    const waits = await Promise.all(Array.from({ length: 2 * limit + 2 }, (_, i) => (i % 2 ? a : b).take('10.0.0.1')));
    expect(waits.filter((w) => w === 0)).toHaveLength(limit);
    for (const wait of waits.filter((w) => w > 0)) expect(wait).toBeGreaterThanOrEqual(1);
    expect(await a.take('10.0.0.2')).toBe(0);
    now += MINUTE;
    expect(await b.take('10.0.0.1')).toBe(0);
  });

  it('keeps limits apart: a full signup count does not refuse tickets', async () => {
    const [signup] = processes('signup', 1);
    const [ticket] = processes('ticket', 1);
    expect(await signup?.take('10.0.0.9')).toBe(0);
    expect(await signup?.take('10.0.0.9')).toBeGreaterThan(0);
    expect(await ticket?.take('10.0.0.9')).toBe(0);
  });
});
