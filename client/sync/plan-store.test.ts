/**
 * Big plans stay fast because a change does work proportional to itself (issue 17 item 14).
 * These tests count recomputations: a regression that rebuilds or re-renders every row on a
 * keystroke fails here, not only in the browser bench.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createComputed, createRoot } from 'solid-js';
import * as Y from 'yjs';
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
import { BIG_PLAN_ACTIVITIES, createActionPlanView, type ValidationScheduler } from './action-plan-view.js';
import { createPlanStore } from './plan-store.js';

// Counts the store's reads of the document: whole-plan reads and single-activity reads.
const reads = vi.hoisted(() => ({ whole: 0, activity: 0 }));
vi.mock('../../shared/model/action-plan.js', async (original) => {
  const real = await original<typeof import('../../shared/model/action-plan.js')>();
  return {
    ...real,
    actionPlanToJSON: (...args: Parameters<typeof real.actionPlanToJSON>) => (reads.whole++, real.actionPlanToJSON(...args)),
    activityToJSON: (...args: Parameters<typeof real.activityToJSON>) => (reads.activity++, real.activityToJSON(...args)),
  };
});
beforeEach(() => Object.assign(reads, { whole: 0, activity: 0 }));

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const REMOTE = { remote: true };

/** 3 goals × 4 activities, every activity complete (no issues). */
function bigPlan(): Y.Doc {
  return createDocument('action-plan', {
    title: 'Plan',
    budget: { frame: 1_000_000 },
    goals: [1, 2, 3].map((g) => ({
      id: `g${g}`,
      number: String(g),
      title: `Mål ${g}`,
      description: 'Beskrivning',
      activities: [1, 2, 3, 4].map((a) => ({ id: `a${g}${a}`, number: `${g}.${a}`, title: `Aktivitet ${g}.${a}`, description: 'Text', budget: 100, responsible: 'Kommunen' })),
    })),
  });
}

function text(doc: Y.Doc, id: string, field: string): Y.Text {
  const value = (actionPlanRoots(doc).activities.get(id) as Y.Map<unknown>).get(field);
  if (!(value instanceof Y.Text)) throw new Error(`${id}.${field} is not a text`);
  return value;
}

/**
 * Runs `body` with a counter per activity of how often a reader of all its fields re-ran,
 * and how often the store read the whole plan or one activity from the document for it.
 */
async function countRowRuns(doc: Y.Doc, body: () => void): Promise<{ runs: Record<string, number>; whole: number; activity: number }> {
  const runs: Record<string, number> = {};
  let counted = { whole: 0, activity: 0 };
  await createRoot(async (dispose) => {
    const plan = createPlanStore(doc);
    for (const goal of plan.goals)
      for (const activity of goal.activities) {
        const id = activity.id;
        createComputed(() => {
          JSON.stringify(activity);
          runs[id] = (runs[id] ?? -1) + 1;
        });
      }
    Object.assign(reads, { whole: 0, activity: 0 });
    body();
    await tick();
    counted = { ...reads };
    expect(JSON.parse(JSON.stringify(plan))).toEqual(actionPlanToJSON(doc));
    dispose();
  });
  return { runs, ...counted };
}

