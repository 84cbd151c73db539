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
  let lastRemoteAt = -Infinity;
  const onKey = () => void (lastKeyAt = performance.now());
  document.addEventListener('keydown', onKey, { capture: true, passive: true });
  let cancel: (() => void) | null = null;
  const slice = (deadline: IdleDeadline) => {
    cancel = null;
    const moment = { now: performance.now(), lastKeyAt, lastRemoteAt, typingTarget: typingTarget(document.activeElement), idleLeft: deadline.didTimeout ? SLICE_MS : deadline.timeRemaining() };
    const step = nextBuildStep(moment);
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
  const noteRemoteChange = () => void (lastRemoteAt = performance.now());
  return { isBuilt: (key, index) => index < first() || everything() || built[key] === true, showEverything, watch, noteRemoteChange };
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
