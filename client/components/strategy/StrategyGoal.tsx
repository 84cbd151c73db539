import { For, Show, type Accessor } from 'solid-js';
import { addIndicator, STRATEGY_COLLECTIONS, type StrategyGoalJSON } from '../../../shared/model/strategy.js';
import { deleteItem, moveItem, setItemFields, toggleInSet } from '../../../shared/model/collections.js';
import type { EnvironmentalObjective } from '../../../shared/reference/environmental-objectives.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { itemText } from '../../sync/y-text.js';
import type { LinkedPlan } from '../../sync/linked-plans.js';
import { locale, t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { TextInput } from '../editor/inputs.jsx';
import { TextField } from '../editor/TextEditor.jsx';
import { RowActions } from '../RowActions.jsx';
import { GoalLinks } from './GoalLinks.jsx';
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
  budget: number | null;
  currency: string;
}) {
  const editor = useEditor();
  const spec = STRATEGY_COLLECTIONS.goals;
  const g = () => props.goal;
  const heading = () => `${t('goal')} ${g().number}`.trim();
  const title = itemText(editor.doc, 'goals', g().id, 'title');
  const description = itemText(editor.doc, 'goals', g().id, 'description');
  return (
    <section class="goal" classList={{ flash: editor.recentlyChanged().has(g().id) }} aria-label={heading()} data-goal={g().id}>
      {/* Under the focus area's h3; the goal's parts below are h5 (axe heading-order, issue 17 user test item 5). */}
      <h4 class="visually-hidden">{heading()}</h4>
      <div class="goal-fields">
        <Field path={['goals', g().id, 'number']} label={t('number')} class="narrow">
          {(id, d) => <TextInput id={id} describedBy={d} value={g().number} write={(v) => setItemFields(editor.doc, spec, g().id, { number: v }, LOCAL_ORIGIN)} maxLength={20} />}
        </Field>
        <Field path={['goals', g().id, 'title']} label={t('title')} class="grow">
          {(id, d) => <TextField id={id} describedBy={d} text={title} value={g().title} />}
        </Field>
        <Show when={editor.editable}>
          <RowActions rowId={g().id} rowKind="strategy-goals" label={heading()} first={props.first} last={props.last} onMove={(dir) => moveItem(editor.doc, spec, g().id, dir, LOCAL_ORIGIN)} onRemove={() => deleteItem(editor.doc, spec, g().id, LOCAL_ORIGIN)} />
        </Show>
        <Field path={['goals', g().id, 'description']} label={t('description')} class="wide">
          {(id, d) => <TextField id={id} describedBy={d} text={description} value={g().description} multiline />}
        </Field>
      </div>
      <GoalObjectives goal={g()} objectives={props.objectives} />
      <GoalLinks goal={g()} plans={props.plans} budget={props.budget} currency={props.currency} />
      <GoalIndicators goal={g()} heading={heading()} />
    </section>
  );
}

/** The national environmental objectives a goal serves, as checkboxes. */
function GoalObjectives(props: { goal: StrategyGoalJSON; objectives: readonly EnvironmentalObjective[] }) {
  const editor = useEditor();
  const spec = STRATEGY_COLLECTIONS.goals;
  const g = () => props.goal;
  return (
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
  );
}

/** A goal's indicators, each with its chart; `heading` names the goal for the add button. */
function GoalIndicators(props: { goal: StrategyGoalJSON; heading: string }) {
  const editor = useEditor();
  const g = () => props.goal;
  const heading = () => props.heading;
  return (
    <div class="indicators">
      <h5>{t('indicators')}</h5>
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
  );
}
