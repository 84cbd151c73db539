/** The commit gate: held commits run when it opens, in order, and never wait past the limit. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommitGate } from '../../server/db/commit-gate.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('CommitGate', () => {
  it('runs a commit at once while open', () => {
    const ran: number[] = [];
    new CommitGate().whenOpen(() => ran.push(1));
    expect(ran).toEqual([1]);
  });

  it('holds commits until it opens, then runs them in order', () => {
    const gate = new CommitGate();
    const ran: number[] = [];
    gate.hold(50);
    gate.whenOpen(() => ran.push(1));
    gate.whenOpen(() => ran.push(2));
    expect(ran).toEqual([]);
    gate.open();
    expect(ran).toEqual([1, 2]);
    expect(gate.held).toBe(false);
  });

  it('opens by itself when nobody opens it within the limit', () => {
    const gate = new CommitGate();
    const ran: number[] = [];
    gate.hold(50);
    gate.whenOpen(() => ran.push(1));
    vi.advanceTimersByTime(49);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual([1]);
  });

  it('counts every commit, held or not, where the checkpoint worker can read it', () => {
    const gate = new CommitGate();
    gate.whenOpen(() => undefined);
    gate.hold(50);
    gate.whenOpen(() => undefined);
    expect(gate.commits.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Atomics.load(gate.commits, 0)).toBe(2);
  });
});
