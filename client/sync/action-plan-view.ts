/**
 * The action plan as reactive data: the plan, its totals and its issues, all from `shared/`.
 * Work per keystroke is proportional to the change (issue 17 item 14): the plan store
 * updates the edited activity alone (`plan-store.ts`); totals track only amounts, so a
 * keystroke in a text does not recompute them; validation runs after the frame is painted
 * (in a plan of over 100 activities, when typing pauses), and its issues are
 * held per field, so a field's markers re-render only when its own issues change.
 */
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import type * as Y from 'yjs';
import type { ActionPlanJSON } from '../../shared/model/action-plan.js';
import { totals, type PlanTotals } from '../../shared/totals.js';
import { validate } from '../../shared/validate/index.js';
import type { Issue } from '../../shared/validate/issue.js';
import type { Locale } from '../../shared/locale.js';
import { createPlanStore } from './plan-store.js';
import { StoreMap, StoreSet } from './y-solid.js';

export interface ActionPlanView {
  plan: ActionPlanJSON;
  totals: Accessor<PlanTotals>;
  issues: Accessor<Issue[]>;
  /** Issues per field key (`fieldKey(path)`); `get(key)` tracks that field alone. */
  issuesByField: Accessor<ReadonlyMap<string, Issue[]>>;
  /** Ids of items another person changed in the last moments, to highlight them. */
  recentlyChanged: Accessor<ReadonlySet<string>>;
}

const HIGHLIGHT_MS = 1500;
/**
 * Plans with more activities than this validate when typing pauses (a whole-plan validation
 * takes several milliseconds there); smaller ones right after each paint. Decided by size,
 * not by a timing, so the choice does not depend on how busy the machine is.
 */
export const BIG_PLAN_ACTIVITIES = 100;
/** How long typing must pause before an expensive validation runs. */
const QUIET_MS = 250;

/** Schedules `run` off the keystroke path; returns a cancel function. */
export type ValidationScheduler = (run: () => void, expensive: boolean) => () => void;

/**
 * In the browser: after the next frame (small plans), or (big plans) when typing pauses and
 * the browser is idle. A plain `setTimeout(0)` from a keystroke often ran before that
 * keystroke's frame and delayed its paint by the validation (~1 ms a key at 20 activities,
 * issue 17 item 14); a task posted from `requestAnimationFrame` runs after the frame.
 */
export const afterPaint: ValidationScheduler = (run, expensive) => {
  if (!expensive && typeof requestAnimationFrame === 'function') {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }
  if (!expensive || typeof requestIdleCallback !== 'function') {
    const id = setTimeout(run, expensive ? QUIET_MS : 0);
    return () => clearTimeout(id);
  }
  let cancel = () => undefined as void;
  const quiet = setTimeout(() => {
    const idle = requestIdleCallback(run, { timeout: 1000 });
    cancel = () => cancelIdleCallback(idle);
  }, QUIET_MS);
  cancel = () => clearTimeout(quiet);
  return () => cancel();
};

export function createActionPlanView(
  doc: Y.Doc,
  options: { today: Accessor<string>; locale: Accessor<Locale>; isRemote: (origin: unknown) => boolean; schedule?: ValidationScheduler },
): ActionPlanView {
  const schedule = options.schedule ?? afterPaint;
  const [list, setList] = createSignal<Issue[]>([]);
  const [found, setFound] = createStore<{ byField: Record<string, Issue[] | undefined> }>({ byField: {} });
  let cancel: (() => void) | null = null;
  const runValidation = () => {
    cancel = null;
    // A plain snapshot: validation reads every field, and must not subscribe to them.
    const issues = validate(unwrap(plan), { today: options.today(), locale: options.locale() });
    setList(issues);
    setFound('byField', reconcile(groupByKey(issues)));
  };
  const requestValidation = () => {
    cancel?.();
    const activities = unwrap(plan).goals.reduce((sum, goal) => sum + goal.activities.length, 0);
    cancel = schedule(runValidation, activities > BIG_PLAN_ACTIVITIES);
  };
  const plan = createPlanStore(doc, requestValidation);
  runValidation();
  createEffect(on([options.today, options.locale], requestValidation, { defer: true }));
  onCleanup(() => cancel?.());
  const byField = new StoreMap(found.byField);
  return {
    plan,
    totals: createMemo(() => totals(plan)),
    issues: list,
    issuesByField: () => byField,
    recentlyChanged: createRemoteChanges(doc, ['goals', 'activities', 'costs'], options.isRemote),
  };
}

/**
 * Issues grouped by `fieldKey(path)`, as a plain record (what the per-field store holds).
 * Each issue is a copy: `reconcile` keeps the objects it is given and later rewrites them
 * in place (by position, as issues have no id), so an issue shared with the list would be
 * rewritten under a list already handed out. Sharing them is how the panel once showed
 * "2.2 saknar budget" twice and lost "1.3 saknar ansvarig".
 */
function groupByKey(issues: Issue[]): Record<string, Issue[]> {
  const record: Record<string, Issue[]> = {};
  for (const issue of issues) (record[fieldKey(issue.path)] ??= []).push({ ...issue, path: [...issue.path] });
  return record;
}

/**
 * Item ids touched by remote transactions, each kept for a moment. The accessor returns one
 * stable set whose `has(id)` tracks that id alone: a remote keystroke re-renders the one
 * row it touched, not every row asking whether it was touched.
 */
export function createRemoteChanges(doc: Y.Doc, roots: string[], isRemote: (origin: unknown) => boolean): Accessor<ReadonlySet<string>> {
  const [flags, setFlags] = createStore<Record<string, true | undefined>>({});
  const changed = new StoreSet(flags);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const mark = (id: string) => {
    clearTimeout(timers.get(id));
    if (!flags[id]) setFlags(id, true);
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        setFlags(id, undefined);
      }, HIGHLIGHT_MS),
    );
  };
  const observers = roots.map((name) => {
    const root = doc.getMap(name);
    const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
      if (!isRemote(transaction.origin)) return;
      for (const event of events) {
        const first = event.path[0];
        if (typeof first === 'string') mark(first);
        else if (event.target === root) for (const key of (event as Y.YMapEvent<unknown>).keysChanged) mark(key);
      }
    };
    root.observeDeep(observer);
    return () => root.unobserveDeep(observer);
  });
  onCleanup(() => {
    observers.forEach((stop) => stop());
    timers.forEach((timer) => clearTimeout(timer));
  });
  return () => changed;
}

/** The DOM id of the control for a validation path, so an issue can focus its field. */
export function fieldId(path: ReadonlyArray<string | number>): string {
  return `f-${path.slice(0, 3).join('-')}`;
}

/** The presence key of a field: `collection:id:field`. */
export function fieldKey(path: ReadonlyArray<string | number>): string {
  return path.slice(0, 3).join(':');
}
