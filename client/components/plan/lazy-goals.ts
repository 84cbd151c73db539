/**
 * Building a big plan's goals without freezing the page or slowing typing (issue 17 item
 * 14). The first goals render at once; the rest are built in idle time, in slices of at most
 * 8 ms, goals near the viewport first, and not at all while someone is typing in a field
 * (see `build-schedule.ts`, which decides). Until a goal is built, a placeholder of its
 * estimated height holds its place, and built goals off screen are skipped by
 * `content-visibility` with the same estimate: the page's scroll height stays put while
 * goals are built and scrolled through. Printing builds everything first.
 */
import { createEffect, createMemo, createSignal, onCleanup, untrack, type Accessor } from 'solid-js';
import { createStore } from 'solid-js/store';
import { firstGoalsCount, mayStartGoal, nextBuildStep, nextGoal, SLICE_MS } from './build-schedule.js';

interface IdleDeadline {
  timeRemaining(): number;
  readonly didTimeout?: boolean;
}

/**
 * `requestIdleCallback` where the browser has it (not Safari), else a slice after a short
 * timeout. Its timeout makes a busy page still build: then one slice's worth.
 */
function whenIdle(run: (deadline: IdleDeadline) => void): () => void {
  if ('requestIdleCallback' in window) {
    const id = window.requestIdleCallback(run, { timeout: 500 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(() => run({ timeRemaining: () => SLICE_MS, didTimeout: true }), 16);
  return () => clearTimeout(id);
}

/** Whether focus is where keys type text (a key there means someone is writing). */
function typingTarget(element: Element | null): boolean {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || (element instanceof HTMLElement && element.isContentEditable);
}

export interface LazyGoals {
  /** Whether the goal with this key (at this position) is built; tracks that goal alone. */
  isBuilt: (key: string, index: number) => boolean;
  /** Builds every goal now (print, focus jumps, a new goal). */
  showEverything: () => void;
  /** Watches a goal's placeholder, so goals scrolled near are built first; returns the unwatch. */
  watch: (placeholder: Element, key: string) => () => void;
  /** Tells the builder a change from someone else arrived: goals far from view wait (build-schedule.ts). */
  noteRemoteChange: () => void;
}

/** Placeholders within a screen of the viewport, by goal key. */
function nearViewport(): { near: Set<string>; watch: LazyGoals['watch'] } {
  const near = new Set<string>();
  const keys = new WeakMap<Element, string>();
  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              const key = keys.get(entry.target);
              if (key === undefined) continue;
              if (entry.isIntersecting) near.add(key);
              else near.delete(key);
            }
          },
          { rootMargin: '100% 0px 100% 0px' },
        )
      : null;
  onCleanup(() => observer?.disconnect());
  const watch = (placeholder: Element, key: string) => {
    keys.set(placeholder, key);
    observer?.observe(placeholder);
    return () => {
      observer?.unobserve(placeholder);
      near.delete(key);
    };
  };
  return { near, watch };
}

/** When the last change from someone else came (ms), and whether a frame has shown it yet. */
function remoteChanges(): { lastAt: number; unpainted: boolean; note: () => void } {
  const remote = {
    lastAt: -Infinity,
    unpainted: false,
    note: () => {
      remote.lastAt = performance.now();
      if (remote.unpainted) return;
      remote.unpainted = true;
      // Runs in the frame that shows the change; the next slice waits for the idle time after it.
      requestAnimationFrame(() => void (remote.unpainted = false));
    },
  };
  return remote;
}

/**
 * Builds goals (each `build` renders one synchronously) until the slice is spent; returns
 * the goal that would be next, or null when this step has none left (`done` is updated).
 */
function buildUntilSpent(order: readonly string[], done: Set<string>, near: ReadonlySet<string>, step: { until: number; nearOnly: boolean }, build: (key: string) => void): string | null {
  let key = nextGoal(order, done, near, step.nearOnly);
  for (; key !== null && mayStartGoal(performance.now(), step.until); key = nextGoal(order, done, near, step.nearOnly)) {
    build(key);
    done.add(key);
  }
  return key;
}

/**
 * The builder. `keys` are the plan's goals in document order (`goalKey`), `rows` their
 * activity counts (the first goals, up to `FIRST_ROWS` activities, are built with the
 * page); `beforeBuilding` runs at the start of each idle period that builds (the goals
 * built so far are laid out by then).
 */
