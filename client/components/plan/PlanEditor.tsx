import { createSignal, For, Show } from 'solid-js';
import { CURRENCIES } from '../../../shared/model/kinds.js';
import { addGoal } from '../../../shared/model/action-plan.js';
import { writeFields } from '../../../shared/model/ymap.js';
import { createActionPlanView, fieldId } from '../../sync/action-plan-view.js';
import { LOCAL_ORIGIN, type LiveDocument } from '../../sync/open-document.js';
import type { Peer } from '../../sync/presence.js';
import { locale, t } from '../../i18n/index.js';
import { IssuesJump, ValidationPanel } from '../ValidationPanel.jsx';
import { PageHeading, usePageTitle } from '../Page.jsx';
import { CostsSection } from './CostsSection.jsx';
import { today } from '../../lib/today.js';
import { EditorContext } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { GoalSection } from './GoalSection.jsx';
import { DateInput, SelectInput, TextInput } from '../editor/inputs.jsx';
import { Summary } from './Summary.jsx';
import { Timeline } from './Timeline.jsx';
import { RenumberOffer } from './RenumberOffer.jsx';
import { focusWhenRendered } from './focus-new-row.js';
import { createLazyGoals, measureGoalUnit } from './lazy-goals.js';

/** The action-plan editor: plan table, costs, summary, timeline and the live validation panel. */
export function PlanEditor(props: { live: LiveDocument; editable: boolean; peers: () => Peer[] }) {
  const { doc, provider } = props.live;
  // Only changes arriving after the first sync are someone else's edits worth highlighting.
  const view = createActionPlanView(doc, { today, locale, isRemote: (origin) => origin === provider && provider.synced });
  const [tab, setTab] = createSignal<'table' | 'timeline'>('table');
  const meta = doc.getMap<unknown>('meta');
  const writeMeta = (field: string) => (value: unknown) => doc.transact(() => writeFields(meta, { [field]: value }), LOCAL_ORIGIN);
  const plan = view.plan;
  usePageTitle(() => plan.title || t('kind_action-plan'));
  const realGoals = () => plan.goals.filter((g) => g.id !== null);
  let goalList: HTMLElement | undefined;
  let measured = false;
  // Once the first goals are laid out, their height per row sizes the goals not yet built.
  const { shown: shownGoals, showEverything } = createLazyGoals(
    () => plan.goals.length,
    () => (measured ||= goalList !== undefined && measureGoalUnit(goalList)),
  );

  return (
    <EditorContext.Provider
      value={{
        doc,
        awareness: provider.awareness,
        undo: props.live.undo,
        editable: props.editable,
        currency: () => plan.currency,
        peers: props.peers,
        issuesByField: view.issuesByField,
        recentlyChanged: view.recentlyChanged,
      }}
    >
      <div class="editor-layout">
        <div class="editor-main">
          <PageHeading class="doc-title">{plan.title || t('kind_action-plan')}</PageHeading>
          <IssuesJump count={view.issues().length} />
          <div class="meta-fields">
            <Field path={['meta', 'title']} label={t('title')} class="grow">
              {(id, d) => <TextInput id={id} describedBy={d} value={plan.title} write={writeMeta('title')} maxLength={200} />}
            </Field>
            <Field path={['meta', 'subtitle']} label={t('subtitle')} class="grow">
              {(id, d) => <TextInput id={id} describedBy={d} value={plan.subtitle} write={writeMeta('subtitle')} />}
            </Field>
            <Field path={['meta', 'currency']} label={t('currency')}>
              {(id, d) => <SelectInput id={id} describedBy={d} value={plan.currency} options={CURRENCIES.map((c) => ({ value: c, label: c }))} write={writeMeta('currency')} />}
            </Field>
            <Field path={['meta', 'periodStart']} label={`${t('period')}: ${t('start').toLowerCase()}`}>
              {(id, d) => <DateInput id={id} describedBy={d} value={plan.periodStart} write={writeMeta('periodStart')} />}
            </Field>
            <Field path={['meta', 'periodEnd']} label={`${t('period')}: ${t('end').toLowerCase()}`}>
              {(id, d) => <DateInput id={id} describedBy={d} value={plan.periodEnd} write={writeMeta('periodEnd')} />}
            </Field>
          </div>
          <div class="tabs" role="tablist" aria-label={t('kind_action-plan')}>
            <For each={['table', 'timeline'] as const}>
              {(name) => (
                <button
                  type="button"
                  role="tab"
                  id={`tab-${name}`}
                  aria-selected={tab() === name}
                  aria-controls={`panel-${name}`}
                  tabindex={tab() === name ? 0 : -1}
                  onClick={() => setTab(name)}
                  onKeyDown={(e) => (e.key === 'ArrowRight' || e.key === 'ArrowLeft') && (setTab(tab() === 'table' ? 'timeline' : 'table'), document.getElementById(`tab-${tab()}`)?.focus())}
                >
                  {t(name)}
                </button>
              )}
            </For>
          </div>
          <Show when={tab() === 'table'}>
            <div role="tabpanel" id="panel-table" aria-labelledby="tab-table">
              <section aria-labelledby="goals-heading" ref={goalList}>
                <h2 id="goals-heading">{t('goals')}</h2>
                <RenumberOffer plan={plan} />
                <For each={plan.goals}>
                  {(goal, i) => (
                    <div class="goal-slot" style={{ '--rows': goal.activities.length }}>
                      <Show when={i() < shownGoals()} fallback={<div class="goal-placeholder" />}>
                        <GoalSection goal={goal} goals={plan.goals} first={i() === 0} last={i() === realGoals().length - 1} />
                      </Show>
                    </div>
                  )}
                </For>
                <Show when={props.editable}>
                  <button type="button" onClick={() => (showEverything(), focusWhenRendered(fieldId(['goals', addGoal(doc, { number: String(realGoals().length + 1), title: '' }, LOCAL_ORIGIN), 'title'])))}>
                    + {t('addGoal')}
                  </button>
                </Show>
              </section>
              <CostsSection costs={plan.costs} />
              <Summary totals={view.totals()} budget={plan.budget} costs={plan.costs} />
            </div>
          </Show>
          <Show when={tab() === 'timeline'}>
            <div role="tabpanel" id="panel-timeline" aria-labelledby="tab-timeline">
              <Timeline plan={plan} today={today()} />
            </div>
          </Show>
        </div>
        <ValidationPanel issues={view.issues()} beforeFocus={() => (setTab('table'), showEverything())} />
      </div>
    </EditorContext.Provider>
  );
}
