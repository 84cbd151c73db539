import { describe, expect, it } from 'vitest';
import { FIRST_ROWS, firstGoalsCount, mayStartGoal, nextBuildStep, nextGoal, REMOTE_PAUSE_MS, SLICE_MS, TYPING_PAUSE_MS, type BuildMoment } from './build-schedule.js';

const at = (moment: Partial<BuildMoment>): BuildMoment => ({ now: 10_000, lastKeyAt: -Infinity, lastRemoteAt: -Infinity, typingTarget: false, idleLeft: 50, ...moment });

describe('nextBuildStep: typing wins over building', () => {
  it.each([
    ['no key pressed yet, idle period of 50 ms: one slice', at({}), { kind: 'build', until: 10_000 + SLICE_MS, nearOnly: false }],
    ['focus in a field, key 10 ms ago: wait out the pause', at({ typingTarget: true, lastKeyAt: 9_990 }), { kind: 'wait', ms: TYPING_PAUSE_MS - 10 }],
    ['focus in a field, key just now', at({ typingTarget: true, lastKeyAt: 10_000 }), { kind: 'wait', ms: TYPING_PAUSE_MS }],
    ['focus in a field, last key a pause ago: build', at({ typingTarget: true, lastKeyAt: 10_000 - TYPING_PAUSE_MS }), { kind: 'build', until: 10_000 + SLICE_MS, nearOnly: false }],
    ['key just now but focus on a button (arrows scroll): build', at({ lastKeyAt: 9_999 }), { kind: 'build', until: 10_000 + SLICE_MS, nearOnly: false }],
    ['idle period nearly spent: a slice of what is left', at({ idleLeft: 3 }), { kind: 'build', until: 10_003, nearOnly: false }],
    ['idle period spent', at({ idleLeft: -1 }), { kind: 'build', until: 10_000, nearOnly: false }],
    ['a remote change 100 ms ago: near goals only, the rest after the pause', at({ lastRemoteAt: 9_900 }), { kind: 'build', until: 10_000 + SLICE_MS, nearOnly: true, resumeIn: REMOTE_PAUSE_MS - 100 }],
    ['a remote change just now', at({ lastRemoteAt: 10_000 }), { kind: 'build', until: 10_000 + SLICE_MS, nearOnly: true, resumeIn: REMOTE_PAUSE_MS }],
    ['the last remote change a pause ago: everything', at({ lastRemoteAt: 10_000 - REMOTE_PAUSE_MS }), { kind: 'build', until: 10_000 + SLICE_MS, nearOnly: false }],
    ['typing here and a remote change: typing wins (wait)', at({ typingTarget: true, lastKeyAt: 9_990, lastRemoteAt: 9_995 }), { kind: 'wait', ms: TYPING_PAUSE_MS - 10 }],
  ])('%s', (_name, moment, step) => {
    expect(nextBuildStep(moment)).toEqual(step);
  });

  it('for any moment: never builds within the pause after a keystroke in a field, never longer than a slice or the idle time', () => {
    let seed = 17;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5_000; i++) {
      const moment = at({ now: random() * 1e6, typingTarget: random() < 0.5, idleLeft: random() * 60 - 5 });
      moment.lastKeyAt = moment.now - random() * 3 * TYPING_PAUSE_MS;
      moment.lastRemoteAt = moment.now - random() * 3 * REMOTE_PAUSE_MS;
      const step = nextBuildStep(moment);
      const typing = moment.typingTarget && moment.now - moment.lastKeyAt < TYPING_PAUSE_MS;
      expect(step.kind).toBe(typing ? 'wait' : 'build');
      // Within the pause after a remote change, far goals never start; they resume once it ends.
      if (step.kind === 'build') expect(step.nearOnly).toBe(moment.now - moment.lastRemoteAt < REMOTE_PAUSE_MS);
      if (step.kind === 'build' && step.nearOnly) expect(moment.now + step.resumeIn).toBeGreaterThanOrEqual(moment.lastRemoteAt + REMOTE_PAUSE_MS - 1e-6);
      if (step.kind === 'wait') {
        expect(step.ms).toBeGreaterThan(0);
        // Waking up after `ms` lands on the end of the pause, not before it.
        expect(moment.now + step.ms).toBeGreaterThanOrEqual(moment.lastKeyAt + TYPING_PAUSE_MS - 1e-6);
      } else {
        expect(step.until - moment.now).toBeGreaterThanOrEqual(0);
        expect(step.until - moment.now).toBeLessThanOrEqual(Math.min(SLICE_MS, Math.max(0, moment.idleLeft)) + 1e-9);
      }
    }
  });

  it('starts a goal only with time left in the slice', () => {
    expect(mayStartGoal(100, 108)).toBe(true);
    expect(mayStartGoal(107, 108)).toBe(false);
    expect(mayStartGoal(108, 108)).toBe(false);
  });
});

