import { For, Show, type Accessor } from 'solid-js';
import { addStrategyGoal, STRATEGY_COLLECTIONS, type FocusAreaJSON } from '../../../shared/model/strategy.js';
import { deleteItem, moveItem, setItemFields } from '../../../shared/model/collections.js';
import type { EnvironmentalObjective } from '../../../shared/reference/environmental-objectives.js';
import type { LinkedPlan } from '../../sync/linked-plans.js';
import { LOCAL_ORIGIN, type LiveDocument } from '../../sync/open-document.js';
import { itemText } from '../../sync/y-text.js';
import { t } from '../../i18n/index.js';
import { Field } from '../editor/Field.jsx';
import { TextInput } from '../editor/inputs.jsx';
import { TextField } from '../editor/TextEditor.jsx';
import { RowActions } from '../RowActions.jsx';
import { figureText } from './linked-figures.js';
import { objectiveName, StrategyGoal } from './StrategyGoal.jsx';

/** What every goal card of the strategy shares: objectives to pick, linked plans and their budgets. */
export interface GoalListProps {
  objectives: readonly EnvironmentalObjective[];
  plans: Accessor<LinkedPlan[]>;
  /** Minor units; null: unknown until the linked plans load (linked-figures.ts). */
  budgetOf: (goalId: string) => number | null;
  currency: string;
}

/**
 * One focus area: its title and description, its goals and "add goal". `goalCount` is the
 * number of goals in all areas (a new goal is numbered after them); an area with `id: null`
 * holds the goals whose area no longer exists.
 */
export function FocusAreaSection(props: {
  area: FocusAreaJSON;
  first: boolean;
  last: boolean;
  goalCount: number;
  goals: GoalListProps;
  areaSpec: typeof STRATEGY_COLLECTIONS.focusAreas;
  editable: boolean;
  doc: LiveDocument['doc'];
}) {
  const areaId = props.area.id;
  const description = areaId ? itemText(props.doc, 'focusAreas', areaId, 'description') : null;
  return (
    <section class="focus-area" aria-label={props.area.id ? `${t('focusArea')}: ${props.area.title}` : t('noGoal')} data-focus-area={props.area.id ?? undefined}>
      <Show when={areaId} fallback={<h3>{t('noGoal')}</h3>}>
        {(id) => (
          <div class="goal-fields">
            {/* The area's title is an input; its heading is for moving by headings (h2 areas > h3 area > h4 goal). */}
            <h3 class="visually-hidden">{`${t('focusArea')}: ${props.area.title}`.trim()}</h3>
            <Field path={['focusAreas', id(), 'title']} label={t('focusArea')} class="grow">
              {(fid, d) => <TextInput id={fid} describedBy={d} value={props.area.title} write={(v) => setItemFields(props.doc, props.areaSpec, id(), { title: v }, LOCAL_ORIGIN)} />}
            </Field>
            <Show when={props.editable}>
              <RowActions
                rowId={id()}
                rowKind="focus-areas"
                label={props.area.title || t('focusArea')}
                first={props.first}
                last={props.last}
                onMove={(dir) => moveItem(props.doc, props.areaSpec, id(), dir, LOCAL_ORIGIN)}
                onRemove={() => deleteItem(props.doc, props.areaSpec, id(), LOCAL_ORIGIN)}
              />
            </Show>
            <Field path={['focusAreas', id(), 'description']} label={t('description')} class="wide">
              {(fid, d) => <TextField id={fid} describedBy={d} text={description} value={props.area.description} multiline />}
            </Field>
          </div>
        )}
      </Show>
      <For each={props.area.goals}>
        {(goal, i) => <StrategyGoal goal={goal} first={i() === 0} last={i() === props.area.goals.length - 1} objectives={props.goals.objectives} plans={props.goals.plans} budget={props.goals.budgetOf(goal.id)} currency={props.goals.currency} />}
      </For>
      <Show when={props.editable && areaId}>
        {(id) => (
          <button type="button" class="secondary" onClick={() => addStrategyGoal(props.doc, id(), { number: String(props.goalCount + 1), title: '' }, LOCAL_ORIGIN)}>
            + {t('addGoal')} <span class="visually-hidden">{props.area.title}</span>
          </button>
        )}
      </Show>
    </section>
  );
}

/** The budget linked to each national objective, summed over the goals that serve it. */
export function ObjectiveBudgets(props: { objectives: readonly EnvironmentalObjective[]; byObjective: Readonly<Record<string, number | null>>; currency: string }) {
  return (
    <section aria-labelledby="objective-budget-heading" class="summary">
      <h2 id="objective-budget-heading">{t('budgetPerObjective')}</h2>
      <Show when={Object.keys(props.byObjective).length > 0} fallback={<p>{t('noLinkedBudget')}</p>}>
        <dl class="totals">
          <For each={props.objectives.filter((o) => props.byObjective[o.code] !== undefined)}>
            {(objective) => (
              <div>
                <dt>{objectiveName(objective)}</dt>
                <dd data-objective-budget={objective.code}>{figureText(props.byObjective[objective.code], props.currency)}</dd>
              </div>
            )}
          </For>
        </dl>
        <Show when={Object.values(props.byObjective).includes(null)}>
          <p class="muted" data-budget-unknown>
            {t('linkedBudgetUnknown')}
          </p>
        </Show>
      </Show>
    </section>
  );
}
