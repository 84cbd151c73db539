import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import { z } from '../../lib/zod.js';
import { api, ApiError, call } from '../../api.js';
import { facilitationApi } from '../../facilitation-api.js';
import { ft } from '../../i18n/facilitation-messages.js';
import { keepSelectValue } from '../../lib/select-value.js';
import { RetryError } from '../RetryError.jsx';
import { PlanActivityLink } from './links.jsx';
import type { Facilitation } from './use-facilitation.js';

const planGoals = z.object({ goals: z.array(z.object({ id: z.string().nullable(), number: z.string().catch(''), title: z.string().catch('') })) });

/** The goals of plan `planId` (from its JSON export), without the entry for activities whose goal is gone. */
async function goalsOf(planId: string): Promise<Array<{ id: string; label: string }>> {
  const parsed = planGoals.safeParse(await call<unknown>('GET', `/documents/${encodeURIComponent(planId)}/export.json`));
  if (!parsed.success) return [];
  return parsed.data.goals.flatMap((g) => (g.id ? [{ id: g.id, label: [g.number, g.title].filter(Boolean).join(' ') || '–' }] : []));
}

/** Where an action item is made a plan activity from: its agenda, the agenda's workspace, and whether the user may. */
export type ToPlanTarget = Pick<Facilitation, 'documentId' | 'workspaceId' | 'canEdit'>;

/**
 * "Gör till aktivitet": choose a plan of the workspace and one of its goals, and the action
 * item becomes an activity there (DESIGN `to-plan`); the server links both ways, and the
 * action's link shows as soon as its `planActivity` arrives. Shown in the capture panel and
 * on the meeting card (user test U14).
 */
export function ToPlanForm(props: { f: ToPlanTarget; actionId: string; label: string }) {
  const [open, setOpen] = createSignal(false);
  // Labels by `for`: a label around a select would take the chosen option into its name.
  const ids = { plan: createUniqueId(), goal: createUniqueId() };
  const [planId, setPlanId] = createSignal('');
  const [error, setError] = createSignal('');
  const [made, setMade] = createSignal<{ planId: string; activityId: string } | null>(null);
  const [plans, { refetch: refetchPlans }] = createResource(open, () => api.workspace(props.f.workspaceId).then((w) => w.documents.filter((d) => d.kind === 'action-plan')));
  const [goals, { refetch: refetchGoals }] = createResource(planId, (id) => (id ? goalsOf(id) : Promise.resolve([])));
  // A failed load throws when read (and took the whole document page with it): read only
  // what loaded; what failed says why in place, with "Försök igen" (issue 17 item 3).
  const planList = () => (plans.error ? [] : (plans() ?? []));
  const goalList = () => (goals.error ? [] : (goals() ?? []));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const goalId = String(new FormData(event.currentTarget as HTMLFormElement).get('goal') ?? '');
    if (!planId() || !goalId) return;
    try {
      const { activityId } = await facilitationApi.toPlan(props.f.documentId, props.actionId, planId(), goalId);
      setMade({ planId: planId(), activityId });
      setError('');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };
  // The button's name is one aria-label, not its text plus a visually hidden ": …": Chromium
  // joins an absolutely placed span with a space, and "Gör till aktivitet : …" was announced.
  return (
    <Show when={props.f.canEdit}>
      <Show when={made()} fallback={
        <Show when={open()} fallback={<button type="button" class="secondary" aria-label={`${ft('toPlan')}: ${props.label}`} onClick={() => setOpen(true)}>{ft('toPlan')}</button>}>
          <form class="session-inline" onSubmit={(e) => void submit(e)}>
            <label for={ids.plan}>{ft('plan')}</label>
            <select id={ids.plan} name="plan" ref={(el) => keepSelectValue(el, planId)} onChange={(e) => setPlanId(e.currentTarget.value)}>
                <option value="">{ft('choosePlan')}</option>
                <For each={planList()}>{(plan) => <option value={plan.id}>{plan.title}</option>}</For>
            </select>
            <div data-to-plan="plans">
              <RetryError error={plans.error} onRetry={() => void refetchPlans()} />
            </div>
            <label for={ids.goal}>{ft('goal')}</label>
            <select id={ids.goal} name="goal">
              <option value="">{ft('chooseGoal')}</option>
              <For each={goalList()}>{(goal) => <option value={goal.id}>{goal.label}</option>}</For>
            </select>
            <div data-to-plan="goals">
              <RetryError error={goals.error} onRetry={() => void refetchGoals()} />
            </div>
            <button type="submit">{ft('toPlan')}</button>
            <span class="error" role="alert">{error()}</span>
          </form>
        </Show>
      }>
        {(done) => <PlanActivityLink link={`${done().planId}:${done().activityId}`} />}
      </Show>
    </Show>
  );
}
