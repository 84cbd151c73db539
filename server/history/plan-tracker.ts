/**
 * An action plan's history state kept item by item (docs/history.md "How a run is derived"):
 * compare's flattened item of every goal, activity and cost line, with what orders them. A
 * run flattens and compares only the items its updates touched (touched.ts), so editing 3
 * items of a 20 000-item plan costs 3 items, not a toJSON and flatten of the whole plan
 * (issue 17: ~310 MB of the history worker's heap during the hostile harness's flood).
 *
 * Lists exactly what comparing the whole plan lists (`WholeTracker`; equivalence fuzz in
 * tests/unit/history-plan-tracker.test.ts): the same changes in the same order. Where that
 * order depends on items the run did not touch — an activity whose goal does not exist (an
 * orphan, listed last and grouped) — or a run touched the plan's kind, it compares whole.
 */
import * as Y from 'yjs';
import { diffItems, flatten, type Change, type FlatItem } from '../../shared/compare/index.js';
import { fieldsOf, numbered, parentRef } from '../../shared/compare/fields.js';
import { historyChangesBetween, historyChangesOf, type HistoryChange } from '../../shared/history/entries.js';
import { actionPlanRoots, activityToJSON, costToJSON, goalFieldsToJSON, planBudgetToJSON, planMetaToJSON } from '../../shared/model/action-plan.js';
import { toJSON } from '../../shared/model/document.js';
import { compareOrdered, type Ordered } from '../../shared/model/order.js';
import { readString, type YItem } from '../../shared/model/ymap.js';
import type { HistoryTracker } from './tracker.js';
import type { Touched } from './touched.js';

interface Kept {
  item: FlatItem;
  /** The item's `order` (goals, activities, costs sort by it, then by id). */
  order: string;
}

interface KeptActivity extends Kept {
  /** The goal id the activity names, whether or not that goal exists. */
  goalId: string;
  budget: number;
}

/** An item with what sorts it within its collection: its parent's place first (activities), then its own. */
interface Placed {
  item: FlatItem;
  parent: Ordered | null;
  own: Ordered;
}

type Roots = ReturnType<typeof actionPlanRoots>;
const COLLECTIONS = ['goals', 'activities', 'costs'] as const;
type Collection = (typeof COLLECTIONS)[number];

const itemAt = (root: Y.Map<unknown>, id: string): YItem | null => {
  const value = root.get(id);
  return value instanceof Y.Map ? (value as YItem) : null;
};
const goalLabel = (map: YItem): string => numbered(readString(map, 'number'), readString(map, 'title'));
const byPlace = (a: Placed, b: Placed): number => (a.parent && b.parent ? compareOrdered(a.parent, b.parent) : 0) || compareOrdered(a.own, b.own);

export class PlanTracker implements HistoryTracker {
  readonly kind = 'action-plan' as const;
  flattened = 0;
  /** Steps compared whole (an orphan touched, the kind touched): the rest cost what they touched. */
  wholeSteps = 0;
  private document!: FlatItem;
  private readonly goals = new Map<string, Kept>();
  private readonly activities = new Map<string, KeptActivity>();
  private readonly costs = new Map<string, Kept>();
  /** Activity ids by the goal id they name (orphans too), and the sum of their budgets (a goal's `budget`). */
  private readonly byGoal = new Map<string, Set<string>>();
  private readonly sums = new Map<string, number>();

  constructor(doc: Y.Doc) {
    this.rebuild(doc, flatten(toJSON(doc)));
  }

  step(doc: Y.Doc, touched: Touched): HistoryChange[] {
    const roots = actionPlanRoots(doc);
    const dirty = this.dirtyOf(roots, touched);
    if (!dirty) return this.whole(doc);
    const before = this.placedBefore(dirty);
    const present = COLLECTIONS.filter((c) => this[c].size > 0);
    const documentBefore = this.document;
    this.update(doc, roots, dirty, touched);
    const after = this.placedAfter(roots, dirty);
    const changes: Change[] = diffItems([documentBefore], [this.document]);
    const order = new Set([...COLLECTIONS.filter((c) => this[c].size > 0), ...present]);
    for (const collection of order) {
      changes.push(...diffItems(before[collection].sort(byPlace).map((p) => p.item), after[collection].sort(byPlace).map((p) => p.item)));
    }
    return historyChangesOf(changes);
  }

