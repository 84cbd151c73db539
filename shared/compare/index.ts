/**
 * Comparing two states of a document (DESIGN "Versions, changes, the live draft"): what
 * `GET …/compare` and `GET …/changes` answer. Pure: plain export-shape JSON in, JSON out.
 */
import type { ActionPlanJSON } from '../model/action-plan.js';
import type { DocumentJSON } from '../model/document.js';
import { totals } from '../totals.js';
import { diffItems } from './diff.js';
import { flatten } from './flatten.js';
import type { CompareResult } from './types.js';

export type { Change, ChangeOp, ChangeValue, CompareResult, FieldValue, FlatItem } from './types.js';
export { diffItems } from './diff.js';
export { flatten } from './flatten.js';
export { CHANGE_OPS } from './types.js';

/** An action plan with nothing in it: the totals of a state before the plan existed. */
const EMPTY_PLAN: Pick<ActionPlanJSON, 'goals' | 'costs' | 'budget'> = {
  goals: [],
  costs: [],
  budget: { frame: null, frameWithIncome: null, spentBefore: null, spentBeforeDate: null },
};

/**
 * `{changes, totals?}` from `before` to `after` (`null`: the document did not exist yet,
 * so everything is added). `totals` is there when either side is an action plan.
 * @example compareDocuments(toJSON(adoptedDoc), toJSON(liveDoc)).changes
 */
export function compareDocuments(before: DocumentJSON | null, after: DocumentJSON | null): CompareResult {
  const changes = diffItems(flatten(before), flatten(after));
  const plan = (json: DocumentJSON | null) => (json?.kind === 'action-plan' ? json : null);
  if (!plan(before) && !plan(after)) return { changes };
  return { changes, totals: { before: totals(plan(before) ?? EMPTY_PLAN), after: totals(plan(after) ?? EMPTY_PLAN) } };
}
