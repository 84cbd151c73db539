/** The action plan as reactive data: the plan, its totals and its issues, all from `shared/`. */
import { createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { actionPlanToJSON, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { totals, type PlanTotals } from '../../shared/totals.js';
import { validate } from '../../shared/validate/index.js';
import type { Issue } from '../../shared/validate/issue.js';
import type { Locale } from '../../shared/locale.js';
import { createDocView } from './y-solid.js';

export interface ActionPlanView {
  plan: ActionPlanJSON;
  totals: Accessor<PlanTotals>;
  issues: Accessor<Issue[]>;
  /** Ids of items another person changed in the last moments, to highlight them. */
  recentlyChanged: Accessor<ReadonlySet<string>>;
}

const HIGHLIGHT_MS = 1500;

export function createActionPlanView(doc: Y.Doc, options: { today: Accessor<string>; locale: Accessor<Locale>; isRemote: (origin: unknown) => boolean }): ActionPlanView {
  const plan = createDocView(doc, actionPlanToJSON);
  const sums = createMemo(() => totals(plan));
  const issues = createMemo(() => validate(plan, { today: options.today(), locale: options.locale() }));
  return { plan, totals: sums, issues, recentlyChanged: createRemoteChanges(doc, ['goals', 'activities', 'costs'], options.isRemote) };
}

/** Item ids touched by remote transactions, each kept for a moment. */
export function createRemoteChanges(doc: Y.Doc, roots: string[], isRemote: (origin: unknown) => boolean): Accessor<ReadonlySet<string>> {
  const [changed, setChanged] = createSignal<ReadonlySet<string>>(new Set());
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const mark = (id: string) => {
    clearTimeout(timers.get(id));
    setChanged((current) => new Set([...current, id]));
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        setChanged((current) => new Set([...current].filter((x) => x !== id)));
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
  return changed;
}

/** The DOM id of the control for a validation path, so an issue can focus its field. */
export function fieldId(path: ReadonlyArray<string | number>): string {
  return `f-${path.slice(0, 3).join('-')}`;
}

/** The presence key of a field: `collection:id:field`. */
export function fieldKey(path: ReadonlyArray<string | number>): string {
  return path.slice(0, 3).join(':');
}
