/**
 * When and what the big plan's goal builder builds next (issue 17 item 14), as pure
 * functions of the moment (clock, last keystroke, last remote change, focus, idle time
 * left): typing wins over building, and so does someone else's typing arriving (a goal
 * being built holds the remote keystroke behind it). `lazy-goals.ts` feeds them the
 * browser's values; the tests feed them numbers.
 */

/** The longest a building slice runs: half a frame, so a keystroke arriving meanwhile still paints in the frame. */
export const SLICE_MS = 8;
/** How long after a keystroke in a field building stays paused (typing bursts have shorter gaps). */
export const TYPING_PAUSE_MS = 1000;
/**
 * How long after a remote change only goals near the viewport are built: remote keystrokes
 * come every 100–300 ms while someone types, and each must reach the screen within 50 ms.
 */
export const REMOTE_PAUSE_MS = 500;
/** Time left below which no further goal is started in an idle period. */
export const MIN_SLICE_MS = 2;

/** What the builder knows when the browser gives it time. */
export interface BuildMoment {
  /** `performance.now()`, ms. */
  now: number;
  /** `performance.now()` of the last keydown anywhere in the page, ms (−Infinity: none yet). */
  lastKeyAt: number;
  /** `performance.now()` of the last change that came from someone else, ms (−Infinity: none yet). */
  lastRemoteAt: number;
  /** Whether focus is in something one types into (input, textarea, select, contenteditable). */
  typingTarget: boolean;
  /** What the idle period has left (`IdleDeadline.timeRemaining()`), ms. */
  idleLeft: number;
}

/**
 * `nearOnly`: only goals near the viewport may be built (what the person looks at wins);
 * the others wait `resumeIn` ms, until the remote pause ends.
 */
export type BuildStep = { kind: 'wait'; ms: number } | { kind: 'build'; until: number; nearOnly: false } | { kind: 'build'; until: number; nearOnly: true; resumeIn: number };

/**
 * The next step: wait while someone is typing here (focus in a field and a key within
 * `TYPING_PAUSE_MS`; `ms` is when the pause ends), else build until `until` (ms, on the
 * same clock as `now`): the idle time left, at most `SLICE_MS` — only goals near the
 * viewport within `REMOTE_PAUSE_MS` of a remote change.
 */
export function nextBuildStep(moment: BuildMoment): BuildStep {
  const sinceKey = moment.now - moment.lastKeyAt;
  if (moment.typingTarget && sinceKey < TYPING_PAUSE_MS) return { kind: 'wait', ms: Math.max(1, TYPING_PAUSE_MS - sinceKey) };
  const until = moment.now + Math.max(0, Math.min(SLICE_MS, moment.idleLeft));
  const sinceRemote = moment.now - moment.lastRemoteAt;
  if (sinceRemote < REMOTE_PAUSE_MS) return { kind: 'build', until, nearOnly: true, resumeIn: Math.max(1, REMOTE_PAUSE_MS - sinceRemote) };
  return { kind: 'build', until, nearOnly: false };
}

/** Whether another goal may be started in this slice (`now` and `until` in ms). */
export function mayStartGoal(now: number, until: number): boolean {
  return until - now >= MIN_SLICE_MS;
}

/**
 * Which goal to build next: the first not yet built among those near the viewport (in
 * document order), else (unless `nearOnly`) the first not yet built at all; null when
 * there is none. `keys` are the goals in document order, `near` the keys whose placeholder
 * is within a screen of the viewport.
 */
export function nextGoal(keys: readonly string[], built: ReadonlySet<string>, near: ReadonlySet<string>, nearOnly = false): string | null {
  let firstUnbuilt: string | null = null;
  for (const key of keys) {
    if (built.has(key)) continue;
    if (near.has(key)) return key;
    firstUnbuilt ??= key;
  }
  return nearOnly ? null : firstUnbuilt;
}

/** Rows built with the page, before any idle time: the first goals up to about this many activities. */
export const FIRST_ROWS = 40;

/**
 * How many of the plan's first goals are built with the page: goals are taken while the
 * activities before them number fewer than `firstRows`, at least one goal. A plan of goals
 * of 20 gets two (as before); a goal of 100 activities is built alone, not with a second
 * one in the same task (at 100 per goal, the first two took one 3.3 s task under load).
 * `rows` are the goals' activity counts in document order.
 */
export function firstGoalsCount(rows: readonly number[], firstRows = FIRST_ROWS): number {
  let before = 0;
  let count = 0;
  for (const n of rows) {
    if (count > 0 && before >= firstRows) break;
    before += n;
    count++;
  }
  return count;
}