describe('createPlanStore: a change inside one activity touches that activity alone', () => {
  const itemEdits: Array<[string, (doc: Y.Doc) => void]> = [
    ['a keystroke in its title', (doc) => text(doc, 'a22', 'title').insert(3, 'x')],
    ['a keystroke in its description', (doc) => text(doc, 'a22', 'description').insert(0, 'y')],
    ['a deletion in its description', (doc) => text(doc, 'a22', 'description').delete(0, 2)],
    ['its budget', (doc) => updateItem(doc, 'activities', 'a22', { budget: 250 })],
    ['its responsible', (doc) => updateItem(doc, 'activities', 'a22', { responsible: 'Regionen' })],
    ['its status and progress', (doc) => updateItem(doc, 'activities', 'a22', { status: 'done', progress: 100 })],
    ['its dates', (doc) => updateItem(doc, 'activities', 'a22', { start: '2027-01-01', end: '2027-06-30' })],
    ['a remote keystroke', (doc) => doc.transact(() => text(doc, 'a22', 'title').insert(0, 'z'), REMOTE)],
  ];
  it.each(itemEdits)('%s re-reads and re-runs only that row', async (_, edit) => {
    const doc = bigPlan();
    const { runs, whole, activity } = await countRowRuns(doc, () => edit(doc));
    expect(Object.entries(runs).filter(([, n]) => n > 0)).toEqual([['a22', 1]]);
    expect({ whole, activity }).toEqual({ whole: 0, activity: 1 });
  });

  it('a burst of keystrokes in one task is one read of that activity', async () => {
    const doc = bigPlan();
    const { whole, activity } = await countRowRuns(doc, () => [0, 1, 2].forEach((i) => text(doc, 'a22', 'title').insert(i, 'x')));
    expect({ whole, activity }).toEqual({ whole: 0, activity: 1 });
  });

  it('a reader of the whole plan sees one transaction over several activities as one change, never half of it', async () => {
    const doc = bigPlan();
    const seen: string[][] = [];
    await createRoot(async (dispose) => {
      const plan = createPlanStore(doc);
      createComputed(() => seen.push(plan.goals.flatMap((goal) => goal.activities.map((activity) => activity.number))));
      // As "Numrera om" writes: several activities' numbers in one transaction.
      doc.transact(() => ['a11', 'a12', 'a13'].forEach((id, i) => updateItem(doc, 'activities', id, { number: `9.${i}` })));
      await tick();
      dispose();
    });
    expect(seen.map((numbers) => numbers.slice(0, 3))).toEqual([
      ['1.1', '1.2', '1.3'],
      ['9.0', '9.1', '9.2'],
    ]);
  });

  const shapeEdits: Array<[string, (doc: Y.Doc) => void]> = [
    ['moving an activity to another goal', (doc) => moveActivityToGoal(doc, 'a22', 'g3')],
    ['reordering activities', (doc) => reorderItem(doc, 'activities', 'a22', -1)],
    ['adding an activity', (doc) => void addActivity(doc, 'g1', { title: 'Ny' })],
    ['removing an activity', (doc) => removeItem(doc, 'activities', 'a22')],
    ['adding a goal', (doc) => void addGoal(doc, { number: '4', title: 'Fyra' })],
    ['removing a goal (its activities become orphans)', (doc) => removeItem(doc, 'goals', 'g2')],
    ['reordering goals', (doc) => reorderItem(doc, 'goals', 'g2', -1)],
    ['an item edit and a move in one transaction', (doc) => doc.transact(() => (text(doc, 'a11', 'title').insert(0, 'q'), moveActivityToGoal(doc, 'a22', 'g1')))],
  ];
  it.each(shapeEdits)('%s reads the whole plan once and gives what actionPlanToJSON gives', async (_, edit) => {
    const doc = bigPlan();
    const { whole } = await countRowRuns(doc, () => edit(doc));
    expect(whole).toBe(1);
  });
});

