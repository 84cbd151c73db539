/**
 * When the plan is validated after a change (`afterPaint`, issue 17 item 14): never inside
 * the keystroke's task nor before its frame — a small plan after the next frame, a big one
 * when typing pauses — and a cancelled run never runs, whichever step it was cancelled at.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from './action-plan-view.js';

/** A browser's frames by hand: `frame()` runs the callbacks requested so far. */
function frames() {
  let callbacks = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => (callbacks.set(next, callback), next++));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => callbacks.delete(id));
  return {
    frame() {
      const due = callbacks;
      callbacks = new Map();
      due.forEach((callback) => callback(0));
    },
  };
}

describe('afterPaint', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs a small plan’s validation in a task after the next frame, not before it', () => {
    const browser = frames();
    const run = vi.fn();
    afterPaint(run, false);
    vi.runAllTimers();
    expect(run).not.toHaveBeenCalled();
    browser.frame();
    expect(run).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['before the frame', true],
    ['after the frame, before its task', false],
  ])('a small plan’s run cancelled %s never runs', (_name, beforeFrame) => {
    const browser = frames();
    const run = vi.fn();
    const cancel = afterPaint(run, false);
    if (!beforeFrame) browser.frame();
    cancel();
    browser.frame();
    vi.runAllTimers();
    expect(run).not.toHaveBeenCalled();
  });

  it('a big plan still waits for the pause in typing, frames or not', () => {
    const browser = frames();
    const run = vi.fn();
    afterPaint(run, true);
    browser.frame();
    vi.advanceTimersByTime(249);
    expect(run).not.toHaveBeenCalled();
    // No requestIdleCallback in this environment: the pause's timer runs it.
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
