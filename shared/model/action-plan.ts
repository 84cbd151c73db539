/**
 * The action plan (handlingsplan): goals, activities with budgets, cost lines and the
 * budget frame. Schema, accessors, plain-JSON conversion and the edits the editors need.
 */
import * as Y from 'yjs';
import { ACTIVITY_STATUSES, CURRENCIES, SCHEMA_VERSION } from './kinds.js';
import { orderKeys } from './order.js';
import { addItem, deleteItem, moveItem, orderAtEnd, setItemFields, type CollectionSpec } from './collections.js';
import { newId } from './ids.js';
import { ensureSessionShape, readPriority } from './session.js';
import {
  itemsInOrder,
  rootMaps,
  readEnum,
  readInt,
  readNullableString,
  readString,
  readText,
  writeFields,
  type YItem,
} from './ymap.js';

export type { ActivityInit, ActivityJSON, ActionPlanInit, ActionPlanJSON, CostJSON, GoalJSON, PlanBudgetJSON } from './action-plan-types.js';
import type { ActivityInit, ActivityJSON, ActionPlanInit, ActionPlanJSON, CostJSON, GoalJSON, PlanBudgetJSON } from './action-plan-types.js';

export const GOAL_TEXT_FIELDS = ['title', 'description'] as const;
export const ACTIVITY_TEXT_FIELDS = ['title', 'description'] as const;

/** Typed access to the roots of an action-plan document. */
export function actionPlanRoots(doc: Y.Doc) {
  return rootMaps(doc, ['meta', 'budget', 'goals', 'activities', 'costs']);
}

export function createActionPlan(doc: Y.Doc, init: ActionPlanInit): void {
  const roots = actionPlanRoots(doc);
  doc.transact(() => {
    writeFields(roots.meta, {
      kind: 'action-plan',
      schemaVersion: SCHEMA_VERSION,
      title: init.title,
      subtitle: init.subtitle ?? '',
      currency: init.currency ?? 'SEK',
      periodStart: init.periodStart ?? null,
      periodEnd: init.periodEnd ?? null,
    });
    writeFields(roots.budget, {
      frame: init.budget?.frame ?? null,
      frameWithIncome: init.budget?.frameWithIncome ?? null,
      spentBefore: init.budget?.spentBefore ?? null,
      spentBeforeDate: init.budget?.spentBeforeDate ?? null,
    });
    const goals = init.goals ?? [];
    const goalOrders = orderKeys(goals.length);
    goals.forEach((goal, g) => {
      // An init goal with `id: null` holds orphans: its activities keep no goal.
      const goalId = goal.id === null ? '' : goal.id ?? newId();
      if (goal.id !== null) {
        const map = new Y.Map<unknown>();
        roots.goals.set(goalId, map);
        const fields = { order: goalOrders[g], number: goal.number, title: goal.title, description: goal.description, priority: goal.priority ?? null };
        writeFields(map, fields, GOAL_TEXT_FIELDS);
      }
      const activities = goal.activities ?? [];
      const activityOrders = orderKeys(activities.length);
      activities.forEach((activity, a) => {
        writeActivity(roots.activities, activity.id ?? newId(), { ...activity, goalId, order: activityOrders[a] ?? '' });
      });
    });
    const costs = init.costs ?? [];
    const costOrders = orderKeys(costs.length);
    costs.forEach((cost, c) => {
      const map = new Y.Map<unknown>();
      roots.costs.set(cost.id ?? newId(), map);
      writeFields(map, { order: costOrders[c], section: cost.section, label: cost.label, description: cost.description, amount: cost.amount });
    });
    ensureSessionShape(doc);
  });
}

function writeActivity(activities: Y.Map<unknown>, id: string, activity: ActivityInit & { goalId: string; order: string }): void {
  const map = new Y.Map<unknown>();
  activities.set(id, map);
  writeFields(map, { order: activity.order, ...activityFields(activity) }, ACTIVITY_TEXT_FIELDS);
}

/** Every field of a new activity, defaults filled in (what createActionPlan and addActivity write). */
function activityFields(activity: ActivityInit & { goalId: string }): Record<string, unknown> {
  return {
    goalId: activity.goalId,
    number: activity.number ?? '',
    title: activity.title,
    description: activity.description ?? '',
    budget: activity.budget ?? null,
    responsible: activity.responsible ?? '',
    start: activity.start ?? null,
    end: activity.end ?? null,
    recipients: activity.recipients ?? '',
    status: activity.status ?? 'planned',
    progress: activity.progress ?? 0,
    priority: activity.priority ?? null,
    source: activity.source ?? null,
  };
}

