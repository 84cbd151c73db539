/**
 * Issue 17 item 14: a whole-document view (`createDocView`) re-reads only after a change its
 * reader can see. The facilitation layer's item list (every goal and activity, their
 * numbers and titles) was read whole on every keystroke — 2 000 activities at a time.
 * The class: for any edit, when the relevance test says "not relevant", the reader's
 * result is unchanged; and a keystroke in a description or a budget is not relevant.
 */
import { describe, expect, it } from 'vitest';
import { createRoot } from 'solid-js';
import * as Y from 'yjs';
import {
  actionPlanRoots,
  addActivity,
  addGoal,
  moveActivityToGoal,
  removeItem,
  reorderItem,
  updateItem,
  updatePlanBudget,
} from '../../shared/model/action-plan.js';
import { createDocument } from '../../shared/model/document.js';
import { importPlanTable } from '../../shared/table/import.js';
import SAMPLE from '../../shared/samples/handlingsplan-smaland.tsv?raw';
import { sessionItems, sessionItemsRelevance, sourcedActivities, sourcedActivitiesRelevant } from '../components/facilitation/items.js';
import { createDocView } from './y-solid.js';

const relevant = sessionItemsRelevance('action-plan');
const plan = () => createDocument('action-plan', importPlanTable(SAMPLE).plan);
const first = (doc: Y.Doc, root: 'goals' | 'activities') => [...actionPlanRoots(doc)[root].keys()][0] ?? '';

/** Types into a text field of an item, as the editor does (one transaction). */
function type(doc: Y.Doc, root: 'goals' | 'activities', field: string): void {
  const text = actionPlanRoots(doc)[root].get(first(doc, root));
  const target = text instanceof Y.Map ? text.get(field) : null;
  if (target instanceof Y.Text) doc.transact(() => target.insert(target.length, 'x'));
}

/** The relevance verdict on the one transaction `edit` makes. */
function verdict(doc: Y.Doc, edit: (doc: Y.Doc) => void): boolean {
  let seen: boolean | null = null;
  const listen = (_u: Uint8Array, _o: unknown, _d: Y.Doc, transaction: Y.Transaction) => void (seen = (seen ?? false) || relevant(transaction));
  doc.on('update', listen);
  edit(doc);
  doc.off('update', listen);
  if (seen === null) throw new Error('the edit changed nothing');
  return seen;
}