describe('nextGoal: goals near the viewport first, then in order', () => {
  const keys = ['a', 'b', 'c', 'd', 'e'];
  it.each([
    ['nothing built, nothing near: the first', new Set<string>(), new Set<string>(), 'a'],
    ['the first two built: the third', new Set(['a', 'b']), new Set<string>(), 'c'],
    ['scrolled to the end: the near one first', new Set(['a', 'b']), new Set(['e']), 'e'],
    ['two near: the first of them in document order', new Set(['a']), new Set(['e', 'd']), 'd'],
    ['near ones built already: back to order', new Set(['a', 'd', 'e']), new Set(['d', 'e']), 'b'],
    ['everything built', new Set(keys), new Set(['c']), null],
  ])('%s', (_name, built, near, expected) => {
    expect(nextGoal(keys, built, near)).toBe(expected);
  });

  it.each([
    ['near only, one near not built: that one', new Set(['a']), new Set(['d']), 'd'],
    ['near only, nothing near: none (the far ones wait)', new Set(['a']), new Set<string>(), null],
    ['near only, the near ones built: none', new Set(['a', 'd']), new Set(['d']), null],
  ])('%s', (_name, built, near, expected) => {
    expect(nextGoal(keys, built, near, true)).toBe(expected);
  });

  it('for any plan and any viewport: building repeatedly builds every goal exactly once, near ones before the rest', () => {
    let seed = 4;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 300; trial++) {
      const plan = Array.from({ length: Math.floor(random() * 40) }, (_, i) => `g${i}`);
      const near = new Set(plan.filter(() => random() < 0.2));
      const built = new Set(plan.filter(() => random() < 0.3));
      const order: string[] = [];
      for (let key = nextGoal(plan, built, near); key !== null; key = nextGoal(plan, built, near)) {
        expect(built.has(key)).toBe(false);
        built.add(key);
        order.push(key);
      }
      expect(built.size).toBe(plan.length);
      const firstFar = order.findIndex((key) => !near.has(key));
      if (firstFar >= 0) expect(order.slice(firstFar).some((key) => near.has(key))).toBe(false);
    }
  });
});

describe('firstGoalsCount: the goals built with the page', () => {
  it.each([
    ['no goals', [], 0],
    ['goals of 20: two, as before', [20, 20, 20, 20], 2],
    ['one goal of 100: that one alone', [100, 100, 100], 1],
    ['small goals: until 40 activities come before', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 8],
    ['an empty first goal counts nothing: 30 activities before the third, so it too', [0, 30, 30, 30], 3],
    ['a single goal', [7], 1],
  ])('%s', (_name, rows, expected) => {
    expect(firstGoalsCount(rows)).toBe(expected);
  });

  it('for any plan: at least one goal when there is one, and no goal starts after FIRST_ROWS activities', () => {
    let seed = 9;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 2_000; trial++) {
      const rows = Array.from({ length: Math.floor(random() * 12) }, () => Math.floor(random() * 120));
      const count = firstGoalsCount(rows);
      expect(count).toBe(rows.length === 0 ? 0 : Math.max(1, count));
      const before = (i: number) => rows.slice(0, i).reduce((sum, n) => sum + n, 0);
      // Every goal taken after the first started below the limit; the next one would not have.
      for (let i = 1; i < count; i++) expect(before(i)).toBeLessThan(FIRST_ROWS);
      if (count < rows.length && count > 0) expect(before(count)).toBeGreaterThanOrEqual(FIRST_ROWS);
    }
  });
});