/** One activity as plain JSON; the client's live view re-reads just this when only it changed. */
export function activityToJSON(id: string, map: YItem): ActivityJSON {
  return {
    id,
    goalId: readString(map, 'goalId'),
    number: readString(map, 'number'),
    title: readText(map, 'title'),
    description: readText(map, 'description'),
    budget: readInt(map, 'budget'),
    responsible: readString(map, 'responsible'),
    start: readNullableString(map, 'start'),
    end: readNullableString(map, 'end'),
    recipients: readString(map, 'recipients'),
    status: readEnum(map, 'status', ACTIVITY_STATUSES, 'planned'),
    progress: readInt(map, 'progress') ?? 0,
    priority: readPriority(map),
    source: readNullableString(map, 'source'),
  };
}


/** The plan as plain JSON, nested and sorted (DESIGN.md "Plain-JSON export"). */
export function actionPlanToJSON(doc: Y.Doc): ActionPlanJSON {
  const roots = actionPlanRoots(doc);
  const activitiesByGoal = new Map<string, ActivityJSON[]>();
  for (const [id, map] of itemsInOrder(roots.activities)) {
    const activity = activityToJSON(id, map);
    const list = activitiesByGoal.get(activity.goalId) ?? [];
    list.push(activity);
    activitiesByGoal.set(activity.goalId, list);
  }
  const goals: GoalJSON[] = itemsInOrder(roots.goals).map(([id, map]) => {
    const activities = activitiesByGoal.get(id) ?? [];
    activitiesByGoal.delete(id);
    return { ...goalFieldsToJSON(id, map), activities };
  });
  const orphans = [...activitiesByGoal.values()].flat();
  if (orphans.length > 0) goals.push({ id: null, number: '', title: '', description: '', priority: null, activities: orphans });

  return { ...planMetaToJSON(doc), budget: planBudgetToJSON(doc), goals, costs: costsToJSON(doc) };
}

// The parts of actionPlanToJSON, each read alone by the client's live view when only it changed.

/** A goal's own fields, without its activities. */
export function goalFieldsToJSON(id: string, map: YItem): Omit<GoalJSON, 'activities'> {
  return { id, number: readString(map, 'number'), title: readText(map, 'title'), description: readText(map, 'description'), priority: readPriority(map) };
}

/** The plan's own fields (the `meta` root). */
export function planMetaToJSON(doc: Y.Doc): Pick<ActionPlanJSON, 'kind' | 'schemaVersion' | 'title' | 'subtitle' | 'currency' | 'periodStart' | 'periodEnd'> {
  const { meta } = actionPlanRoots(doc);
  return {
    kind: 'action-plan',
    schemaVersion: readInt(meta, 'schemaVersion') ?? SCHEMA_VERSION,
    title: readString(meta, 'title'),
    subtitle: readString(meta, 'subtitle'),
    currency: readEnum(meta, 'currency', CURRENCIES, 'SEK'),
    periodStart: readNullableString(meta, 'periodStart'),
    periodEnd: readNullableString(meta, 'periodEnd'),
  };
}

/** The budget frame (the `budget` root). */
export function planBudgetToJSON(doc: Y.Doc): PlanBudgetJSON {
  const { budget } = actionPlanRoots(doc);
  return {
    frame: readInt(budget, 'frame'),
    frameWithIncome: readInt(budget, 'frameWithIncome'),
    spentBefore: readInt(budget, 'spentBefore'),
    spentBeforeDate: readNullableString(budget, 'spentBeforeDate'),
  };
}

/** Every cost line, in order. */
export function costsToJSON(doc: Y.Doc): CostJSON[] {
  return itemsInOrder(actionPlanRoots(doc).costs).map(([id, map]) => costToJSON(id, map));
}

/** One cost line as plain JSON (the history deriver reads just the lines a run touched). */
export function costToJSON(id: string, map: YItem): CostJSON {
  return { id, section: readString(map, 'section'), label: readString(map, 'label'), description: readString(map, 'description'), amount: readInt(map, 'amount') };
}

