import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionPlanToJSON, addActivity, addGoal, moveActivity, removeItem, updateItem } from './action-plan.js';
import { createDocument, documentKind, toJSON } from './document.js';
import { migrateDocument, SchemaTooNewError } from './migrations.js';
import { SCHEMA_VERSION } from './kinds.js';
import { orderBetween } from './order.js';

describe('createDocument and toJSON', () => {
  it('writes meta with kind, schemaVersion and title, and text people co-edit as Y.Text', () => {
    const doc = createDocument('action-plan', { title: 'Plan', goals: [{ number: '1', title: 'Mål', description: 'Text', activities: [{ title: 'A' }] }] });
    expect(doc.getMap('meta').toJSON()).toMatchObject({ kind: 'action-plan', schemaVersion: SCHEMA_VERSION, title: 'Plan', currency: 'SEK' });
    const goal = [...doc.getMap<Y.Map<unknown>>('goals').values()][0];
    expect(goal?.get('title')).toBeInstanceOf(Y.Text);
    expect(documentKind(doc)).toBe('action-plan');
    expect(documentKind(new Y.Doc())).toBeNull();
    expect(toJSON(new Y.Doc())).toBeNull();
  });

  it('exports a strategy with goals, indicators and measurements by year', () => {
    const doc = createDocument('strategy', {
      title: 'Strategi',
      vision: 'Fossilfritt 2035',
      focusAreas: [{ title: 'Energi', goals: [{ number: '1', title: 'G', description: '', objectives: ['se-01', 'se-15'], links: ['doc:act'], indicators: [
        { name: 'Utsläpp', unit: 't', direction: 'decrease', baselineYear: 2020, baselineValue: 10, targetYear: 2030, targetValue: 5, measurements: [
          { year: 2023, value: 8, source: 'SCB' }, { year: 2021, value: 9, source: 'SCB' },
        ] },
      ] }] }],
    });
    const json = toJSON(doc);
    expect(json).toMatchObject({ kind: 'strategy', vision: 'Fossilfritt 2035', focusAreas: [{ title: 'Energi', goals: [{ objectives: ['se-01', 'se-15'], links: ['doc:act'] }] }] });
    if (json?.kind !== 'strategy') throw new Error('not a strategy');
    expect(json.focusAreas[0]?.goals[0]?.indicators[0]?.measurements.map((m) => m.year)).toEqual([2021, 2023]);
  });

  it('exports an agenda with meetings ordered by date, items, decisions and actions', () => {
    const doc = createDocument('agenda', {
      title: 'Träffar',
      meetings: [
        { title: 'Höst', date: '2027-09-01', start: '09:00', end: '12:00', location: '', link: '', items: [] },
        { title: 'Vår', date: '2027-03-01', start: '09:00', end: '12:00', location: '', link: '', items: [
          { title: 'Punkt', minutes: 20, decisions: [{ text: 'Beslut' }], actions: [{ text: 'Gör', owner: 'Ola', due: null, done: false }] },
        ] },
      ],
      milestones: [{ title: 'Slutrapport', date: '2027-12-01', done: false }],
    });
    const json = toJSON(doc);
    if (json?.kind !== 'agenda') throw new Error('not an agenda');
    expect(json.meetings.map((m) => m.title)).toEqual(['Vår', 'Höst']);
    expect(json.meetings[0]?.items[0]).toMatchObject({ title: 'Punkt', decisions: [{ text: 'Beslut' }], actions: [{ owner: 'Ola' }] });
    expect(json.milestones).toHaveLength(1);
  });
});

