import { For, Show } from 'solid-js';
import type { ActionItemJSON } from '../../../shared/model/agenda.js';
import { ToPlanForm } from './ToPlanForm.jsx';
import { PlanActivityLink } from './links.jsx';
import type { Facilitation } from './use-facilitation.js';

/**
 * The current agenda item's action items (DESIGN "Facilitation", Capture): text, owner and
 * due date, then either the link to the plan activity it became or "Gör till aktivitet"
 * (ToPlanForm).
 */
export function CapturedActions(props: { f: Facilitation; actions: ActionItemJSON[] }) {
  return (
    <ul class="session-actions-list">
      <For each={props.actions}>
        {(action) => (
          <li data-action={action.id}>
            <span>{action.text || '–'}</span>
            <Show when={action.owner}> ({action.owner}{action.due ? `, ${action.due}` : ''})</Show>{' '}
            <Show when={action.planActivity} fallback={<ToPlanForm f={props.f} actionId={action.id} label={action.text} />}>
              {(link) => <PlanActivityLink link={link()} whenGone={<ToPlanForm f={props.f} actionId={action.id} label={action.text} />} />}
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
