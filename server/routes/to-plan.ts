/**
 * `POST /api/documents/:agenda/actions/:actionId/to-plan {planId, goalId}` (DESIGN
 * "Facilitation", capture; docs/facilitation.md): an action item becomes a plan activity,
 * linked both ways. Editor on both documents, which must be in the same workspace.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { documentAccess } from '../access.js';
import { requireUser } from '../auth/middleware.js';
import type { AppEnv, Deps } from '../context.js';
import { creationBudgetOf } from '../http/creation-budget.js';
import { AppError, invalid } from '../errors.js';
import { actionToPlan } from '../facilitation/to-plan.js';
import { parseJson } from '../validation.js';

const ToPlan = z.strictObject({
  planId: z.string().min(1, 'Ange planId.').max(100),
  goalId: z.string().min(1, 'Ange goalId.').max(100),
});

/**
 * → 201 `{activityId}`. 401 signed out; 404 `not-found` when either document is unknown to
 * the caller (or the first is no agenda, the second no action plan), `action.not-found`,
 * `goal.not-found`; 403 `forbidden` below editor on either; 400 `validation` for a plan in
 * another workspace; 409 `action.linked` (the action's planActivity names an activity that still exists in a
 * plan that is not deleted; a dead link is overwritten),
 * `document.read-only`.
 */
export function toPlanRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  // A new activity in the plan each time (server/http/creation-budget.ts).
  const budget = creationBudgetOf(deps);

  app.post('/documents/:agenda/actions/:actionId/to-plan', async (c) => {
    const user = requireUser(c);
    const { document: agenda } = await documentAccess(deps, c.req.param('agenda'), user.id, 'editor');
    if (agenda.kind !== 'agenda') throw new AppError(404, 'not-found', 'Dokumentet är ingen dagordning.');
    const { planId, goalId } = await parseJson(c, ToPlan);
    const { document: plan } = await documentAccess(deps, planId, user.id, 'editor');
    if (plan.kind !== 'action-plan') throw new AppError(404, 'not-found', 'Dokumentet är ingen handlingsplan.');
    if (plan.workspaceId !== agenda.workspaceId) throw invalid('planId: handlingsplanen ska finnas i samma arbetsyta som dagordningen.');
    await budget.charge(user.id);
    const activityId = await actionToPlan(deps, agenda.id, c.req.param('actionId'), plan.id, goalId, user.id);
    return c.json({ activityId }, 201);
  });

  return app;
}
