import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionPlanRoots, actionPlanToJSON } from './model/action-plan.js';
import { createDocument } from './model/document.js';
import { applyNumberChanges, goalsToRenumber, renumberPlan, type NumberedPlan } from './numbering.js';

type Goal = NumberedPlan['goals'][number];

/** A goal `[id, number]` with activities `[id, number]`, in that order; `id: null` holds orphans. */
function goal(id: string | null, number: string, activities: Array<[string, string]>): Goal {
  return { id, number, activities: activities.map(([activityId, activityNumber]) => ({ id: activityId, number: activityNumber })) };
}

/** The changes as `id: from → to`, compact for the table. */
const changesOf = (goals: Goal[]) => renumberPlan({ goals }).map((c) => `${c.id}: ${c.from} → ${c.to}`);

describe('renumberPlan', () => {
  const cases: Array<{ name: string; goals: Goal[]; expected: string[] }> = [
    {
      name: 'a consistent plan (the demo, with its sub-row 1.2.1) changes nothing',
      goals: [goal('g1', '1', [['a', '1.1'], ['b', '1.2'], ['c', '1.2.1']]), goal('g2', '2', [['d', '2.1'], ['e', '2.2']])],
      expected: [],
    },
    {
      name: 'an activity moved to Mål 3 takes the next number there (2.3 under Mål 3)',
      goals: [goal('g1', '1', [['a', '1.1']]), goal('g2', '2', [['b', '2.1']]), goal('g3', '3', [['c', '3.1'], ['d', '3.2'], ['e', '2.3']])],
      expected: ['e: 2.3 → 3.3'],
    },
    {
      name: 'two concurrent adds that both took 2.4: the later one in order becomes 2.5',
      goals: [goal('g1', '1', []), goal('g2', '2', [['a', '2.1'], ['b', '2.2'], ['c', '2.3'], ['x', '2.4'], ['y', '2.4']])],
      expected: ['y: 2.4 → 2.5'],
    },
    {
      name: 'a row moved up within its goal: numbers follow the order',
      goals: [goal('g1', '1', [['c', '1.3'], ['a', '1.1'], ['b', '1.2']])],
      expected: ['c: 1.3 → 1.1', 'a: 1.1 → 1.2', 'b: 1.2 → 1.3'],
    },
    {
      name: 'a deleted goal in the middle: the goals after it close the gap, their activities follow',
      goals: [goal('g1', '1', [['a', '1.1']]), goal('g3', '3', [['b', '3.1'], ['c', '3.1.1']])],
      expected: ['g3: 3 → 2', 'b: 3.1 → 2.1', 'c: 3.1.1 → 2.1.1'],
    },
    {
      name: 'goals moved: numbered by order',
      goals: [goal('g2', '2', [['b', '2.1']]), goal('g1', '1', [['a', '1.1']])],
      expected: ['g2: 2 → 1', 'b: 2.1 → 1.1', 'g1: 1 → 2', 'a: 1.1 → 2.1'],
    },
    {
      name: 'a sub-row first in its goal has no parent: it becomes a top row',
      goals: [goal('g1', '1', [['c', '1.2.1'], ['a', '1.1']])],
      expected: ['c: 1.2.1 → 1.1', 'a: 1.1 → 1.2'],
    },
    {
      name: 'a row and its sub-row moved together keep their nesting',
      goals: [goal('g3', '1', [['a', '1.1'], ['b', '2.3'], ['c', '2.3.1'], ['d', '1.2']])],
      expected: ['b: 2.3 → 1.2', 'c: 2.3.1 → 1.2.1', 'd: 1.2 → 1.3'],
    },
    {
      name: 'empty and free-form numbers count as top rows',
      goals: [goal('g1', '', [['a', ''], ['b', 'A'], ['c', '7']])],
      expected: ['g1:  → 1', 'a:  → 1.1', 'b: A → 1.2', 'c: 7 → 1.3'],
    },
    {
      name: 'orphans ("Utan mål") are left alone, whatever their numbers',
      goals: [goal('g1', '1', [['a', '1.1']]), goal(null, '', [['o1', '9.9'], ['o2', '9.9'], ['o3', '']])],
      expected: [],
    },
  ];
  for (const { name, goals, expected } of cases) {
    it(name, () => expect(changesOf(goals)).toEqual(expected));
  }

  it('is a fixed point: random plans, once renumbered, need nothing more and hold no duplicate', () => {
    let seed = 17;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    const pieces = ['', '1', '2', '2.4', '3.1.2', 'A', '1.1.1.1', '9'];
    for (let round = 0; round < 200; round++) {
      const goals = Array.from({ length: 1 + random(5) }, (_, g) =>
        goal(`g${g}`, pieces[random(pieces.length)] ?? '', Array.from({ length: random(6) }, (_, a): [string, string] => [`a${g}-${a}`, pieces[random(pieces.length)] ?? ''])),
      );
      const changes = renumberPlan({ goals });
      const renumbered = goals.map((g) => ({
        ...g,
        number: changes.find((c) => c.id === g.id)?.to ?? g.number,
        activities: g.activities.map((a) => ({ ...a, number: changes.find((c) => c.id === a.id)?.to ?? a.number })),
      }));
      expect(renumberPlan({ goals: renumbered })).toEqual([]);
      const numbers = renumbered.flatMap((g) => g.activities.map((a) => a.number));
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(changes.every((c) => c.from !== c.to)).toBe(true);
    }
  });
});

