/** server/auth/hash-gate.ts: at most `atOnce` password hashes at a time, `queue` waiting, past it 503 `busy`. */
import { describe, expect, it } from 'vitest';
import { HashGate } from '../../server/auth/hash-gate.js';
import { hashPassword, verifyPassword } from '../../server/auth/passwords.js';
import { AppError } from '../../server/errors.js';

/** Work that runs until `finish` is called, and says when it started. */
function held() {
  let finish = () => undefined as void;
  let started = false;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    work: async () => {
      started = true;
      await done;
      return 'ok';
    },
    finish: () => finish(),
    started: () => started,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the password hash gate', () => {
  it.each([
    [1, 0],
    [2, 1],
    [2, 3],
  ])('runs %i at once, queues %i, refuses the next with 503 busy and Retry-After', async (atOnce, queue) => {
    const gate = new HashGate({ atOnce, queue });
    const works = Array.from({ length: atOnce + queue }, held);
    const results = works.map((w) => gate.run(w.work));
    await settle();
    expect(works.map((w) => w.started())).toEqual(works.map((_, i) => i < atOnce));
    expect(gate.load).toEqual({ running: atOnce, waiting: queue });
    const extra = held();
    const refused = await gate.run(extra.work).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 503, code: 'busy' });
    expect(Number((refused as AppError).headers?.['Retry-After'])).toBeGreaterThan(0);
    expect(extra.started()).toBe(false);
    // Each one finishing lets the next in line start, in order.
    for (const [i, w] of works.entries()) {
      w.finish();
      await settle();
      if (works[i + atOnce]) expect(works[i + atOnce]?.started()).toBe(true);
    }
    expect(await Promise.all(results)).toEqual(works.map(() => 'ok'));
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the turn when the work throws, and real hashes pass through it', async () => {
    const gate = new HashGate({ atOnce: 1, queue: 0 });
    await expect(gate.run(() => Promise.reject(new Error('fel')))).rejects.toThrow('fel');
    const hash = await gate.run(() => hashPassword('rätt-lösenord'));
    expect(await gate.run(() => verifyPassword(hash, 'rätt-lösenord'))).toBe(true);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});
