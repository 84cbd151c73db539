/**
 * Issue 17 item 14: one's caret goes to the awareness once a frame (caret-frame.ts), and the
 * caret read back is always the one last set: a caret moved and moved back within a frame
 * must not leave the in-between one with the others.
 */
import { describe, expect, it } from 'vitest';
import { caretOncePerFrame, type CaretTarget, type FrameClock } from './caret-frame.js';

/** An awareness that records what was sent, and a clock whose frames the test runs. */
function setup() {
  const state: Record<string, unknown> = { user: { name: 'Anna' } };
  const sent: Array<[string, unknown]> = [];
  const target: CaretTarget = {
    getLocalState: () => state,
    setLocalStateField: (field, value) => {
      state[field] = value;
      sent.push([field, value]);
    },
  };
  const frames = new Map<number, () => void>();
  let next = 1;
  const clock: FrameClock = {
    request: (run) => (frames.set(next, run), next++),
    cancel: (id) => void frames.delete(id),
  };
  const tick = () => {
    const due = [...frames.values()];
    frames.clear();
    due.forEach((run) => run());
  };
  return { state, sent, clock, tick, frames, ...caretOncePerFrame(target, clock) };
}

describe('caretOncePerFrame', () => {
  it.each([
    ['one caret', [1], [1]],
    ['three in a frame: the last', [1, 2, 3], [3]],
    ['moved and moved back: the last, not the one between', [1, 2, 1], [1]],
    ['a caret cleared (blur): null', [1, null], [null]],
  ] as const)('%s', (_name, carets, expected) => {
    const s = setup();
    for (const caret of carets) s.awareness.setLocalStateField('cursor', caret);
    expect(s.sent).toEqual([]);
    expect(s.awareness.getLocalState()?.cursor).toBe(carets[carets.length - 1]);
    s.tick();
    expect(s.sent).toEqual(expected.map((caret) => ['cursor', caret]));
    expect(s.state.cursor).toBe(expected[expected.length - 1]);
  });

  it('passes other fields at once and asks for one frame however many carets', () => {
    const s = setup();
    s.awareness.setLocalStateField('cursor', 1);
    s.awareness.setLocalStateField('cursor', 2);
    s.awareness.setLocalStateField('editing', 'activities/a/title');
    expect(s.sent).toEqual([['editing', 'activities/a/title']]);
    expect(s.frames.size).toBe(1);
  });

  it('flush sends the pending caret now and cancels its frame; nothing pending sends nothing', () => {
    const s = setup();
    s.flush();
    expect(s.sent).toEqual([]);
    s.awareness.setLocalStateField('cursor', 7);
    s.flush();
    expect(s.sent).toEqual([['cursor', 7]]);
    expect(s.frames.size).toBe(0);
    s.tick();
    expect(s.sent).toHaveLength(1);
  });

  it('fuzz: after every frame the others have the caret last set, sent at most once a frame', () => {
    let seed = 17;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 200; run++) {
      const s = setup();
      let last: unknown = undefined;
      for (let step = 0; step < 50; step++) {
        const roll = random();
        if (roll < 0.6) {
          // y-codemirror sets a caret only when it differs from the one read back.
          const caret = random() < 0.2 ? null : Math.floor(random() * 4);
          if (s.awareness.getLocalState()?.cursor !== caret) s.awareness.setLocalStateField('cursor', caret);
          last = caret;
        } else if (roll < 0.7) s.awareness.setLocalStateField('editing', step);
        else {
          const before = s.sent.filter(([field]) => field === 'cursor').length;
          s.tick();
          expect(s.sent.filter(([field]) => field === 'cursor').length - before).toBeLessThanOrEqual(1);
          if (last !== undefined) expect(s.state.cursor).toBe(last);
        }
        if (last !== undefined) expect(s.awareness.getLocalState()?.cursor).toBe(last);
      }
    }
  });
});
