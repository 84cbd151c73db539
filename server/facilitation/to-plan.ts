/**
 * An agenda's action item becomes a plan activity in one step (DESIGN "Facilitation",
 * capture): the activity is made in the plan under the chosen goal, carrying
 * `source: "<agendaDocId>:<actionId>"`, then the action gets
 * `planActivity: "<planDocId>:<activityId>"`. Both are server changes through the rooms,
 * so everyone online in either document sees them live.
 */
import * as Y from 'yjs';
import { actionPlanToJSON, addActivity, nextActivityNumber } from '../../shared/model/action-plan.js';
import type { Deps } from '../context.js';
import { findDocument } from '../db/documents.js';
import { AppError } from '../errors.js';
import { changeableHere } from '../sync/room-lease.js';
import { requireWritable } from '../write-guard.js';

const actionNotFound = () => new AppError(404, 'action.not-found', 'Åtgärdspunkten finns inte i dagordningen.');
const goalNotFound = () => new AppError(404, 'goal.not-found', 'Målet finns inte i handlingsplanen.');
const alreadyLinked = () => new AppError(409, 'action.linked', 'Åtgärdspunkten är redan en aktivitet i en handlingsplan.');

/** Actions being turned into activities now: a second request for one of them is 409, not a second activity. */
const inFlight = new Set<string>();

function actionOf(doc: Y.Doc, actionId: string): Y.Map<unknown> {
  const action = doc.getMap<unknown>('actions').get(actionId);
  if (!(action instanceof Y.Map)) throw actionNotFound();
  return action as Y.Map<unknown>;
}

function textOf(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key);
  return typeof value === 'string' ? value : value instanceof Y.Text ? value.toString() : '';
}

/**
 * Whether the action is still an activity of a plan: its `planActivity` names a plan that is
 * not deleted and holds that activity. A link whose activity was deleted, or undone by a
 * restore, or whose plan was deleted, counts as none (user test u14): to-plan makes a new
 * activity and overwrites the link, rather than refusing 409 `action.linked` forever.
 */
async function isLinked(deps: Pick<Deps, 'rooms' | 'kdb'>, action: Y.Map<unknown>): Promise<boolean> {
  const link = action.get('planActivity');
  if (typeof link !== 'string' || link === '') return false;
  const at = link.indexOf(':');
  const [planId, activityId] = [link.slice(0, at), link.slice(at + 1)];
  if (at <= 0 || !activityId || !(await findDocument(deps.kdb, planId))) return false;
  return (await deps.rooms.read(planId)).getMap<unknown>('activities').get(activityId) instanceof Y.Map;
}

/**
 * Makes the activity and links both ways; returns the activity's id. Throws 404
 * `action.not-found` / `goal.not-found`, 409 `action.linked` (the linked activity still
 * exists, see `isLinked`) / `document.read-only`.
 * Title = the action's text, responsible = its owner, end = its due date, status planned,
 * last in the goal, numbered `<goal>.<next free>`. Both writes are `userId`'s (the caller) in history.
 */
export async function actionToPlan(deps: Pick<Deps, 'rooms' | 'kdb'>, agendaId: string, actionId: string, planId: string, goalId: string, userId: string): Promise<string> {
  const key = `${agendaId}:${actionId}`;
  if (inFlight.has(key)) throw alreadyLinked();
  inFlight.add(key);
  try {
    const agenda = await deps.rooms.read(agendaId);
    const action = actionOf(agenda, actionId);
    if (await isLinked(deps, action)) throw alreadyLinked();
    const fields = { text: textOf(action, 'text'), owner: textOf(action, 'owner'), due: textOf(action, 'due') || null };
    // Both documents are written (the action's link, the new activity): both must be writable.
    await requireWritable(deps.rooms, agendaId, 'Dokumentet är skrivskyddat.');
    await requireWritable(deps.rooms, planId, 'Dokumentet är skrivskyddat.');
    // Both owned here before either is written: a 503 elsewhere leaves neither half-done.
    await changeableHere(deps.rooms, [planId, agendaId]);
    let activityId = '';
    await deps.rooms.change(planId, (plan) => {
      const goal = actionPlanToJSON(plan).goals.find((g) => g.id === goalId);
      if (!goal) throw goalNotFound();
      const activity = { title: fields.text, responsible: fields.owner, end: fields.due, status: 'planned' as const, number: nextActivityNumber(goal), source: key };
      activityId = addActivity(plan, goalId, activity);
    }, userId);
    await deps.rooms.change(agendaId, (doc) => actionOf(doc, actionId).set('planActivity', `${planId}:${activityId}`), userId);
    return activityId;
  } finally {
    inFlight.delete(key);
  }
}