/** Every activity of a plan, in goal order, orphans last. */
export function allActivities(plan: Pick<ActionPlanJSON, 'goals'>): ActivityJSON[] {
  return plan.goals.flatMap((goal) => goal.activities);
}

// ---- Edits the editors make, through the shared collection edits (collections.ts). ----

/** The plan's collections, for the generic edits in collections.ts. */
export const PLAN_COLLECTIONS = {
  goals: { root: 'goals', textKeys: GOAL_TEXT_FIELDS, defaults: { priority: null } },
  activities: { root: 'activities', textKeys: ACTIVITY_TEXT_FIELDS, groupKey: 'goalId', defaults: { priority: null, source: null } },
  costs: { root: 'costs', groupKey: 'section' },
} as const satisfies Record<string, CollectionSpec>;

/**
 * A new cost line goes after every line, not just its section's: the plan lists its costs
 * in one order (actionPlanToJSON), while moves stay within the section.
 */
const COSTS_APPENDED: CollectionSpec = { root: 'costs' };

export function addGoal(doc: Y.Doc, goal: { number: string; title: string; description?: string }, origin?: unknown): string {
  return addItem(doc, PLAN_COLLECTIONS.goals, { description: '', ...goal }, origin);
}

export function addActivity(doc: Y.Doc, goalId: string, activity: ActivityInit, origin?: unknown): string {
  return addItem(doc, PLAN_COLLECTIONS.activities, activityFields({ ...activity, goalId }), origin);
}

export function addCost(doc: Y.Doc, cost: Omit<CostJSON, 'id'>, origin?: unknown): string {
  return addItem(doc, COSTS_APPENDED, cost, origin);
}

/** Moves an activity (also to another goal): one field write per field, merging with concurrent edits. */
export function moveActivity(doc: Y.Doc, id: string, goalId: string, order: string, origin?: unknown): void {
  const map = actionPlanRoots(doc).activities.get(id);
  if (!(map instanceof Y.Map)) return;
  doc.transact(() => {
    if (map.get('goalId') !== goalId) map.set('goalId', goalId);
    map.set('order', order);
  }, origin);
}

/** Sets plain fields of an activity, goal or cost line; text fields are written as `Y.Text`. */
export function updateItem(
  doc: Y.Doc,
  collection: 'goals' | 'activities' | 'costs',
  id: string,
  fields: Record<string, unknown>,
  origin?: unknown,
): void {
  setItemFields(doc, PLAN_COLLECTIONS[collection], id, fields, origin);
}

/** Removes an item. A goal's activities are kept (as orphans) rather than silently deleted. */
export function removeItem(doc: Y.Doc, collection: 'goals' | 'activities' | 'costs', id: string, origin?: unknown): void {
  deleteItem(doc, PLAN_COLLECTIONS[collection], id, origin);
}

export function updatePlanBudget(doc: Y.Doc, fields: Partial<PlanBudgetJSON>, origin?: unknown): void {
  doc.transact(() => writeFields(actionPlanRoots(doc).budget, fields), origin);
}

/** Moves an item one step up (-1) or down (+1): activities within their goal, costs within their section. */
export function reorderItem(doc: Y.Doc, collection: 'goals' | 'activities' | 'costs', id: string, direction: -1 | 1, origin?: unknown): void {
  moveItem(doc, PLAN_COLLECTIONS[collection], id, direction, origin);
}

/** Moves an activity to the end of another goal. */
export function moveActivityToGoal(doc: Y.Doc, id: string, goalId: string, origin?: unknown): void {
  moveActivity(doc, id, goalId, orderAtEnd(doc, PLAN_COLLECTIONS.activities, goalId), origin);
}

/** The number a new activity under `goal` gets: `<goal>.<n + 1>`. */
export function nextActivityNumber(goal: Pick<GoalJSON, 'number' | 'activities'>): string {
  const prefix = goal.number === '' ? '' : `${goal.number}.`;
  const used = goal.activities.map((a) => a.number).filter((n) => n.startsWith(prefix) && !n.slice(prefix.length).includes('.'));
  const highest = used.reduce((max, n) => Math.max(max, Number(n.slice(prefix.length)) || 0), 0);
  return `${prefix}${highest + 1}`;
}
