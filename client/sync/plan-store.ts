/**
 * The action plan as a Solid store that does work proportional to the change (issue 17
 * item 14). Yjs `observeDeep` events name what changed: an edit inside one activity (a
 * keystroke in its description, its budget) re-reads and reconciles that activity alone; an
 * edit of a goal's own fields re-reads that goal's fields (never its activities); a cost
 * line edit re-reads the cost lines (a handful), a plan field or the budget frame re-reads
 * those fields. Only what changed notifies its readers. Anything that changes the plan's
 * shape (an activity or goal added, removed, moved, re-parented) re-reads the whole plan:
 * rare, and `reconcile` still keeps unchanged rows.
 */
import { batch, onCleanup } from 'solid-js';
import { createStore, reconcile, type SetStoreFunction, type Store } from 'solid-js/store';
import * as Y from 'yjs';
import {
  actionPlanRoots,
  actionPlanToJSON,
  activityToJSON,
  costsToJSON,
  goalFieldsToJSON,
  planBudgetToJSON,
  planMetaToJSON,
  type ActionPlanJSON,
} from '../../shared/model/action-plan.js';

/** Fields whose change moves an activity or a goal: it is re-placed by a full read. */
const SHAPE_FIELDS = new Set(['order', 'goalId']);

/** What one batch of Yjs events asks of the store. */
export interface PlanChanges {
  /** The plan's shape changed: read everything. */
  full: boolean;
  /** Activities whose own fields changed. */
  activities: Set<string>;
  /** Goals whose own fields (number, title, description, priority) changed. */
  goals: Set<string>;
  /** A cost line changed, came or went: the cost lines are re-read. */
  costs: boolean;
  /** The plan's own fields (`meta`) or its budget frame changed. */
  meta: boolean;
  budget: boolean;
}

/**
 * Sorts the events of one transaction on the `activities` or `goals` root into item edits
 * (ids added to `items`) and shape changes (`into.full`). Exported for the tests that pin
 * which edits stay item-local.
 */
export function classifyItemEvents(events: ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>, root: Y.Map<unknown>, into: PlanChanges, items: Set<string>): void {
  for (const event of events) {
    const id = event.path[0];
    if (event.target === root || typeof id !== 'string') {
      into.full = true;
      continue;
    }
    if (event.path.length === 1 && event instanceof Y.YMapEvent && [...event.keysChanged].some((key) => SHAPE_FIELDS.has(key))) into.full = true;
    else items.add(id);
  }
}

/** `classifyItemEvents` on the `activities` root (the name the tests and callers know). */
export function classifyActivityEvents(events: ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>, root: Y.Map<unknown>, into: PlanChanges): void {
  classifyItemEvents(events, root, into, into.activities);
}

/** Where each goal and activity sits in the store: `goals[g]`, `goals[g].activities[a]`. */
interface Places {
  goals: Map<string, number>;
  activities: Map<string, [number, number]>;
}

function locate(plan: ActionPlanJSON): Places {
  const places: Places = { goals: new Map(), activities: new Map() };
  plan.goals.forEach((goal, g) => {
    if (goal.id !== null) places.goals.set(goal.id, g);
    goal.activities.forEach((activity, a) => places.activities.set(activity.id, [g, a]));
  });
  return places;
}

/** Whether an item edit names an item the store does not hold where the document does: then only a full read is right. */
function needsFullRead(changes: PlanChanges, where: Places, roots: ReturnType<typeof actionPlanRoots>): boolean {
  if (changes.full) return true;
  for (const id of changes.activities) if (!where.activities.has(id) || !roots.activities.has(id)) return true;
  for (const id of changes.goals) if (!where.goals.has(id) || !roots.goals.has(id)) return true;
  return false;
}

/**
 * Applies item-local changes in one batch: readers see every item of one Yjs transaction
 * change at once, never a half-applied state (a renumbering seen half done looks like a clash).
 */
function applyParts(doc: Y.Doc, changes: PlanChanges, where: Places, setPlan: SetStoreFunction<ActionPlanJSON>): void {
  const roots = actionPlanRoots(doc);
  batch(() => {
    for (const id of changes.activities) {
      const [g, a] = where.activities.get(id) ?? [0, 0];
      const map = roots.activities.get(id);
      if (map instanceof Y.Map) setPlan('goals', g, 'activities', a, reconcile(activityToJSON(id, map), { merge: true }));
    }
    for (const id of changes.goals) {
      const map = roots.goals.get(id);
      // A shallow merge of the goal's own fields: its `activities` array is not touched.
      if (map instanceof Y.Map) setPlan('goals', where.goals.get(id) ?? 0, goalFieldsToJSON(id, map));
    }
    if (changes.costs) setPlan('costs', reconcile(costsToJSON(doc), { key: 'id', merge: true }));
    // Top-level merges: a field set to its own value notifies nobody.
    if (changes.meta) setPlan(planMetaToJSON(doc));
    if (changes.budget) setPlan('budget', reconcile(planBudgetToJSON(doc)));
  });
}

/**
 * A store of `actionPlanToJSON(doc)`, kept current by item-level updates. Changes are
 * applied once per task (a burst of remote updates costs one pass), before the browser
 * paints. `onApplied` is told after each pass (the view schedules validation from it).
 */
export function createPlanStore(doc: Y.Doc, onApplied: () => void = () => undefined): Store<ActionPlanJSON> {
  const [plan, setPlan] = createStore<ActionPlanJSON>(actionPlanToJSON(doc));
  const roots = actionPlanRoots(doc);
  let where = locate(plan);
  let pending: PlanChanges | null = null;
  const apply = () => {
    const changes = pending;
    pending = null;
    if (!changes) return;
    if (needsFullRead(changes, where, roots)) {
      setPlan(reconcile(actionPlanToJSON(doc), { key: 'id', merge: true }));
      where = locate(plan);
    } else applyParts(doc, changes, where, setPlan);
    onApplied();
  };
  const changes = (): PlanChanges => {
    if (!pending) {
      pending = { full: false, activities: new Set(), goals: new Set(), costs: false, meta: false, budget: false };
      queueMicrotask(apply);
    }
    return pending;
  };
  type Events = Array<Y.YEvent<Y.AbstractType<unknown>>>;
  const observers: Array<[Y.Map<unknown>, (events: Events) => void]> = [
    [roots.activities, (events) => classifyActivityEvents(events, roots.activities, changes())],
    [roots.goals, (events) => classifyItemEvents(events, roots.goals, changes(), changes().goals)],
    [roots.costs, () => void (changes().costs = true)],
    [roots.meta, () => void (changes().meta = true)],
    [roots.budget, () => void (changes().budget = true)],
  ];
  observers.forEach(([root, observer]) => root.observeDeep(observer));
  onCleanup(() => observers.forEach(([root, observer]) => root.unobserveDeep(observer)));
  return plan;
}