describe('action-plan edits', () => {
  it('moves an activity to another goal with one field write, keeping concurrent edits', () => {
    const a = createDocument('action-plan', { title: 'Plan' });
    const g1 = addGoal(a, { number: '1', title: 'Ett' });
    const g2 = addGoal(a, { number: '2', title: 'Två' });
    const act = addActivity(a, g1, { number: '1.1', title: 'Aktivitet', budget: 100 });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveActivity(a, act, g2, orderBetween(null, null));
    updateItem(b, 'activities', act, { budget: 200, title: 'Aktivitet (ny)' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      const json = actionPlanToJSON(doc);
      expect(json.goals[0]?.activities).toEqual([]);
      expect(json.goals[1]?.activities[0]).toMatchObject({ id: act, budget: 200, title: 'Aktivitet (ny)' });
    }
  });

  it('keeps activities of a deleted goal, exported under a goal with id null', () => {
    const doc = createDocument('action-plan', { title: 'Plan' });
    const goal = addGoal(doc, { number: '1', title: 'Ett' });
    addActivity(doc, goal, { title: 'Kvar' });
    removeItem(doc, 'goals', goal);
    expect(actionPlanToJSON(doc).goals).toEqual([expect.objectContaining({ id: null, activities: [expect.objectContaining({ title: 'Kvar' })] })]);
  });

  it('orders equal keys from concurrent inserts by id, the same on every peer', () => {
    const a = createDocument('action-plan', { title: 'Plan' });
    const goal = addGoal(a, { number: '1', title: 'Ett' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addActivity(a, goal, { title: 'från A' });
    addActivity(b, goal, { title: 'från B' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(actionPlanToJSON(a)).toEqual(actionPlanToJSON(b));
  });
});

describe('migrations', () => {
  it('lifts an old document step by step and records the new version', () => {
    const doc = createDocument('agenda', { title: 'Träffar' });
    doc.getMap('meta').set('schemaVersion', 1);
    const from = migrateDocument(doc, {
      target: 3,
      migrations: {
        1: (d) => d.getMap('meta').set('network', 'lagt till i v2'),
        2: (d) => d.getMap('meta').set('title', `${String(d.getMap('meta').get('title'))} (v3)`),
      },
    });
    expect(from).toBe(1);
    expect(doc.getMap('meta').toJSON()).toMatchObject({ schemaVersion: 3, network: 'lagt till i v2', title: 'Träffar (v3)' });
  });

  it('leaves a current document alone and refuses one newer than this software', () => {
    const doc = createDocument('agenda', { title: 'Träffar' });
    expect(migrateDocument(doc)).toBe(SCHEMA_VERSION);
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    expect(() => migrateDocument(doc)).toThrow(SchemaTooNewError);
    expect(migrateDocument(new Y.Doc())).toBeNull();
  });
});

describe('reordering', () => {
  it('moves an activity up and down among the activities of its goal only', async () => {
    const { reorderItem, moveActivityToGoal, nextActivityNumber } = await import('./action-plan.js');
    const doc = createDocument('action-plan', { title: 'Plan' });
    const g1 = addGoal(doc, { number: '1', title: 'Ett' });
    const g2 = addGoal(doc, { number: '2', title: 'Två' });
    const [a, b, c] = ['A', 'B', 'C'].map((title) => addActivity(doc, g1, { title }));
    addActivity(doc, g2, { title: 'D' });
    const titles = () => actionPlanToJSON(doc).goals.map((g) => g.activities.map((x) => x.title).join(''));
    reorderItem(doc, 'activities', c ?? '', -1);
    expect(titles()).toEqual(['ACB', 'D']);
    reorderItem(doc, 'activities', a ?? '', 1);
    expect(titles()).toEqual(['CAB', 'D']);
    reorderItem(doc, 'activities', c ?? '', -1);
    expect(titles()).toEqual(['CAB', 'D']);
    moveActivityToGoal(doc, b ?? '', g2);
    expect(titles()).toEqual(['CA', 'DB']);
    reorderItem(doc, 'goals', g2, -1);
    expect(titles()).toEqual(['DB', 'CA']);
    expect(nextActivityNumber({ number: '1', activities: actionPlanToJSON(doc).goals[1]?.activities.map((x, i) => ({ ...x, number: `1.${i + 1}` })) ?? [] })).toBe('1.3');
  });
});
