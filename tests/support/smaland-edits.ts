/**
 * One set of edits to the imported handlingsplan-smaland.tsv, of every kind the change
 * list names (issue 18: a budget, an added, a removed and a moved activity, a date, a
 * responsible, a text), and the exact change list and totals they must give. Used by the
 * unit test of shared/compare and by the compare route's integration test.
 */
import type * as Y from 'yjs';
import { actionPlanToJSON, addActivity, moveActivityToGoal, removeItem, updateItem } from '../../shared/model/action-plan.js';

export const SMALAND_EDIT_ORIGIN = 'smaland-edits';

function ids(doc: Y.Doc) {
  const plan = actionPlanToJSON(doc);
  const goal = (n: string) => plan.goals.find((g) => g.number === n)?.id ?? '';
  const activity = (n: string) => plan.goals.flatMap((g) => g.activities).find((a) => a.number === n)?.id ?? '';
  return { goal, activity };
}

/** Applies the edits; returns the id of the activity added. */
export function editSmaland(doc: Y.Doc): string {
  const { goal, activity } = ids(doc);
  updateItem(doc, 'activities', activity('1.1'), { budget: 450_000_00 }, SMALAND_EDIT_ORIGIN);
  const added = addActivity(doc, goal('3'), { number: '3.3', title: 'Klimatdag för förtroendevalda', budget: 20_000_00, responsible: 'Nätverkssamordnaren' }, SMALAND_EDIT_ORIGIN);
  removeItem(doc, 'activities', activity('2.3'), SMALAND_EDIT_ORIGIN);
  moveActivityToGoal(doc, activity('1.2.1'), goal('2'), SMALAND_EDIT_ORIGIN);
  updateItem(doc, 'activities', activity('2.1'), { end: '2028-03-31', responsible: 'Region Kronoberg' }, SMALAND_EDIT_ORIGIN);
  updateItem(doc, 'activities', activity('3.2'), { description: '- Fem workshoppar med planerare och politiker' }, SMALAND_EDIT_ORIGIN);
  return added;
}

/** The ids the expected changes name, read from the document before the edits. */
export function smalandIds(doc: Y.Doc) {
  const { goal, activity } = ids(doc);
  return { goal1: goal('1'), goal2: goal('2'), goal3: goal('3'), a11: activity('1.1'), a121: activity('1.2.1'), a21: activity('2.1'), a23: activity('2.3'), a32: activity('3.2') };
}
