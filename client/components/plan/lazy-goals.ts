/**
 * Building a big plan's goals without freezing the page (issue 17 item 14). The first goals
 * render at once; the rest are built in idle time, as many per idle period as fit in it, so
 * typing is never queued behind rows being built. Until a goal is built, a placeholder of
 * its estimated height holds its place, and built goals off screen are skipped by
 * `content-visibility` with the same estimate: the page's scroll height stays put while
 * goals are built and scrolled through. Printing builds everything first.
 */
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';

const FIRST_GOALS = 2;
/** Time left in an idle period below which no further goal is started. */
const MIN_IDLE_MS = 4;

interface IdleDeadline {
  timeRemaining(): number;
}

/** `requestIdleCallback` where the browser has it (not Safari), else a frame's budget after a short timeout. */
function whenIdle(run: (deadline: IdleDeadline) => void): () => void {
  if ('requestIdleCallback' in window) {
    const id = window.requestIdleCallback(run, { timeout: 500 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(() => {
    const end = performance.now() + 12;
    run({ timeRemaining: () => end - performance.now() });
  }, 16);
  return () => clearTimeout(id);
}

/**
 * How many goals are built (`shown`), and `showEverything` for print, focus jumps and new
 * goals. `total` is the number of goals in the plan; `beforeBuilding` runs at the start of
 * each idle period that builds (the goals built so far are laid out by then).
 */
export function createLazyGoals(total: Accessor<number>, beforeBuilding: () => void = () => undefined): { shown: Accessor<number>; showEverything: () => void } {
  const [shown, setShown] = createSignal(FIRST_GOALS);
  createEffect(() => {
    if (shown() >= total()) return;
    onCleanup(
      whenIdle((deadline) => {
        beforeBuilding();
        // Each `setShown` builds one more goal synchronously; stop when the idle period is spent.
        let next = shown() + 1;
        for (; next < total() && deadline.timeRemaining() > MIN_IDLE_MS; next++) setShown(next);
        setShown(next);
      }),
    );
  });
  const showEverything = () => setShown(Number.MAX_SAFE_INTEGER);
  window.addEventListener('beforeprint', showEverything);
  onCleanup(() => window.removeEventListener('beforeprint', showEverything));
  return { shown, showEverything };
}

/**
 * The height of one "row unit" of a goal, measured from the goals already built (a goal
 * is about `activities + 2` units tall: its head and its table's header), written to
 * `--goal-unit` on `host` so placeholders and `contain-intrinsic-size` use it. False while
 * no built goal has rows to measure.
 */
export function measureGoalUnit(host: HTMLElement): boolean {
  let height = 0;
  let units = 0;
  for (const goal of host.querySelectorAll<HTMLElement>('section.goal')) {
    // Only goals on screen are laid out: one off screen measures as its estimate.
    const box = goal.getBoundingClientRect();
    if (box.height === 0 || box.top >= window.innerHeight || box.bottom <= 0) continue;
    height += goal.offsetHeight;
    units += goal.querySelectorAll('tr.activity').length + 2;
  }
  if (units <= 2) return false;
  host.style.setProperty('--goal-unit', `${(height / units).toFixed(1)}px`);
  return true;
}
