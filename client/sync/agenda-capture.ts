/**
 * The capture panel's writes (DESIGN "Facilitation", Capture): a decision or an action item
 * on one agenda item, read from the panel's form data, as local undoable changes.
 */
import type * as Y from 'yjs';
import { AGENDA_COLLECTIONS } from '../../shared/model/agenda.js';
import { addItem } from '../../shared/model/collections.js';
import { LOCAL_ORIGIN } from './undo.js';

/** A due date the action item keeps: only a full `YYYY-MM-DD`, anything else is no date. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Adds the decision in `data` (the form's field `decision`) to agenda item `itemId` (DESIGN
 * "Facilitation", Capture) as a local, undoable change. Returns false, adding nothing,
 * when the text is blank.
 */
export function captureDecision(doc: Y.Doc, itemId: string, data: FormData): boolean {
  const text = String(data.get('decision') ?? '').trim();
  if (!text) return false;
  addItem(doc, AGENDA_COLLECTIONS.decisions, { itemId, text }, LOCAL_ORIGIN);
  return true;
}

/**
 * Adds the action item in `data` (the form's fields `action`, `owner`, `due` as `YYYY-MM-DD`)
 * to agenda item `itemId` (DESIGN "Facilitation", Capture), not done and not yet a plan
 * activity. Returns false, adding nothing, when the text is blank.
 */
export function captureAction(doc: Y.Doc, itemId: string, data: FormData): boolean {
  const text = String(data.get('action') ?? '').trim();
  if (!text) return false;
  const due = String(data.get('due') ?? '');
  const owner = String(data.get('owner') ?? '').trim();
  addItem(doc, AGENDA_COLLECTIONS.actions, { itemId, text, owner, due: ISO_DATE.test(due) ? due : null, done: false, planActivity: null }, LOCAL_ORIGIN);
  return true;
}
