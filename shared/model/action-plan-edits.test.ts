import { describe, expect, it } from 'vitest';
import { actionPlanToJSON, addActivity, addCost, addGoal, moveActivityToGoal, removeItem, updateItem } from './action-plan.js';
import { createDocument } from './document.js';

/** The plan's edits go through collections.ts; these pin what they wrote when they had their own copy. */
describe('action-plan edits through the shared collection edits', () => {
  const plan = () =>
    createDocument('action-plan', {
      title: 'Plan',
      goals: [{ id: 'g1', number: '1', title: 'Mål', description: '', activities: [{ id: 'a1', title: 'Första' }] }],
      costs: [
        { id: 'c1', section: 'Personal', label: 'Lön', description: '', amount: 10 },
        { id: 'c2', section: 'Resor', label: 'Tåg', description: '', amount: 5 },
      ],
    });

  it('a new activity gets the same defaults as one the plan was created with, last in its goal', () => {
    const doc = plan();
    const id = addActivity(doc, 'g1', { title: 'Andra' });
    const [goal] = actionPlanToJSON(doc).goals;
    const created = goal?.activities[0];
    const added = goal?.activities[1];
    expect(added?.id).toBe(id);
    expect({ ...added, id: 'x', title: 'x' }).toEqual({ ...created, id: 'x', title: 'x' });
  });

  it('a new goal is last, with an empty description and no priority', () => {
    const doc = plan();
    const id = addGoal(doc, { number: '2', title: 'Nytt' });
    expect(actionPlanToJSON(doc).goals.at(-1)).toEqual({ id, number: '2', title: 'Nytt', description: '', priority: null, activities: [] });
  });

  it.each([['Personal'], ['Resor'], ['Ny sektion']])('a new cost line in section %s comes after every line', (section) => {
    const doc = plan();
    const id = addCost(doc, { section, label: 'Ny', description: '', amount: 1 }, 'me');
    expect(actionPlanToJSON(doc).costs.map((c) => c.id)).toEqual(['c1', 'c2', id]);
  });

  it('moving an activity to another goal puts it last there; update and remove reach every collection', () => {
    const doc = plan();
    const g2 = addGoal(doc, { number: '2', title: 'Två' });
    const a2 = addActivity(doc, g2, { title: 'I två' });
    moveActivityToGoal(doc, 'a1', g2);
    expect(actionPlanToJSON(doc).goals[1]?.activities.map((a) => a.id)).toEqual([a2, 'a1']);
    updateItem(doc, 'goals', g2, { title: 'Två!' });
    updateItem(doc, 'costs', 'c1', { amount: 11 });
    removeItem(doc, 'activities', a2);
    const json = actionPlanToJSON(doc);
    expect(json.goals[1]?.title).toBe('Två!');
    expect(json.costs[0]?.amount).toBe(11);
    expect(json.goals[1]?.activities.map((a) => a.id)).toEqual(['a1']);
  });
});
