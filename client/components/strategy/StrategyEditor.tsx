import { createMemo, createResource, For, Show } from 'solid-js';
import { addStrategyGoal, strategyToJSON, STRATEGY_COLLECTIONS, type StrategyJSON } from '../../../shared/model/strategy.js';
import { addItem, deleteItem, moveItem, setItemFields } from '../../../shared/model/collections.js';
import { NORWEGIAN_OBJECTIVES, SWEDISH_OBJECTIVES, type EnvironmentalObjective } from '../../../shared/reference/environmental-objectives.js';
import { linkedBudgets } from '../../../shared/strategy-budgets.js';
import { writeFields } from '../../../shared/model/ymap.js';
import type { ActionPlanJSON } from '../../../shared/model/action-plan.js';
import { api } from '../../api.js';
import { createDocumentView, type DocumentView } from '../../sync/document-view.js';
import { createLinkedPlans } from '../../sync/linked-plans.js';
import { LOCAL_ORIGIN, type LiveDocument } from '../../sync/open-document.js';
import type { Peer } from '../../sync/presence.js';
import { locale, money, t } from '../../i18n/index.js';
import { today } from '../../lib/today.js';
import { EditorContext } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { DateInput, TextInput } from '../editor/inputs.jsx';
import { textOf, TextField } from '../editor/TextEditor.jsx';
import { RowActions } from '../RowActions.jsx';
import { ValidationPanel } from '../ValidationPanel.jsx';
import { PageHeading, usePageTitle } from '../Page.jsx';
import { objectiveName, StrategyGoal } from './StrategyGoal.jsx';


