import { describe, expect, it } from 'vitest';
import { addTime, clockText, crossedMilestone, pauseTimer, remainingSeconds, resumeTimer, startTimer } from './timer.js';

const T0 = Date.parse('2027-03-15T09:00:00.000Z');

describe('timer remaining', () => {
  it.each([
    { after: -250, expected: 600 },
    { after: 0, expected: 600 },
    { after: 500, expected: 600 },
    { after: 1000, expected: 599 },
    { after: 600_000, expected: 0 },
    { after: 683_000, expected: -83 },
  ])('600 s timer after $after ms: $expected', ({ after, expected }) => {
    expect(remainingSeconds(startTimer('i1', 600, T0), T0 + after)).toBe(expected);
  });

  it('pauses, resumes where it stopped, and takes extra time running or paused', () => {
    const running = startTimer(null, 300, T0);
    const paused = pauseTimer(running, T0 + 100_000);
    expect(remainingSeconds(paused, T0 + 999_999)).toBe(200);
    expect(remainingSeconds(addTime(paused, 60), T0)).toBe(260);
    const resumed = resumeTimer(paused, T0 + 500_000);
    expect(resumed.durationSec).toBe(300);
    expect(remainingSeconds(resumed, T0 + 510_000)).toBe(190);
    expect(remainingSeconds(addTime(resumed, 300), T0 + 510_000)).toBe(490);
  });

  it('the same remaining time for two browsers whose local clocks differ, given the server time', () => {
    const timer = startTimer('i1', 900, T0);
    const offsetA = 0;
    const offsetB = 5 * 60_000; // B's clock is 5 minutes slow; server-clock adds it back
    const localA = T0 + 42_000;
    const localB = localA - offsetB;
    expect(remainingSeconds(timer, localA + offsetA)).toBe(remainingSeconds(timer, localB + offsetB));
  });

  it('a malformed start reads as unknown, not as NaN', () => {
    expect(remainingSeconds({ itemId: null, durationSec: 60, startedAt: 'soon', pausedRemainingSec: null }, T0)).toBeNull();
  });
});

describe('timer text and milestones', () => {
  it.each([
    [0, '00:00'],
    [83, '01:23'],
    [-83, '01:23'],
    [4500, '75:00'],
  ])('%i s reads %s', (seconds, text) => expect(clockText(seconds)).toBe(text));

  it.each([
    { before: 301, after: 300, expected: 300 },
    { before: 300, after: 299, expected: null },
    { before: 61, after: 59, expected: 60 },
    { before: 1, after: 0, expected: 0 },
    { before: 400, after: 0, expected: 0 },
    { before: 0, after: -1, expected: null },
    { before: 10, after: 70, expected: null },
    { before: null, after: 10, expected: null },
  ])('$before → $after announces $expected', ({ before, after, expected }) => {
    expect(crossedMilestone(before, after)).toBe(expected);
  });
});
