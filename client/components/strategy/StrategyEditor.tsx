import { createMemo, For, Show } from 'solid-js';
import { strategyToJSON, STRATEGY_COLLECTIONS, type StrategyJSON } from '../../../shared/model/strategy.js';
import { addItem } from '../../../shared/model/collections.js';
import type { EnvironmentalObjective } from '../../../shared/reference/environmental-objectives.js';
import { createDocumentView, type DocumentView } from '../../sync/document-view.js';
import { createLinkedPlans, type LinkedPlan } from '../../sync/linked-plans.js';
import { metaWriter } from '../../sync/meta-fields.js';
import { LOCAL_ORIGIN, type LiveDocument } from '../../sync/open-document.js';
import { documentText } from '../../sync/y-text.js';
import type { Peer } from '../../sync/presence.js';
import { locale, t } from '../../i18n/index.js';
import { today } from '../../lib/today.js';
import { EditorContext } from '../editor/context.js';
import { afterServerSync } from '../../sync/status.js';
import { Field } from '../editor/Field.jsx';
import { DateInput, TextInput } from '../editor/inputs.jsx';
import { TextField } from '../editor/TextEditor.jsx';
import { IssuesJump, ValidationPanel } from '../ValidationPanel.jsx';
import { PageHeading, usePageTitle } from '../Page.jsx';
import { FocusAreaSection, ObjectiveBudgets, type GoalListProps } from './FocusAreaSection.jsx';
import { StrategyGoal } from './StrategyGoal.jsx';
import { linkedFigures, type LinkedFigures } from './linked-figures.js';
import { StrategyPlansNotice, useStrategyWorkspace } from './strategy-workspace.jsx';


/**
 * The strategy editor: vision, focus areas, goals tied to national objectives, indicators with
 * charts. Always shown and editable, whether or not its workspace (plans to link, country)
 * answers: offline it opens from its local copy (issue 17 item 3; strategy-workspace.tsx).
 */
export function StrategyEditor(props: { live: LiveDocument; workspaceId: string; userId: string; editable: boolean; peers: () => Peer[] }) {
  const { doc, provider } = props.live;
  const view = createDocumentView(doc, strategyToJSON, {
    roots: ['focusAreas', 'goals', 'indicators'],
    today,
    locale,
    isRemote: (origin) => origin === provider && provider.synced,
  });
  const s = view.data;
  usePageTitle(() => s.title || t('kind_strategy'));
  const workspace = useStrategyWorkspace(() => props.workspaceId, props.userId);
  const writeMeta = metaWriter(doc);
  const areaSpec = STRATEGY_COLLECTIONS.focusAreas;
  const plans = createLinkedPlans(workspace.plans);
  const figures = createMemo(() => linkedFigures(s, plans(), workspace.answered()));

  return (
    <EditorContext.Provider
      value={{ doc, awareness: provider.awareness, undo: props.live.undo, editable: props.editable, currency: workspace.currency, peers: props.peers, issuesByField: view.issuesByField, recentlyChanged: view.recentlyChanged, afterSync: afterServerSync(provider) }}
    >
      <div class="editor-layout">
        <div class="editor-main">
          <PageHeading class="doc-title">{s.title || t('kind_strategy')}</PageHeading>
          <IssuesJump count={view.issues().length} />
          <div class="meta-fields">
            <Field path={['meta', 'title']} label={t('title')} class="grow">
              {(id, d) => <TextInput id={id} describedBy={d} value={s.title} write={writeMeta('title')} maxLength={200} required />}
            </Field>
            <Field path={['meta', 'adopted']} label={t('adopted')}>
              {(id, d) => <DateInput id={id} describedBy={d} value={s.adopted} write={writeMeta('adopted')} />}
            </Field>
            <Field path={['meta', 'periodStart']} label={`${t('period')}: ${t('start').toLowerCase()}`}>
              {(id, d) => <DateInput id={id} describedBy={d} value={s.periodStart} write={writeMeta('periodStart')} />}
            </Field>
            <Field path={['meta', 'periodEnd']} label={`${t('period')}: ${t('end').toLowerCase()}`}>
              {(id, d) => <DateInput id={id} describedBy={d} value={s.periodEnd} write={writeMeta('periodEnd')} />}
            </Field>
          </div>
          <Field path={['vision']} label={t('vision')} class="wide">
            {(id, d) => <TextField id={id} describedBy={d} text={documentText(doc, 'vision')} value={s.vision} multiline />}
          </Field>
          <StrategyPlansNotice workspace={workspace} budgetsUnknown={figures().unknown} />
          <StrategyBody view={view} objectives={workspace.objectives} plans={plans} figures={figures} areaSpec={areaSpec} editable={props.editable} doc={doc} currency={workspace.currency()} />
        </div>
        <ValidationPanel issues={view.issues()} />
      </div>
    </EditorContext.Provider>
  );
}

function StrategyBody(props: {
  view: DocumentView<StrategyJSON>;
  objectives: () => readonly EnvironmentalObjective[];
  currency: string;
  plans: () => LinkedPlan[];
  figures: () => LinkedFigures;
  areaSpec: typeof STRATEGY_COLLECTIONS.focusAreas;
  editable: boolean;
  doc: LiveDocument['doc'];
}) {
  const plans = props.plans;
  const s = props.view.data;
  const budgets = props.figures;
  const focusAreas = () => s.focusAreas.filter((a) => a.id !== null);
  const goalCount = () => s.focusAreas.reduce((n, a) => n + a.goals.length, 0);
  const goalProps: GoalListProps = {
    get objectives() {
      return props.objectives();
    },
    plans,
    budgetOf: (goalId) => (goalId in budgets().byGoal ? (budgets().byGoal[goalId] ?? null) : 0),
    get currency() {
      return props.currency;
    },
  };
  return (
    <>
      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading">{t('focusAreas')}</h2>
        <For each={s.focusAreas}>
          {(area, index) => (
            <FocusAreaSection area={area} first={index() === 0} last={index() === focusAreas().length - 1} goalCount={goalCount()} goals={goalProps} areaSpec={props.areaSpec} editable={props.editable} doc={props.doc} />
          )}
        </For>
        <Show when={s.goals.length > 0}>
          <section aria-label={t('goalsWithoutArea')}>
            <h3>{t('goalsWithoutArea')}</h3>
            <For each={s.goals}>
              {(goal, i) => <StrategyGoal goal={goal} first={i() === 0} last={i() === s.goals.length - 1} objectives={goalProps.objectives} plans={plans} budget={goalProps.budgetOf(goal.id)} currency={goalProps.currency} />}
            </For>
          </section>
        </Show>
        <Show when={props.editable}>
          <button type="button" onClick={() => addItem(props.doc, props.areaSpec, { title: '', description: '' }, LOCAL_ORIGIN)}>
            + {t('addFocusArea')}
          </button>
        </Show>
      </section>
      <ObjectiveBudgets objectives={props.objectives()} byObjective={budgets().byObjective} currency={props.currency} />
    </>
  );
}