  /**
   * The items the run touched, per collection, plus the activities of a goal that came or
   * went (their parent changes); null when the run must be compared whole.
   */
  private dirtyOf(roots: Roots, touched: Touched): Record<Collection, Set<string>> | null {
    if (touched.whole.size > 0 || touched.of('meta').has('kind')) return null;
    const dirty = { goals: new Set(touched.of('goals')), activities: new Set(touched.of('activities')), costs: new Set(touched.of('costs')) };
    for (const id of dirty.goals) {
      if (this.goals.has(id) !== (itemAt(roots.goals, id) !== null)) for (const a of this.byGoal.get(id) ?? []) dirty.activities.add(a);
    }
    for (const id of dirty.activities) {
      const kept = this.activities.get(id);
      if (kept && !this.goals.has(kept.goalId)) return null;
      const map = itemAt(roots.activities, id);
      if (map && !itemAt(roots.goals, readString(map, 'goalId'))) return null;
    }
    return dirty;
  }

  /** The kept (before) items of `dirty`, placed by the goals as they were. */
  private placedBefore(dirty: Record<Collection, Set<string>>): Record<Collection, Placed[]> {
    const placed: Record<Collection, Placed[]> = { goals: [], activities: [], costs: [] };
    for (const collection of COLLECTIONS) {
      for (const id of dirty[collection]) {
        const kept = this[collection].get(id);
        if (!kept) continue;
        const goalId = collection === 'activities' ? (kept as KeptActivity).goalId : null;
        const goal = goalId === null ? null : this.goals.get(goalId);
        placed[collection].push({ item: kept.item, parent: goal ? { id: goalId ?? '', order: goal.order } : null, own: { id, order: kept.order } });
      }
    }
    return placed;
  }

  /** The new (after) items of `dirty` as now kept, placed by the goals as they are. */
  private placedAfter(roots: Roots, dirty: Record<Collection, Set<string>>): Record<Collection, Placed[]> {
    const placed: Record<Collection, Placed[]> = { goals: [], activities: [], costs: [] };
    for (const collection of COLLECTIONS) {
      for (const id of dirty[collection]) {
        const kept = this[collection].get(id);
        if (!kept) continue;
        const goalId = collection === 'activities' ? (kept as KeptActivity).goalId : null;
        const goal = goalId === null ? null : itemAt(roots.goals, goalId);
        placed[collection].push({ item: kept.item, parent: goal ? { id: goalId ?? '', order: readString(goal, 'order') } : null, own: { id, order: kept.order } });
      }
    }
    return placed;
  }

  /** Reads the touched items anew into the kept state: activities, then goals (their budget sums), costs, the plan's own fields. */
  private update(doc: Y.Doc, roots: Roots, dirty: Record<Collection, Set<string>>, touched: Touched): void {
    const summed = new Set<string>();
    for (const id of dirty.activities) {
      const old = this.activities.get(id);
      if (old) this.unlink(id, old, summed);
      const map = itemAt(roots.activities, id);
      if (!map) continue;
      const activity = activityToJSON(id, map);
      const goal = itemAt(roots.goals, activity.goalId);
      const parent = parentRef('goalId', goal ? activity.goalId : null, goal ? goalLabel(goal) : '');
      const item: FlatItem = { collection: 'activities', id, label: numbered(activity.number, activity.title), parent, fields: fieldsOf(activity, ['id', 'goalId']) };
      this.flattened++;
      this.link(id, { item, order: readString(map, 'order'), goalId: activity.goalId, budget: activity.budget ?? 0 }, summed);
    }
    for (const id of dirty.goals) this.readGoal(roots, id);
    for (const goalId of summed) {
      const kept = this.goals.get(goalId);
      if (kept && !dirty.goals.has(goalId)) kept.item = { ...kept.item, fields: { ...kept.item.fields, budget: this.sums.get(goalId) ?? 0 } };
    }
    for (const id of dirty.costs) {
      const map = itemAt(roots.costs, id);
      if (!map) {
        this.costs.delete(id);
        continue;
      }
      const cost = costToJSON(id, map);
      this.flattened++;
      this.costs.set(id, { item: { collection: 'costs', id, label: cost.label || cost.section, parent: null, fields: fieldsOf(cost, ['id']) }, order: readString(map, 'order') });
    }
    if (touched.keys.has('meta') || touched.keys.has('budget')) this.document = this.readDocument(doc);
  }