describe('createActionPlanView: totals, issues and highlights', () => {
  /** A scheduler the test runs by hand: validation must not run on the keystroke itself. */
  function manual() {
    const queued: Array<{ run: () => void; expensive: boolean }> = [];
    const schedule: ValidationScheduler = (run, expensive) => {
      const entry = { run, expensive };
      queued.push(entry);
      return () => queued.splice(queued.indexOf(entry), 1);
    };
    const flush = () => queued.splice(0).forEach((entry) => entry.run());
    return { schedule, queued, flush };
  }

  it('recomputes totals only for amounts, validates after the change, re-renders only the fields whose issues changed', async () => {
    const doc = bigPlan();
    const scheduler = manual();
    await createRoot(async (dispose) => {
      const view = createActionPlanView(doc, { today: () => '2027-01-01', locale: () => 'sv', isRemote: (origin) => origin === REMOTE, schedule: scheduler.schedule });
      let totalsRuns = 0;
      createComputed(() => (view.totals(), totalsRuns++));
      const fieldRuns: Record<string, number> = {};
      for (const key of ['activities:a22:budget', 'activities:a31:budget', 'meta:title']) {
        createComputed(() => {
          view.issuesByField().get(key);
          fieldRuns[key] = (fieldRuns[key] ?? -1) + 1;
        });
      }
      const highlighted: Record<string, number> = {};
      for (const id of ['a22', 'a31']) createComputed(() => (view.recentlyChanged().has(id), (highlighted[id] = (highlighted[id] ?? -1) + 1)));

      text(doc, 'a22', 'description').insert(0, 'x');
      await tick();
      expect(totalsRuns).toBe(1);
      expect(scheduler.queued).toHaveLength(1);

      updateItem(doc, 'activities', 'a22', { budget: null });
      await tick();
      expect(totalsRuns).toBe(2);
      expect(view.totals().activities).toBe(1_100);
      // Nothing is validated until the scheduler runs it, and only one run is pending.
      expect(view.issues()).toEqual([]);
      expect(scheduler.queued).toHaveLength(1);
      scheduler.flush();
      expect(view.issues().map((i) => i.code)).toEqual(['budget.missing']);
      expect(fieldRuns).toEqual({ 'activities:a22:budget': 1, 'activities:a31:budget': 0, 'meta:title': 0 });
      expect(view.issuesByField().get('activities:a22:budget')?.map((i) => i.code)).toEqual(['budget.missing']);

      doc.transact(() => text(doc, 'a22', 'title').insert(0, 'z'), REMOTE);
      expect(view.recentlyChanged().has('a22')).toBe(true);
      expect(highlighted).toEqual({ a22: 1, a31: 0 });
      dispose();
    });
  });

  it('defers validation to a pause in typing only in plans of over BIG_PLAN_ACTIVITIES activities', async () => {
    const doc = bigPlan();
    const scheduler = manual();
    await createRoot(async (dispose) => {
      createActionPlanView(doc, { today: () => '2027-01-01', locale: () => 'sv', isRemote: () => false, schedule: scheduler.schedule });
      updateItem(doc, 'activities', 'a11', { budget: 1 });
      await tick();
      expect(scheduler.queued.map((q) => q.expensive)).toEqual([false]);
      scheduler.flush();
      doc.transact(() => Array.from({ length: BIG_PLAN_ACTIVITIES }, (_, i) => addActivity(doc, 'g1', { title: `Ny ${i}` })));
      await tick();
      // 12 activities: right after the paint; 112: when typing pauses.
      expect(scheduler.queued.map((q) => q.expensive)).toEqual([true]);
      dispose();
    });
  });
});

