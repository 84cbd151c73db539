/**
 * "Numrera om" (issue 17 item 9): goals numbered 1..n in order, activities `<goal>.1..<goal>.n`
 * under their goal in order. After moves and concurrent adds numbers clash (two 2.4s, a 2.3
 * under Mål 3); this puts them back in one step that undoes as one.
 */
import * as Y from 'yjs';
import { actionPlanRoots } from './model/action-plan.js';
import { readString } from './model/ymap.js';

/** What renumbering reads of a plan (an `ActionPlanJSON` is one): goals in order, `id: null` for orphans. */
export interface NumberedPlan {
  goals: ReadonlyArray<{ id: string | null; number: string; activities: ReadonlyArray<{ id: string; number: string }> }>;
}

/** One `number` field that renumbering changes. */
export interface NumberChange {
  collection: 'goals' | 'activities';
  id: string;
  from: string;
  to: string;
}

/**
 * The `number` changes that make a plan's numbering consistent, in plan order; `[]` when
 * it already is. Pure: the plan's order (goal order, activity order within a goal) is the
 * truth, numbers are derived from it.
 *
 * Decisions:
 * - Goals (with an id) become `1`, `2`, … in order.
 * - An activity's depth is kept: `1.2.1` under `1.2` stays a sub-row of the row above it
 *   (`<goal>.<parent>.<k>`), so plans that number sub-activities (the demo's 1.2.1) keep
 *   them. Depth is what the old number says (`2.3` → 1, `1.2.1` → 2), at most one deeper
 *   than the row above; a number without a dot (or empty) counts as depth 1.
 * - Activities without a goal ("Utan mål", their goal was deleted) are left alone: they
 *   have no goal number to carry, and `structure.orphan` already asks to move them.
 *
 * @example renumberPlan(plan) // → [{ collection: 'activities', id: 'a7', from: '2.3', to: '3.3' }]
 */
export function renumberPlan(plan: NumberedPlan): NumberChange[] {
  const changes: NumberChange[] = [];
  let goalIndex = 0;
  for (const goal of plan.goals) {
    if (goal.id === null) continue;
    goalIndex += 1;
    const goalNumber = String(goalIndex);
    if (goal.number !== goalNumber) changes.push({ collection: 'goals', id: goal.id, from: goal.number, to: goalNumber });
    const next = activityNumbers(goalNumber, goal.activities.map((a) => a.number));
    goal.activities.forEach((activity, i) => {
      const to = next[i] ?? activity.number;
      if (activity.number !== to) changes.push({ collection: 'activities', id: activity.id, from: activity.number, to });
    });
  }
  return changes;
}

/** New numbers for one goal's activities, in order, keeping each row's depth (see above). */
function activityNumbers(goalNumber: string, current: string[]): string[] {
  const counters: number[] = [];
  return current.map((number) => {
    const depth = Math.min(depthOf(number), counters.length + 1);
    counters.length = depth;
    counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
    return [goalNumber, ...counters].join('.');
  });
}

/** `2.3` → 1, `1.2.1` → 2; `5`, `A` and `` → 1. */
function depthOf(number: string): number {
  const parts = number.trim().split('.').filter((part) => part !== '');
  return Math.max(1, parts.length - 1);
}

/**
 * Writes `changes` into the document in ONE transaction (one undo step, one update to
 * peers). Only `number` fields are written, and only where the value still differs — a
 * field someone already set to the new number (or an item since deleted) is not touched.
 */
export function applyNumberChanges(doc: Y.Doc, changes: readonly NumberChange[], origin?: unknown): void {
  if (changes.length === 0) return;
  const roots = actionPlanRoots(doc);
  doc.transact(() => {
    for (const change of changes) {
      const map = roots[change.collection].get(change.id);
      if (!(map instanceof Y.Map)) continue;
      if (readString(map, 'number') !== change.to) map.set('number', change.to);
    }
  }, origin);
}

/**
 * The ids of the goals `changes` touch: a goal whose own number changes, or under which an
 * activity's number does. Where the plan shows "Numrera om" beside the rows that are off —
 * after a move the offer above the first goal is out of view (user test, issue 17 item 9).
 */
export function goalsToRenumber(plan: NumberedPlan, changes: readonly NumberChange[]): Set<string> {
  const goalOf = new Map<string, string>();
  for (const goal of plan.goals) {
    if (goal.id === null) continue;
    goalOf.set(`goals/${goal.id}`, goal.id);
    for (const activity of goal.activities) goalOf.set(`activities/${activity.id}`, goal.id);
  }
  const touched = new Set<string>();
  for (const change of changes) {
    const goal = goalOf.get(`${change.collection}/${change.id}`);
    if (goal !== undefined) touched.add(goal);
  }
  return touched;
}