describe('goalsToRenumber', () => {
  const cases: Array<{ name: string; goals: Goal[]; expected: string[] }> = [
    { name: 'a consistent plan: none', goals: [goal('g1', '1', [['a', '1.1']]), goal('g2', '2', [['b', '2.1']])], expected: [] },
    { name: '↑ within Mål 2: only Mål 2', goals: [goal('g1', '1', [['a', '1.1']]), goal('g2', '2', [['b', '2.1'], ['d', '2.3'], ['c', '2.2']])], expected: ['g2'] },
    {
      name: 'moved to Mål 3 (2.3 under Mål 3): only Mål 3, Mål 2 is still in order',
      goals: [goal('g1', '1', []), goal('g2', '2', [['b', '2.1']]), goal('g3', '3', [['c', '3.1'], ['e', '2.3']])],
      expected: ['g3'],
    },
    { name: 'goals swapped: both goals', goals: [goal('g2', '2', [['b', '2.1']]), goal('g1', '1', [])], expected: ['g2', 'g1'] },
    { name: 'orphans never', goals: [goal('g1', '1', []), goal(null, '', [['o', '7.7']])], expected: [] },
  ];
  for (const { name, goals, expected } of cases) {
    it(name, () => expect([...goalsToRenumber({ goals }, renumberPlan({ goals }))]).toEqual(expected));
  }

  it('names exactly the goals that hold a changed number, on random plans', () => {
    let seed = 29;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    const pieces = ['', '1', '2', '2.4', '3.1.2', 'A'];
    for (let round = 0; round < 200; round++) {
      const goals = Array.from({ length: 1 + random(4) }, (_, g) => goal(random(5) === 0 ? null : `g${g}`, pieces[random(pieces.length)] ?? '', Array.from({ length: random(4) }, (_, a): [string, string] => [`a${g}-${a}`, pieces[random(pieces.length)] ?? ''])));
      const changes = renumberPlan({ goals });
      const changed = new Set(changes.map((c) => c.id));
      const expected = goals.filter((g) => g.id !== null && (changed.has(g.id) || g.activities.some((a) => changed.has(a.id)))).map((g) => g.id);
      expect([...goalsToRenumber({ goals }, changes)].sort()).toEqual([...new Set(expected)].sort());
    }
  });
});

describe('applyNumberChanges', () => {
  function messyPlan(): Y.Doc {
    return createDocument('action-plan', {
      title: 'Plan',
      goals: [
        { id: 'g1', number: '1', title: 'Ett', description: '', activities: [{ id: 'a', number: '1.1', title: 'A' }, { id: 'b', number: '1.1', title: 'B' }] },
        { id: 'g3', number: '3', title: 'Tre', description: '', activities: [{ id: 'c', number: '1.3', title: 'C' }] },
      ],
    });
  }

  it('writes every change in one transaction, only the number fields that change, and undoes as one step', () => {
    const doc = messyPlan();
    const before = actionPlanToJSON(doc);
    const changes = renumberPlan(before);
    expect(changes.map((c) => `${c.id}→${c.to}`)).toEqual(['b→1.2', 'g3→2', 'c→2.1']);
    const origin = { local: true };
    const undo = new Y.UndoManager([actionPlanRoots(doc).goals, actionPlanRoots(doc).activities], { trackedOrigins: new Set([origin]) });
    const written: string[] = [];
    let transactions = 0;
    doc.on('afterTransaction', () => (transactions += 1));
    actionPlanRoots(doc).goals.observeDeep((events) => (events as Array<Y.YMapEvent<unknown>>).forEach((e) => e.keysChanged.forEach((k) => written.push(`goals:${k}`))));
    actionPlanRoots(doc).activities.observeDeep((events) => (events as Array<Y.YMapEvent<unknown>>).forEach((e) => e.keysChanged.forEach((k) => written.push(`activities:${k}`))));

    applyNumberChanges(doc, changes, origin);
    expect(transactions).toBe(1);
    expect(written.sort()).toEqual(['activities:number', 'activities:number', 'goals:number']);
    expect(renumberPlan(actionPlanToJSON(doc))).toEqual([]);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(actionPlanToJSON(doc)).toEqual(before);
  });

  it('skips a field already at its new number and an item deleted meanwhile', () => {
    const doc = messyPlan();
    const changes = renumberPlan(actionPlanToJSON(doc));
    actionPlanRoots(doc).activities.delete('c');
    (actionPlanRoots(doc).goals.get('g3') as Y.Map<unknown>).set('number', '2');
    const written: string[] = [];
    actionPlanRoots(doc).goals.observeDeep((events) => (events as Array<Y.YMapEvent<unknown>>).forEach((e) => e.keysChanged.forEach((k) => written.push(`goals:${k}`))));
    actionPlanRoots(doc).activities.observeDeep((events) => (events as Array<Y.YMapEvent<unknown>>).forEach((e) => e.keysChanged.forEach((k) => written.push(`activities:${k}`))));
    applyNumberChanges(doc, changes);
    expect(written).toEqual(['activities:number']);
    expect(actionPlanRoots(doc).activities.has('c')).toBe(false);
  });
});