describe('createPlanStore: goal, cost and plan-field edits read no activity', () => {
  /** Runs `edit` with readers on every goal's own fields, every cost line and the plan's fields; counts reads and re-runs. */
  async function countPartRuns(doc: Y.Doc, edit: () => void) {
    const runs: Record<string, number> = {};
    const count = (key: string, read: () => unknown) =>
      createComputed(() => {
        read();
        runs[key] = (runs[key] ?? -1) + 1;
      });
    let counted = { whole: 0, activity: 0 };
    await createRoot(async (dispose) => {
      const plan = createPlanStore(doc);
      plan.goals.forEach((goal) => count(`goal:${goal.id}`, () => [goal.number, goal.title, goal.description, goal.priority]));
      plan.costs.forEach((cost) => count(`cost:${cost.id}`, () => JSON.stringify(cost)));
      count('costs', () => plan.costs.length);
      count('meta', () => [plan.title, plan.subtitle, plan.currency, plan.periodStart, plan.periodEnd]);
      count('budget', () => JSON.stringify(plan.budget));
      const activityRuns: Record<string, number> = {};
      plan.goals.forEach((goal) => goal.activities.forEach((activity) => createComputed(() => (JSON.stringify(activity), (activityRuns[activity.id] = (activityRuns[activity.id] ?? -1) + 1)))));
      Object.assign(reads, { whole: 0, activity: 0 });
      edit();
      await tick();
      counted = { ...reads };
      expect(JSON.parse(JSON.stringify(plan))).toEqual(actionPlanToJSON(doc));
      runs.activities = Object.values(activityRuns).reduce((sum, n) => sum + n, 0);
      dispose();
    });
    return { changed: Object.keys(runs).filter((key) => (runs[key] ?? 0) > 0).sort(), ...counted };
  }

  function withCosts(): Y.Doc {
    const doc = bigPlan();
    doc.transact(() => ['c1', 'c2', 'c3'].forEach((label, i) => actionPlanRoots(doc).costs.size < 3 && addCost(doc, { section: 'Projektledning', label, description: '', amount: 10 * (i + 1) })));
    return doc;
  }
  // Read from the maps, not through actionPlanToJSON: that would count as a whole read.
  const costId = (doc: Y.Doc, label: string) => [...actionPlanRoots(doc).costs.entries()].find(([, map]) => (map as Y.Map<unknown>).get('label') === label)?.[0] ?? '';
  const goalText = (doc: Y.Doc, id: string, field: 'title' | 'description') => {
    const value = (actionPlanRoots(doc).goals.get(id) as Y.Map<unknown>).get(field);
    if (!(value instanceof Y.Text)) throw new Error(`${id}.${field} is not a text`);
    return value;
  };

  const edits: Array<{ name: string; edit: (doc: Y.Doc) => void; changed: (doc: Y.Doc) => string[] }> = [
    { name: 'a keystroke in a goal title', edit: (doc) => goalText(doc, 'g2', 'title').insert(0, 'x'), changed: () => ['goal:g2'] },
    { name: 'a remote keystroke in a goal description', edit: (doc) => doc.transact(() => goalText(doc, 'g3', 'description').insert(0, 'y'), REMOTE), changed: () => ['goal:g3'] },
    { name: 'a goal number', edit: (doc) => updateItem(doc, 'goals', 'g1', { number: '9' }), changed: () => ['goal:g1'] },
    { name: 'a goal priority', edit: (doc) => updateItem(doc, 'goals', 'g1', { priority: 1 }), changed: () => ['goal:g1'] },
    { name: 'a cost amount', edit: (doc) => updateItem(doc, 'costs', costId(doc, 'c2'), { amount: 99 }), changed: (doc) => [`cost:${costId(doc, 'c2')}`] },
    { name: 'a cost label', edit: (doc) => updateItem(doc, 'costs', costId(doc, 'c1'), { label: 'Ny' }), changed: (doc) => [`cost:${costId(doc, 'Ny')}`] },
    { name: 'adding a cost line', edit: (doc) => void addCost(doc, { section: 'Resor', label: 'R', description: '', amount: 5 }), changed: () => ['costs'] },
    { name: 'removing a cost line', edit: (doc) => removeItem(doc, 'costs', costId(doc, 'c3')), changed: () => ['costs'] },
    { name: 'the plan title', edit: (doc) => doc.transact(() => actionPlanRoots(doc).meta.set('title', 'Ny titel')), changed: () => ['meta'] },
    { name: 'the plan period', edit: (doc) => doc.transact(() => (actionPlanRoots(doc).meta.set('periodStart', '2027-01-01'), actionPlanRoots(doc).meta.set('periodEnd', '2028-12-31'))), changed: () => ['meta'] },
    { name: 'the currency', edit: (doc) => doc.transact(() => actionPlanRoots(doc).meta.set('currency', 'EUR')), changed: () => ['meta'] },
    { name: 'the budget frame', edit: (doc) => updatePlanBudget(doc, { frame: 5 }), changed: () => ['budget'] },
    { name: 'a goal title and a cost in one transaction', edit: (doc) => doc.transact(() => (goalText(doc, 'g1', 'title').insert(0, 'z'), updateItem(doc, 'costs', costId(doc, 'c1'), { amount: 1 }))), changed: (doc) => [`cost:${costId(doc, 'c1')}`, 'goal:g1'] },
  ];
  it.each(edits)('$name reads no activity and re-runs only its own readers', async ({ edit, changed }) => {
    const doc = withCosts();
    const result = await countPartRuns(doc, () => edit(doc));
    expect(result).toEqual({ changed: changed(doc).sort(), whole: 0, activity: 0 });
  });
});
