import { describe, expect, it } from 'vitest';
import { PassPacing } from '../../server/history/pacing.js';

describe('the history deriver keeps its background pass to a quarter of the time', () => {
  it.each([
    // [pass started, pass ended, asked at, ready]
    [0, 0, 0, true],
    [0, 100, 100, false],
    [0, 100, 399, false],
    [0, 100, 400, true],
    [1_000, 1_500, 2_999, false],
    [1_000, 1_500, 3_000, true],
    [500, 400, 400, true], // a clock that went back: no wait
  ])('a pass %i–%i ms, asked at %i: %s', (started, ended, at, ready) => {
    const pacing = new PassPacing();
    pacing.ran(started, ended);
    expect(pacing.ready(at)).toBe(ready);
  });

  it('over any series of passes, busy at most a quarter of the time from the first start to the last end', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pacing = new PassPacing();
    let now = 0;
    let busy = 0;
    let firstStart: number | null = null;
    let lastEnd = 0;
    for (let tick = 0; tick < 2_000; tick++) {
      now += 500;
      if (!pacing.ready(now)) continue;
      const took = Math.floor(next() * 3_000);
      firstStart ??= now;
      pacing.ran(now, now + took);
      busy += took;
      now += took;
      lastEnd = now;
    }
    expect(busy).toBeLessThanOrEqual((lastEnd - (firstStart ?? 0)) * 0.25 + 3_000);
  });
});