describe('sessionItemsRelevance for a plan', () => {
  it.each<[string, (doc: Y.Doc) => void, boolean]>([
    ['keystroke in an activity description', (doc) => type(doc, 'activities', 'description'), false],
    ['keystroke in a goal description', (doc) => type(doc, 'goals', 'description'), false],
    ['budget', (doc) => updateItem(doc, 'activities', first(doc, 'activities'), { budget: 123 }), false],
    ['responsible', (doc) => updateItem(doc, 'activities', first(doc, 'activities'), { responsible: 'Någon annan' }), false],
    ['dates', (doc) => updateItem(doc, 'activities', first(doc, 'activities'), { start: '2027-02-01' }), false],
    ['status', (doc) => updateItem(doc, 'activities', first(doc, 'activities'), { status: 'done' }), false],
    ['keystroke in an activity title', (doc) => type(doc, 'activities', 'title'), true],
    ['keystroke in a goal title', (doc) => type(doc, 'goals', 'title'), true],
    ['activity number', (doc) => updateItem(doc, 'activities', first(doc, 'activities'), { number: '9.9' }), true],
    ['priority', (doc) => updateItem(doc, 'goals', first(doc, 'goals'), { priority: 1 }), true],
    ['reorder', (doc) => reorderItem(doc, 'activities', first(doc, 'activities'), 1), true],
    ['add an activity', (doc) => void addActivity(doc, first(doc, 'goals'), { title: '', number: '1.9' }), true],
    ['add a goal', (doc) => void addGoal(doc, { number: '9', title: '' }), true],
    ['remove an activity', (doc) => removeItem(doc, 'activities', first(doc, 'activities')), true],
    ['budget frame (a root)', (doc) => updatePlanBudget(doc, { frame: 1000 }), true],
  ])('%s → %s', (_name, edit, expected) => {
    expect(verdict(plan(), edit)).toBe(expected);
  });

  it('for any edit it calls irrelevant, the items read before and after are equal', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), Math.floor((seed / 2 ** 31) * n));
    const doc = plan();
    const pick = (root: 'goals' | 'activities') => {
      const keys = [...actionPlanRoots(doc)[root].keys()];
      return keys[rnd(keys.length)] ?? '';
    };
    const edits: Array<() => void> = [
      () => type(doc, 'activities', rnd(2) === 0 ? 'title' : 'description'),
      () => updateItem(doc, 'activities', pick('activities'), { budget: rnd(1000), responsible: `R${rnd(3)}` }),
      () => updateItem(doc, 'activities', pick('activities'), { number: `${rnd(9)}.${rnd(9)}` }),
      () => updateItem(doc, 'goals', pick('goals'), { title: `Mål ${rnd(5)}` }),
      () => moveActivityToGoal(doc, pick('activities'), pick('goals')),
      () => reorderItem(doc, 'activities', pick('activities'), rnd(2) === 0 ? -1 : 1),
      () => void addActivity(doc, pick('goals'), { title: 'Ny', number: '' }),
      () => removeItem(doc, 'activities', pick('activities')),
      () => updateItem(doc, 'activities', pick('activities'), { status: 'done', start: '2027-03-01' }),
    ];
    let irrelevant = 0;
    for (let step = 0; step < 400; step++) {
      const before = JSON.stringify(sessionItems('action-plan', doc));
      let said: boolean | null = null;
      const listen = (_u: Uint8Array, _o: unknown, _d: Y.Doc, transaction: Y.Transaction) => void (said = (said ?? false) || relevant(transaction));
      doc.on('update', listen);
      edits[rnd(edits.length)]?.();
      doc.off('update', listen);
      if (said !== false) continue;
      irrelevant++;
      expect(JSON.stringify(sessionItems('action-plan', doc)), `step ${step}`).toBe(before);
    }
    // The property was exercised, not skipped.
    expect(irrelevant).toBeGreaterThan(50);
  });

  it('for any edit, the activities from agendas (FromAgendaList) change only when sourcedActivitiesRelevant says so', () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), Math.floor((seed / 2 ** 31) * n));
    const doc = plan();
    const pick = () => {
      const keys = [...actionPlanRoots(doc).activities.keys()];
      return keys[rnd(keys.length)] ?? '';
    };
    const edits: Array<() => void> = [
      () => type(doc, 'activities', rnd(2) === 0 ? 'title' : 'description'),
      () => updateItem(doc, 'activities', pick(), { source: `agenda${rnd(3)}:action${rnd(3)}` }),
      () => updateItem(doc, 'activities', pick(), { number: `${rnd(9)}.${rnd(9)}`, budget: rnd(1000) }),
      () => updateItem(doc, 'activities', pick(), { budget: rnd(1000), status: 'done' }),
      () => reorderItem(doc, 'activities', pick(), rnd(2) === 0 ? -1 : 1),
      () => (rnd(3) === 0 ? removeItem(doc, 'activities', pick()) : void addActivity(doc, first(doc, 'goals'), { title: 'Ny', number: '' })),
    ];
    let irrelevant = 0;
    for (let step = 0; step < 300; step++) {
      const before = JSON.stringify(sourcedActivities(doc));
      let said: boolean | null = null;
      const listen = (_u: Uint8Array, _o: unknown, _d: Y.Doc, transaction: Y.Transaction) => void (said = (said ?? false) || sourcedActivitiesRelevant(transaction));
      doc.on('update', listen);
      edits[rnd(edits.length)]?.();
      doc.off('update', listen);
      if (said !== false) continue;
      irrelevant++;
      expect(JSON.stringify(sourcedActivities(doc)), `step ${step}`).toBe(before);
    }
    expect(irrelevant).toBeGreaterThan(30);
    expect(sourcedActivities(doc).length).toBeGreaterThan(0);
  });

  it('a view with it does not re-read on a description keystroke, and does on a title keystroke', async () => {
    const doc = plan();
    let reads = 0;
    const dispose = createRoot((dispose) => {
      createDocView(doc, (d) => (reads++, { list: sessionItems('action-plan', d) }), relevant);
      return dispose;
    });
    reads = 0;
    type(doc, 'activities', 'description');
    await Promise.resolve();
    expect(reads).toBe(0);
    type(doc, 'activities', 'title');
    await Promise.resolve();
    expect(reads).toBe(1);
    dispose();
  });
});
