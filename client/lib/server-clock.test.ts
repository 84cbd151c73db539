import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { collectSamples, createServerClock, medianOffset, sampleOffset } from './server-clock.js';

const FIVE_MINUTES = 5 * 60_000;

describe('server clock offset', () => {
  it('takes the server time against the midpoint of the round trip', () => {
    expect(sampleOffset({ sentAt: 1000, receivedAt: 1200, serverNow: 1100 })).toBe(0);
    expect(sampleOffset({ sentAt: 1000, receivedAt: 1200, serverNow: 1100 + FIVE_MINUTES })).toBe(FIVE_MINUTES);
  });

  it.each([
    { name: 'none', offsets: [], expected: null },
    { name: 'one', offsets: [42], expected: 42 },
    { name: 'odd: the middle one', offsets: [10, -300_000, 12, 11, 900_000], expected: 11 },
    { name: 'even: mean of the middle two', offsets: [10, 20, 0, 1000], expected: 15 },
  ])('median of $name', ({ offsets, expected }) => {
    const samples = offsets.map((o) => ({ sentAt: 0, receivedAt: 100, serverNow: 50 + o }));
    expect(medianOffset(samples)).toBe(expected);
  });

  it('a browser five minutes off still reads the server time, one slow sample notwithstanding', async () => {
    let local = 1_000_000;
    const serverBase = local + FIVE_MINUTES;
    const delays = [40, 40, 4000, 40, 40];
    let call = 0;
    // Each request takes its delay; the server reads its clock half-way.
    const fetchNow = () => {
      const delay = delays[call++] ?? 40;
      const server = serverBase + (local - 1_000_000) + delay / 2;
      local += delay;
      return Promise.resolve(new Date(server).toISOString());
    };
    const samples = await collectSamples(fetchNow, () => local, 5);
    expect(medianOffset(samples)).toBe(FIVE_MINUTES);
  });

  it('skips failed requests and keeps the last offset when all fail', async () => {
    await createRoot(async (dispose) => {
      let fail = false;
      const clock = createServerClock({ fetchNow: () => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(new Date(FIVE_MINUTES + 500).toISOString())), localNow: () => 500, samples: 3 });
      expect(await clock.sync()).toBe(FIVE_MINUTES);
      expect(clock.now()).toBe(FIVE_MINUTES + 500);
      fail = true;
      expect(await clock.sync()).toBe(FIVE_MINUTES);
      dispose();
    });
  });
});
