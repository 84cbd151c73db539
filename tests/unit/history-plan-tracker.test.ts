/**
 * An action plan's history is derived from the items a run touched (server/history/
 * plan-tracker.ts, docs/history.md "How a run is derived"):
 * - work is counted, not timed: a run editing 2 items of a 10 000-item plan flattens a few
 *   items, where comparing the whole plan flattened all 10 001 (issue 17, the hostile
 *   harness's history worker);
 * - as a class: random runs of edits (fields, texts, budgets, moves between goals, order,
 *   goals removed with their activities, orphans, the plan's own fields, raw maps a peer
 *   wrote) list exactly what comparing the whole plan lists, in the same order.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PlanTracker } from '../../server/history/plan-tracker.js';
import { createTracker, WholeTracker, type HistoryTracker } from '../../server/history/tracker.js';
import { Touched, watchTouched } from '../../server/history/touched.js';
import {
  actionPlanRoots,
  actionPlanToJSON,
  addActivity,
  addCost,
  addGoal,
  moveActivityToGoal,
  removeItem,
  reorderItem,
  updateItem,
  updatePlanBudget,
} from '../../shared/model/action-plan.js';
import { createDocument } from '../../shared/model/document.js';

/** A shadow as the deriver keeps one: a Y.Doc fed updates, what they touched, a tracker. */
function shadowOf(update: Uint8Array, make: (doc: Y.Doc) => HistoryTracker | null) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const touched = new Touched();
  watchTouched(doc, touched);
  const tracker = make(doc);
  if (!tracker) throw new Error('not a document');
  return {
    tracker,
    /** Applies one run (in one transaction, as Shadows.apply) and steps the tracker. */
    run(updates: readonly Uint8Array[]) {
      doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
      const changes = tracker.step(doc, touched);
      touched.clear();
      return changes;
    },
  };
}

/** Records the updates `edit` makes to `live`, one per transaction. */
function updatesOf(live: Y.Doc, edit: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const keep = (update: Uint8Array) => updates.push(update);
  live.on('update', keep);
  edit();
  live.off('update', keep);
  return updates;
}

function bigPlan(goals: number, perGoal: number): Y.Doc {
  return createDocument('action-plan', {
    title: 'Stor plan',
    goals: Array.from({ length: goals }, (_, g) => ({
      number: String(g + 1),
      title: `Mål ${g + 1}`,
      description: '',
      activities: Array.from({ length: perGoal }, (_, a) => ({ number: `${g + 1}.${a + 1}`, title: `Aktivitet ${a + 1}`, budget: 1_000 })),
    })),
  });
}

describe('history of an action plan: the work a run costs', () => {
  it('a run editing 2 items of a 10 000-item plan flattens at most 3 items, and lists them', () => {
    const live = bigPlan(100, 99); // 100 goals + 9 900 activities
    const shadow = shadowOf(Y.encodeStateAsUpdate(live), createTracker);
    const plan = actionPlanToJSON(live);
    const activity = plan.goals[40]?.activities[7]?.id ?? '';
    const goal = plan.goals[3]?.id ?? '';
    const start = shadow.tracker.flattened;
    const changes = shadow.run(updatesOf(live, () => {
      updateItem(live, 'activities', activity, { budget: 2_500 });
      updateItem(live, 'goals', goal, { title: 'Nytt mål' });
    }));
    expect(shadow.tracker.flattened - start).toBeLessThanOrEqual(3);
    expect(changes.map((c) => [c.collection, c.field, c.before, c.after])).toEqual([
      ['goals', 'title', 'Mål 4', 'Nytt mål'],
      ['activities', 'budget', 1_000, 2_500],
    ]);
  });

  it('adding and removing an item in a 10 000-item plan flattens at most 2 items per run', () => {
    const live = bigPlan(100, 99);
    const shadow = shadowOf(Y.encodeStateAsUpdate(live), createTracker);
    const goal = actionPlanToJSON(live).goals[10]?.id ?? '';
    let start = shadow.tracker.flattened;
    let id = '';
    shadow.run(updatesOf(live, () => (id = addActivity(live, goal, { title: 'Ny', budget: 5 }))));
    expect(shadow.tracker.flattened - start).toBeLessThanOrEqual(2);
    start = shadow.tracker.flattened;
    const removed = shadow.run(updatesOf(live, () => removeItem(live, 'activities', id)));
    expect(shadow.tracker.flattened - start).toBeLessThanOrEqual(2);
    expect(removed.map((c) => [c.op, c.id])).toEqual([['removed', id]]);
  });
});

