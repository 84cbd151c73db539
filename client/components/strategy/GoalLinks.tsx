import { createSignal, For, Show, type Accessor } from 'solid-js';
import { allActivities } from '../../../shared/model/action-plan.js';
import { STRATEGY_COLLECTIONS, type StrategyGoalJSON } from '../../../shared/model/strategy.js';
import { toggleInSet } from '../../../shared/model/collections.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import type { LinkedPlan } from '../../sync/linked-plans.js';
import { money, t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { keepSelectValue } from '../../lib/select-value.js';
import { figureText } from './linked-figures.js';
import { linkText } from './link-text.js';

const spec = STRATEGY_COLLECTIONS.goals;

/** Picks activities of one of the workspace's plans to link to the goal (`"<planId>:<activityId>"`). */
function LinkPicker(props: { goal: StrategyGoalJSON; plans: Accessor<LinkedPlan[]> }) {
  const editor = useEditor();
  const g = () => props.goal;
  const [pickerPlan, setPickerPlan] = createSignal<string>('');
  const chosenPlan = () => props.plans().find((p) => p.id === (pickerPlan() || props.plans()[0]?.id));
  return (
    <details class="link-picker">
      <summary>{`${t('links')}: ${t('kind_action-plan').toLowerCase()}`}</summary>
      <label>
        {t('kind_action-plan')}
        <select ref={(el) => keepSelectValue(el, () => chosenPlan()?.id ?? '')} onChange={(e) => setPickerPlan(e.currentTarget.value)}>
          <For each={props.plans()}>{(plan) => <option value={plan.id}>{plan.title}</option>}</For>
        </select>
      </label>
      <fieldset>
        <legend class="visually-hidden">{t('activities')}</legend>
        <For each={chosenPlan() ? allActivities(chosenPlan()?.plan ?? { goals: [] }) : []}>
          {(activity) => {
            const link = () => `${chosenPlan()?.id}:${activity.id}`;
            return (
              <label class="check">
                <input type="checkbox" checked={g().links.includes(link())} onChange={(e) => toggleInSet(editor.doc, spec, g().id, 'links', link(), e.currentTarget.checked, LOCAL_ORIGIN)} />
                {`${activity.number} ${activity.title}`} <span class="muted">({money(activity.budget, chosenPlan()?.plan.currency ?? 'SEK')})</span>
              </label>
            );
          }}
        </For>
      </fieldset>
    </details>
  );
}

/** The activities that deliver a goal, their summed budget, and (when editable) the picker. */
export function GoalLinks(props: { goal: StrategyGoalJSON; plans: Accessor<LinkedPlan[]>; budget: number | null; currency: string }) {
  const editor = useEditor();
  const g = () => props.goal;
  const linkLabel = (link: string) => linkText(link, props.plans());
  return (
    <div class="links">
      <h5>{t('links')}</h5>
      <p>
        {t('linkedBudget')}: <strong data-goal-budget={g().id}>{figureText(props.budget, props.currency)}</strong>
        <Show when={props.budget === null}>
          {' '}
          <span class="muted" data-budget-unknown>
            {t('linkedBudgetUnknown')}
          </span>
        </Show>
      </p>
      <ul>
        <For each={g().links}>
          {(link) => (
            <li>
              {linkLabel(link)}
              <Show when={editor.editable}>
                {' '}
                <button type="button" class="icon danger" onClick={() => toggleInSet(editor.doc, spec, g().id, 'links', link, false, LOCAL_ORIGIN)}>
                  <span aria-hidden="true">✕</span>
                  <span class="visually-hidden">{`${t('remove')} ${linkLabel(link)}`}</span>
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={editor.editable && props.plans().length > 0}>
        <LinkPicker goal={g()} plans={props.plans} />
      </Show>
    </div>
  );
}