export function createLazyGoals(keys: Accessor<string[]>, rows: Accessor<number[]>, beforeBuilding: () => void = () => undefined): LazyGoals {
  const first = createMemo(() => firstGoalsCount(rows()));
  const [built, setBuilt] = createStore<Record<string, true | undefined>>({});
  const [everything, setEverything] = createSignal(false);
  const { near, watch } = nearViewport();
  let lastKeyAt = -Infinity;
  const remote = remoteChanges();
  const onKey = () => void (lastKeyAt = performance.now());
  document.addEventListener('keydown', onKey, { capture: true, passive: true });
  let cancel: (() => void) | null = null;
  const slice = (deadline: IdleDeadline) => {
    cancel = null;
    const moment = { now: performance.now(), lastKeyAt, lastRemoteAt: remote.lastAt, remoteUnpainted: remote.unpainted, typingTarget: typingTarget(document.activeElement), idleLeft: deadline.didTimeout ? SLICE_MS : deadline.timeRemaining() };
    const step = nextBuildStep(moment);
    if (step.kind === 'after-frame') {
      // Idle time comes after that frame.
      const id = requestAnimationFrame(schedule);
      cancel = () => cancelAnimationFrame(id);
      return;
    }
    if (step.kind === 'wait') {
      const id = setTimeout(schedule, step.ms);
      cancel = () => clearTimeout(id);
      return;
    }
    beforeBuilding();
    const order = untrack(keys).slice(untrack(first));
    const done = new Set(order.filter((key) => built[key]));
    const key = buildUntilSpent(order, done, near, step, (next) => setBuilt(next, true));
    if (done.size === order.length) return;
    // Only far goals left while remote changes come in: look again when they pause.
    if (key === null && step.nearOnly) {
      const id = setTimeout(schedule, step.resumeIn);
      cancel = () => clearTimeout(id);
    } else schedule();
  };
  const schedule = () => {
    cancel?.();
    cancel = whenIdle(slice);
  };
  createEffect(() => {
    // Built with the page means built for good: a goal that later stops being among the
    // first (activities added above it, goals moved) must not fall back to its placeholder.
    for (const key of keys().slice(0, first())) if (!untrack(() => built[key])) setBuilt(key, true);
  });
  createEffect(() => {
    // A goal added by someone else while building (or after) is picked up here.
    if (!everything() && keys().length > first()) schedule();
  });
  const showEverything = () => {
    cancel?.();
    cancel = null;
    setEverything(true);
  };
  window.addEventListener('beforeprint', showEverything);
  onCleanup(() => {
    cancel?.();
    window.removeEventListener('beforeprint', showEverything);
    document.removeEventListener('keydown', onKey, { capture: true });
  });
  return { isBuilt: (key, index) => index < first() || everything() || built[key] === true, showEverything, watch, noteRemoteChange: remote.note };
}

/**
 * A goal's estimate, measured from the goals on screen (issue 17 item 14): `--row-unit`, the
 * mean height of the activity rows drawn on screen (px), and `--goal-head`, the mean height of
 * a goal without its rows (heading, fields, column header, border and padding; px), written on
 * `host` for placeholders, goals off screen (`contain-intrinsic-size`) and rows off screen
 * (plan-rows.css, from then on: `data-rows-measured`): a goal is its head and a row unit per
 * activity. False while no row on screen can be measured.
 */
export function measureGoalUnit(host: HTMLElement): boolean {
  let rowHeight = 0;
  let rowCount = 0;
  let headHeight = 0;
  let goalCount = 0;
  for (const goal of host.querySelectorAll<HTMLElement>('section.goal')) {
    // Only goals on screen are laid out: one off screen measures as its estimate.
    if (!onScreen(goal)) continue;
    let rows = 0;
    for (const row of goal.querySelectorAll<HTMLElement>('tr.activity')) {
      rows += row.offsetHeight;
      // Rows not drawn (off screen, or on screen before the frame that draws them) stand at
      // their estimate: only drawn ones give the unit.
      if (!onScreen(row) || !drawn(row)) continue;
      rowHeight += row.offsetHeight;
      rowCount++;
    }
    headHeight += goal.offsetHeight - rows;
    goalCount++;
  }
  if (rowCount === 0 || goalCount === 0) return false;
  host.style.setProperty('--row-unit', `${(rowHeight / rowCount).toFixed(1)}px`);
  host.style.setProperty('--goal-head', `${(headHeight / goalCount).toFixed(1)}px`);
  // Rows are skipped off screen only from now on (plan-rows.css): a goal drawn with rows at a
  // guessed height would keep that size as its remembered one, off by rows × the guess's error.
  host.setAttribute('data-rows-measured', '');
  return true;
}

/** Whether an element has a box inside the viewport (content there is drawn). */
function onScreen(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.height > 0 && box.top < window.innerHeight && box.bottom > 0;
}

/** Whether a row's content is drawn, not skipped by its `content-visibility: auto`. */
function drawn(row: Element): boolean {
  return row.firstElementChild?.checkVisibility({ contentVisibilityAuto: true }) ?? false;
}

/**
 * Runs `attempt` in each of the next `frames` animation frames until it returns true; returns
 * the cancel. Rows are drawn a frame after they are built, and a plan built whole with the
 * page has no idle build to measure its row unit in (PlanEditor).
 */
export function retryEachFrame(attempt: () => boolean, frames: number): () => void {
  let id = 0;
  let left = frames;
  const step = () => {
    if (attempt() || --left <= 0) return;
    id = requestAnimationFrame(step);
  };
  id = requestAnimationFrame(step);
  return () => cancelAnimationFrame(id);
}