function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const pick = <T,>(list: readonly T[], next: () => number): T | undefined => list[Math.floor(next() * list.length)];

/** One random edit of `live`, as an editor (or a peer writing raw maps) could make it. */
function randomEdit(live: Y.Doc, next: () => number): void {
  const plan = actionPlanToJSON(live);
  const goals = plan.goals.flatMap((g) => (g.id === null ? [] : [g.id]));
  const activities = plan.goals.flatMap((g) => g.activities.map((a) => a.id));
  const costs = plan.costs.map((c) => c.id);
  const roots = actionPlanRoots(live);
  const goal = pick(goals, next) ?? '';
  const activity = pick(activities, next) ?? '';
  const cost = pick(costs, next) ?? '';
  // Orphans are tidied away now and then, so most runs touch none (those compare whole).
  const orphan = plan.goals.find((g) => g.id === null)?.activities[0]?.id ?? '';
  const tidy = () => removeItem(live, 'activities', orphan);
  const edits: Array<() => void> = [
    () => addGoal(live, { number: String(goals.length + 1), title: `Mål ${Math.floor(next() * 100)}` }),
    () => addActivity(live, goal, { title: `A${Math.floor(next() * 100)}`, budget: Math.floor(next() * 10) * 1_000 }),
    () => addActivity(live, next() < 0.5 ? 'ghost' : 'ghost2', { title: 'Föräldralös', budget: 700 }),
    () => removeItem(live, 'goals', goal),
    () => removeItem(live, 'activities', activity),
    tidy,
    tidy,
    tidy,
    () => updateItem(live, 'activities', activity, { budget: next() < 0.2 ? null : Math.floor(next() * 50) * 100 }),
    () => updateItem(live, 'activities', activity, { title: `T${Math.floor(next() * 1_000)}`, status: pick(['planned', 'ongoing', 'done'], next) }),
    () => updateItem(live, 'activities', activity, { goalId: next() < 0.2 ? 'ghost' : goal }),
    () => moveActivityToGoal(live, activity, goal),
    () => updateItem(live, 'goals', goal, { title: `G${Math.floor(next() * 1_000)}`, number: String(Math.floor(next() * 9)) }),
    () => reorderItem(live, 'goals', goal, next() < 0.5 ? -1 : 1),
    () => reorderItem(live, 'activities', activity, next() < 0.5 ? -1 : 1),
    () => addCost(live, { section: 'Lokal', label: `K${Math.floor(next() * 100)}`, description: '', amount: 300 }),
    () => updateItem(live, 'costs', cost, { amount: Math.floor(next() * 9) * 100, label: next() < 0.3 ? '' : 'Hyra' }),
    () => removeItem(live, 'costs', cost),
    () => reorderItem(live, 'costs', cost, next() < 0.5 ? -1 : 1),
    () => updatePlanBudget(live, { frame: Math.floor(next() * 9) * 10_000 }),
    () => live.transact(() => roots.meta.set('title', `Plan ${Math.floor(next() * 10)}`)),
    () => live.transact(() => (roots.activities.get(activity) as Y.Map<unknown> | undefined)?.delete('budget')),
    () => live.transact(() => roots.goals.set(`raw${Math.floor(next() * 5)}`, next() < 0.7 ? new Y.Map() : 'not a map')),
    () => live.transact(() => roots.activities.set(activity || 'rawActivity', new Y.Map([['goalId', goal], ['order', 'a0']]))),
  ];
  pick(edits, next)?.();
}

describe('history of an action plan: what a run lists', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('lists what comparing the whole plan lists, in its order (seed %i)', (seed) => {
    const next = random(seed);
    const live = bigPlan(4, 3);
    const start = Y.encodeStateAsUpdate(live);
    const touched = shadowOf(start, createTracker);
    const whole = shadowOf(start, (doc) => new WholeTracker(doc));
    for (let run = 0; run < 80; run++) {
      const updates = updatesOf(live, () => {
        const edits = 1 + Math.floor(next() * 4);
        for (let i = 0; i < edits; i++) randomEdit(live, next);
      });
      expect(touched.run(updates), `run ${run}`).toEqual(whole.run(updates));
    }
    // At least a quarter of the runs are derived from what they touched (the others touched an orphan).
    expect((touched.tracker as PlanTracker).wholeSteps).toBeLessThanOrEqual(60);
  });
});