  /** A touched goal read anew; a new label is given to its activities' parent (not listed: only the parent's id is compared). */
  private readGoal(roots: Roots, id: string): void {
    const map = itemAt(roots.goals, id);
    const old = this.goals.get(id);
    if (!map) {
      this.goals.delete(id);
      return;
    }
    const fields = fieldsOf(goalFieldsToJSON(id, map), ['id', 'activities']);
    fields.budget = this.sums.get(id) ?? 0;
    const label = goalLabel(map);
    this.flattened++;
    this.goals.set(id, { item: { collection: 'goals', id, label, parent: null, fields }, order: readString(map, 'order') });
    if (!old || old.item.label === label) return;
    for (const activityId of this.byGoal.get(id) ?? []) {
      const kept = this.activities.get(activityId);
      if (kept) kept.item = { ...kept.item, parent: parentRef('goalId', id, label) };
    }
  }

  private readDocument(doc: Y.Doc): FlatItem {
    this.flattened++;
    const meta = planMetaToJSON(doc);
    return { collection: 'document', id: 'document', label: meta.title, parent: null, fields: { ...fieldsOf(meta, ['kind', 'schemaVersion']), ...fieldsOf(planBudgetToJSON(doc), []) } };
  }

  private link(id: string, kept: KeptActivity, summed: Set<string>): void {
    this.activities.set(id, kept);
    let ids = this.byGoal.get(kept.goalId);
    if (!ids) this.byGoal.set(kept.goalId, (ids = new Set()));
    ids.add(id);
    this.sums.set(kept.goalId, (this.sums.get(kept.goalId) ?? 0) + kept.budget);
    summed.add(kept.goalId);
  }

  private unlink(id: string, kept: KeptActivity, summed: Set<string>): void {
    this.activities.delete(id);
    const ids = this.byGoal.get(kept.goalId);
    ids?.delete(id);
    if (ids?.size === 0) this.byGoal.delete(kept.goalId);
    this.sums.set(kept.goalId, (this.sums.get(kept.goalId) ?? 0) - kept.budget);
    summed.add(kept.goalId);
  }

  /** Compares the whole plan (as WholeTracker does) and keeps the state after it. */
  private whole(doc: Y.Doc): HistoryChange[] {
    this.wholeSteps++;
    const json = toJSON(doc);
    const after = flatten(json);
    this.flattened += after.length;
    const changes = historyChangesBetween(this.ordered(), json === null ? null : after);
    if (json?.kind === 'action-plan') this.rebuild(doc, after);
    return changes;
  }

  /** Every kept item in flatten's order: the plan, goals, activities by goal then orphans grouped by goal id, costs. */
  private ordered(): FlatItem[] {
    const sorted = <T extends Kept>(kept: Map<string, T>) => [...kept].sort(([a, x], [b, y]) => compareOrdered({ id: a, order: x.order }, { id: b, order: y.order }));
    const activities = sorted(this.activities);
    const placed = activities.filter(([, a]) => this.goals.has(a.goalId));
    const goalOrder = new Map(sorted(this.goals).map(([id], i) => [id, i]));
    placed.sort(([, a], [, b]) => (goalOrder.get(a.goalId) ?? 0) - (goalOrder.get(b.goalId) ?? 0)); // stable: own order kept within a goal
    const orphans = new Map<string, FlatItem[]>();
    for (const [, a] of activities) {
      if (!this.goals.has(a.goalId)) orphans.set(a.goalId, [...(orphans.get(a.goalId) ?? []), a.item]);
    }
    const items = (list: Array<[string, Kept]>) => list.map(([, kept]) => kept.item);
    return [this.document, ...items(sorted(this.goals)), ...items(placed), ...[...orphans.values()].flat(), ...items(sorted(this.costs))];
  }

  /** The kept state from the whole plan's flattened items (`items`, flatten of toJSON(doc)). */
  private rebuild(doc: Y.Doc, items: readonly FlatItem[]): void {
    const roots = actionPlanRoots(doc);
    for (const kept of [this.goals, this.activities, this.costs, this.byGoal, this.sums]) kept.clear();
    const summed = new Set<string>();
    this.flattened += items.length;
    for (const item of items) {
      if (item.collection === 'document') this.document = item;
      const map = item.collection === 'document' ? null : itemAt(roots[item.collection as Collection], item.id);
      if (!map) continue;
      const order = readString(map, 'order');
      if (item.collection === 'goals') this.goals.set(item.id, { item, order });
      else if (item.collection === 'costs') this.costs.set(item.id, { item, order });
      else {
        const budget = item.fields.budget;
        this.link(item.id, { item, order, goalId: readString(map, 'goalId'), budget: typeof budget === 'number' ? budget : 0 }, summed);
      }
    }
  }
}
