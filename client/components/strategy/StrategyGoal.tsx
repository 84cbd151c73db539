import { createSignal, For, Show, type Accessor } from 'solid-js';
import { allActivities } from '../../../shared/model/action-plan.js';
import { addIndicator, strategyRoots, STRATEGY_COLLECTIONS, type StrategyGoalJSON } from '../../../shared/model/strategy.js';
import { deleteItem, moveItem, setItemFields, toggleInSet } from '../../../shared/model/collections.js';
import type { EnvironmentalObjective } from '../../../shared/reference/environmental-objectives.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import type { LinkedPlan } from '../../sync/linked-plans.js';
import { locale, money, t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { TextInput } from '../editor/inputs.jsx';
import { textOf, TextField } from '../editor/TextEditor.jsx';
import { RowActions } from '../RowActions.jsx';
import { IndicatorCard } from './IndicatorCard.jsx';

export function objectiveName(objective: EnvironmentalObjective): string {
  const l = locale();
  return (l === 'en' ? objective.name.en : l === 'nb' ? objective.name.nb : objective.name.sv) ?? objective.name.sv ?? objective.name.nb ?? objective.name.en;
}

/** A strategy goal: text, national objectives, the activities that deliver it (and their budget), indicators. */
export function StrategyGoal(props: {
  goal: StrategyGoalJSON;
  first: boolean;
  last: boolean;
  objectives: readonly EnvironmentalObjective[];
  plans: Accessor<LinkedPlan[]>;
  budget: number;
  currency: string;
}) {
  const editor = useEditor();
  const spec = STRATEGY_COLLECTIONS.goals;
  const g = () => props.goal;
  const heading = () => `${t('goal')} ${g().number}`.trim();
  const goals = strategyRoots(editor.doc).goals;
  const title = textOf(goals, g().id, 'title');
  const description = textOf(goals, g().id, 'description');
  const [pickerPlan, setPickerPlan] = createSignal<string>('');
  const chosenPlan = () => props.plans().find((p) => p.id === (pickerPlan() || props.plans()[0]?.id));
  const linkLabel = (link: string) => {
    const [docId, activityId] = link.split(':');
    const plan = props.plans().find((p) => p.id === docId);
    const activity = plan ? allActivities(plan.plan).find((a) => a.id === activityId) : undefined;
    return activity ? `${plan?.title}: ${activity.number} ${activity.title}` : link;
  };
  return (
    <section class="goal" classList={{ flash: editor.recentlyChanged().has(g().id) }} aria-label={heading()} data-goal={g().id}>
      <div class="goal-fields">
        <Field path={['goals', g().id, 'number']} label={t('number')} class="narrow">
          {(id, d) => <TextInput id={id} describedBy={d} value={g().number} write={(v) => setItemFields(editor.doc, spec, g().id, { number: v }, LOCAL_ORIGIN)} maxLength={20} />}
        </Field>
        <Field path={['goals', g().id, 'title']} label={t('title')} class="grow">
          {(id, d) => <TextField id={id} describedBy={d} text={title} value={g().title} />}
        </Field>
        <Show when={editor.editable}>
          <RowActions label={heading()} first={props.first} last={props.last} onMove={(dir) => moveItem(editor.doc, spec, g().id, dir, LOCAL_ORIGIN)} onRemove={() => deleteItem(editor.doc, spec, g().id, LOCAL_ORIGIN)} />
        </Show>
        <Field path={['goals', g().id, 'description']} label={t('description')} class="wide">
          {(id, d) => <TextField id={id} describedBy={d} text={description} value={g().description} multiline />}
        </Field>
      </div>
      <fieldset class="objectives">
        <legend>{t('objectives')}</legend>
        <For each={props.objectives}>
          {(objective) => (
            <label class="check">
              <input
                type="checkbox"
                checked={g().objectives.includes(objective.code)}
                disabled={!editor.editable}
                onChange={(e) => toggleInSet(editor.doc, spec, g().id, 'objectives', objective.code, e.currentTarget.checked, LOCAL_ORIGIN)}
              />
              {objectiveName(objective)}
            </label>
          )}
        </For>
      </fieldset>
      <div class="links">
        <h4>{t('links')}</h4>
        <p>
          {t('linkedBudget')}: <strong data-goal-budget={g().id}>{money(props.budget, props.currency)}</strong>
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
          <details class="link-picker">
            <summary>{`${t('links')}: ${t('kind_action-plan').toLowerCase()}`}</summary>
            <label>
              {t('kind_action-plan')}
              <select value={chosenPlan()?.id ?? ''} onChange={(e) => setPickerPlan(e.currentTarget.value)}>
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
        </Show>
      </div>
      <div class="indicators">
        <h4>{t('indicators')}</h4>
        <For each={g().indicators}>{(indicator, i) => <IndicatorCard indicator={indicator} first={i() === 0} last={i() === g().indicators.length - 1} />}</For>
        <Show when={editor.editable}>
          <button
            type="button"
            class="secondary"
            onClick={() =>
              addIndicator(editor.doc, g().id, { name: '', unit: '', direction: 'decrease', baselineYear: null, baselineValue: null, targetYear: null, targetValue: null }, LOCAL_ORIGIN)
            }
          >
            + {t('addIndicator')} <span class="visually-hidden">{heading()}</span>
          </button>
        </Show>
      </div>
    </section>
  );
}
