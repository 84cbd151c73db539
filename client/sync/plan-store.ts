/**
 * The action plan as a Solid store that does work proportional to the change (issue 17
 * item 14). Yjs `observeDeep` events name what changed: an edit inside one activity (a
 * keystroke in its description, its budget) re-reads and reconciles that activity alone, so
 * only the fields that changed notify their readers. Anything that changes the plan's shape
 * (an item added, removed, moved, re-parented) or a goal, cost line or the plan's own fields
 * re-reads the whole plan, as before: rare, and `reconcile` still keeps unchanged rows.
 */
import { batch, onCleanup } from 'solid-js';
import { createStore, reconcile, type Store } from 'solid-js/store';
import * as Y from 'yjs';
import { actionPlanRoots, actionPlanToJSON, activityToJSON, type ActionPlanJSON } from '../../shared/model/action-plan.js';

/** Fields whose change moves an activity: it is re-placed by a full read. */
const SHAPE_FIELDS = new Set(['order', 'goalId']);

/** What one batch of Yjs events asks of the store. */
export interface PlanChanges {
  /** The plan's shape or a non-activity item changed: read everything. */
  full: boolean;
  /** Activities whose own fields changed. */
  activities: Set<string>;
}

/**
 * Sorts the events of one transaction on the `activities` root into item edits and shape
 * changes. Exported for the tests that pin which edits stay item-local.
 */
export function classifyActivityEvents(events: ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>, root: Y.Map<unknown>, into: PlanChanges): void {
  for (const event of events) {
    const id = event.path[0];
    if (event.target === root || typeof id !== 'string') {
      into.full = true;
      continue;
    }
    if (event.path.length === 1 && event instanceof Y.YMapEvent && [...event.keysChanged].some((key) => SHAPE_FIELDS.has(key))) into.full = true;
    else into.activities.add(id);
  }
}

/** Where each activity sits in the store: `goals[goal].activities[index]`. */
function locate(plan: ActionPlanJSON): Map<string, [number, number]> {
  const at = new Map<string, [number, number]>();
  plan.goals.forEach((goal, g) => goal.activities.forEach((activity, a) => at.set(activity.id, [g, a])));
  return at;
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
    const moved = [...changes.activities].some((id) => !where.has(id) || !roots.activities.has(id));
    if (changes.full || moved) {
      setPlan(reconcile(actionPlanToJSON(doc), { key: 'id', merge: true }));
      where = locate(plan);
    } else {
      // One batch: readers see every activity of one Yjs transaction change at once, never
      // a half-applied state (a renumbering seen half done still looks like a clash).
      batch(() => {
        for (const id of changes.activities) {
          const [g, a] = where.get(id) ?? [0, 0];
          const map = roots.activities.get(id);
          if (map instanceof Y.Map) setPlan('goals', g, 'activities', a, reconcile(activityToJSON(id, map), { merge: true }));
        }
      });
    }
    onApplied();
  };
  const changes = (): PlanChanges => {
    if (!pending) {
      pending = { full: false, activities: new Set() };
      queueMicrotask(apply);
    }
    return pending;
  };
  const onActivities = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => classifyActivityEvents(events, roots.activities, changes());
  const onOther = () => void (changes().full = true);
  const others = [roots.meta, roots.budget, roots.goals, roots.costs];
  roots.activities.observeDeep(onActivities);
  others.forEach((root) => root.observeDeep(onOther));
  onCleanup(() => {
    roots.activities.unobserveDeep(onActivities);
    others.forEach((root) => root.unobserveDeep(onOther));
  });
  return plan;
}
