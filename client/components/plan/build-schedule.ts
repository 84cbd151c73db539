/**
 * When and what the big plan's goal builder builds next (issue 17 item 14), as pure
 * functions of the moment (clock, last keystroke, focus, idle time left): typing wins over
 * building. `lazy-goals.ts` feeds them the browser's values; the tests feed them numbers.
 */

/** The longest a building slice runs: half a frame, so a keystroke arriving meanwhile still paints in the frame. */
export const SLICE_MS = 8;
/** How long after a keystroke in a field building stays paused (typing bursts have shorter gaps). */
export const TYPING_PAUSE_MS = 1000;
/** Time left below which no further goal is started in an idle period. */
export const MIN_SLICE_MS = 2;

/** What the builder knows when the browser gives it time. */
export interface BuildMoment {
  /** `performance.now()`, ms. */
  now: number;
  /** `performance.now()` of the last keydown anywhere in the page, ms (−Infinity: none yet). */
  lastKeyAt: number;
  /** Whether focus is in something one types into (input, textarea, select, contenteditable). */
  typingTarget: boolean;
  /** What the idle period has left (`IdleDeadline.timeRemaining()`), ms. */
  idleLeft: number;
}

export type BuildStep = { kind: 'wait'; ms: number } | { kind: 'build'; until: number };

/**
 * The next step: wait while someone is typing (focus in a field and a key within
 * `TYPING_PAUSE_MS`; `ms` is when the pause ends), else build until `until` (ms, on the
 * same clock as `now`): the idle time left, at most `SLICE_MS`.
 */
export function nextBuildStep(moment: BuildMoment): BuildStep {
  const sinceKey = moment.now - moment.lastKeyAt;
  if (moment.typingTarget && sinceKey < TYPING_PAUSE_MS) return { kind: 'wait', ms: Math.max(1, TYPING_PAUSE_MS - sinceKey) };
  return { kind: 'build', until: moment.now + Math.max(0, Math.min(SLICE_MS, moment.idleLeft)) };
}

/** Whether another goal may be started in this slice (`now` and `until` in ms). */
export function mayStartGoal(now: number, until: number): boolean {
  return until - now >= MIN_SLICE_MS;
}

/**
 * Which goal to build next: the first not yet built among those near the viewport (in
 * document order), else the first not yet built at all; null when everything is built.
 * `keys` are the goals in document order, `near` the keys whose placeholder is within a
 * screen of the viewport.
 */
export function nextGoal(keys: readonly string[], built: ReadonlySet<string>, near: ReadonlySet<string>): string | null {
  let firstUnbuilt: string | null = null;
  for (const key of keys) {
    if (built.has(key)) continue;
    if (near.has(key)) return key;
    firstUnbuilt ??= key;
  }
  return firstUnbuilt;
}