/** The strategy editor: vision, focus areas, goals tied to national objectives, indicators with charts. */
export function StrategyEditor(props: { live: LiveDocument; workspaceId: string; editable: boolean; peers: () => Peer[] }) {
  const { doc, provider } = props.live;
  const view = createDocumentView(doc, strategyToJSON, {
    roots: ['focusAreas', 'goals', 'indicators'],
    today,
    locale,
    isRemote: (origin) => origin === provider && provider.synced,
  });
  const s = view.data;
  usePageTitle(() => s.title || t('kind_strategy'));
  const [workspace] = createResource(() => props.workspaceId, (id) => api.workspace(id));
  const objectives = () => (workspace()?.country === 'NO' ? NORWEGIAN_OBJECTIVES : SWEDISH_OBJECTIVES);
  const meta = doc.getMap<unknown>('meta');
  const writeMeta = (field: string) => (value: unknown) => doc.transact(() => writeFields(meta, { [field]: value }), LOCAL_ORIGIN);
  const areaSpec = STRATEGY_COLLECTIONS.focusAreas;

  return (
    <EditorContext.Provider
      value={{ doc, awareness: provider.awareness, undo: props.live.undo, editable: props.editable, currency: () => 'SEK', peers: props.peers, issuesByField: view.issuesByField, recentlyChanged: view.recentlyChanged }}
    >
      <div class="editor-layout">
        <div class="editor-main">
          <PageHeading class="doc-title">{s.title || t('kind_strategy')}</PageHeading>
          <div class="meta-fields">
            <Field path={['meta', 'title']} label={t('title')} class="grow">
              {(id, d) => <TextInput id={id} describedBy={d} value={s.title} write={writeMeta('title')} maxLength={200} />}
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
            {(id, d) => <TextField id={id} describedBy={d} text={doc.getText('vision')} value={s.vision} multiline />}
          </Field>
          <Show when={workspace()}>
            {(ws) => <StrategyBody view={view} objectives={objectives} documents={ws().documents.filter((d) => d.kind === 'action-plan')} areaSpec={areaSpec} editable={props.editable} doc={doc} currency={ws().country === 'NO' ? 'NOK' : 'SEK'} />}
          </Show>
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
  documents: Array<{ id: string; title: string }>;
  areaSpec: typeof STRATEGY_COLLECTIONS.focusAreas;
  editable: boolean;
  doc: LiveDocument['doc'];
}) {
  const plans = createLinkedPlans(props.documents);
  const s = props.view.data;
  const budgets = createMemo(() => linkedBudgets(s, new Map<string, ActionPlanJSON>(plans().map((p) => [p.id, p.plan]))));
  const focusAreas = () => s.focusAreas.filter((a) => a.id !== null);
  return (
    <>
      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading">{t('focusAreas')}</h2>
        <For each={s.focusAreas}>
          {(area, index) => {
            const areaId = area.id;
            const description = areaId ? textOf(props.doc.getMap('focusAreas'), areaId, 'description') : null;
            return (
              <section class="focus-area" aria-label={area.id ? `${t('focusArea')}: ${area.title}` : t('noGoal')} data-focus-area={area.id ?? undefined}>
                <Show when={areaId} fallback={<h3>{t('noGoal')}</h3>}>
                  {(id) => (
                    <div class="goal-fields">
                      <Field path={['focusAreas', id(), 'title']} label={t('focusArea')} class="grow">
                        {(fid, d) => <TextInput id={fid} describedBy={d} value={area.title} write={(v) => setItemFields(props.doc, props.areaSpec, id(), { title: v }, LOCAL_ORIGIN)} />}
                      </Field>
                      <Show when={props.editable}>
                        <RowActions
                          label={area.title || t('focusArea')}
                          first={index() === 0}
                          last={index() === focusAreas().length - 1}
                          onMove={(dir) => moveItem(props.doc, props.areaSpec, id(), dir, LOCAL_ORIGIN)}
                          onRemove={() => deleteItem(props.doc, props.areaSpec, id(), LOCAL_ORIGIN)}
                        />
                      </Show>
                      <Field path={['focusAreas', id(), 'description']} label={t('description')} class="wide">
                        {(fid, d) => <TextField id={fid} describedBy={d} text={description} value={area.description} multiline />}
                      </Field>
                    </div>
                  )}
                </Show>
                <For each={area.goals}>
                  {(goal, i) => <StrategyGoal goal={goal} first={i() === 0} last={i() === area.goals.length - 1} objectives={props.objectives()} plans={plans} budget={budgets().byGoal[goal.id] ?? 0} currency={props.currency} />}
                </For>
                <Show when={props.editable && areaId}>
                  {(id) => (
                    <button type="button" class="secondary" onClick={() => addStrategyGoal(props.doc, id(), { number: String(s.focusAreas.reduce((n, a) => n + a.goals.length, 0) + 1), title: '' }, LOCAL_ORIGIN)}>
                      + {t('addGoal')} <span class="visually-hidden">{area.title}</span>
                    </button>
                  )}
                </Show>
              </section>
            );
          }}
        </For>
        <Show when={s.goals.length > 0}>
          <section aria-label={t('goalsWithoutArea')}>
            <h3>{t('goalsWithoutArea')}</h3>
            <For each={s.goals}>
              {(goal, i) => <StrategyGoal goal={goal} first={i() === 0} last={i() === s.goals.length - 1} objectives={props.objectives()} plans={plans} budget={budgets().byGoal[goal.id] ?? 0} currency={props.currency} />}
            </For>
          </section>
        </Show>
        <Show when={props.editable}>
          <button type="button" onClick={() => addItem(props.doc, props.areaSpec, { title: '', description: '' }, LOCAL_ORIGIN)}>
            + {t('addFocusArea')}
          </button>
        </Show>
      </section>
      <section aria-labelledby="objective-budget-heading" class="summary">
        <h2 id="objective-budget-heading">{t('budgetPerObjective')}</h2>
        <Show when={Object.keys(budgets().byObjective).length > 0} fallback={<p>{t('noLinkedBudget')}</p>}>
          <dl class="totals">
            <For each={props.objectives().filter((o) => budgets().byObjective[o.code] !== undefined)}>
              {(objective) => (
                <div>
                  <dt>{objectiveName(objective)}</dt>
                  <dd data-objective-budget={objective.code}>{money(budgets().byObjective[objective.code] ?? 0, props.currency)}</dd>
                </div>
              )}
            </For>
          </dl>
        </Show>
      </section>
    </>
  );
}

