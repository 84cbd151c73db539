import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { createActionPlanView } from '../../sync/action-plan-view.js';
import type { LiveDocument } from '../../sync/open-document.js';
import type { Peer } from '../../sync/presence.js';
import { locale, t } from '../../i18n/index.js';
import { IssuesJump, ValidationPanel } from '../ValidationPanel.jsx';
import { PageHeading, usePageTitle } from '../Page.jsx';
import { CostsSection } from './CostsSection.jsx';
import { today } from '../../lib/today.js';
import { EditorContext } from '../editor/context.js';
import { afterServerSync } from '../../sync/status.js';
import { Summary } from './Summary.jsx';
import { Timeline } from './Timeline.jsx';
import { createLazyGoals, measureGoalUnit, retryEachFrame } from './lazy-goals.js';
import { goalKey, PlanGoals } from './PlanGoals.jsx';
import { PlanMetaFields } from './PlanMetaFields.jsx';
import { PlanTabs, type PlanTab } from './PlanTabs.jsx';

/**
 * The action-plan editor (DESIGN "Document schemas", action plan): the plan's fields, then
 * the table (goals, costs, summary) or the timeline, beside the live validation panel.
 * `editable` is fixed for the editor's life; `peers` are the others in the document.
 */
export function PlanEditor(props: { live: LiveDocument; editable: boolean; peers: () => Peer[] }) {
  const { doc, provider } = props.live;
  // Only changes arriving after the first sync are someone else's edits worth highlighting.
  const view = createActionPlanView(doc, { today, locale, isRemote: (origin) => origin === provider && provider.synced });
  const [tab, setTab] = createSignal<PlanTab>('table');
  const plan = view.plan;
  usePageTitle(() => plan.title || t('kind_action-plan'));
  let goalList: HTMLElement | undefined;
  let measured = false;
  // Once the first goals are drawn, their head and row heights size the goals not yet built
  // and the rows not yet drawn: measured in the first frames (up to about a second), or at
  // the start of an idle build.
  const measure = () => (measured ||= goalList !== undefined && measureGoalUnit(goalList));
  const lazy = createLazyGoals(
    () => plan.goals.map(goalKey),
    () => plan.goals.map((goal) => goal.activities.length),
    measure,
  );
  onMount(() => onCleanup(retryEachFrame(measure, 60)));
  // Someone else's keystrokes must not wait behind a goal being built far from view.
  const onUpdate = (_update: Uint8Array, origin: unknown) => void (origin === provider && lazy.noteRemoteChange());
  doc.on('update', onUpdate);
  onCleanup(() => doc.off('update', onUpdate));

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
        recentlyChanged: view.recentlyChanged, afterSync: afterServerSync(provider),
      }}
    >
      <div class="editor-layout">
        <div class="editor-main">
          <PageHeading class="doc-title">{plan.title || t('kind_action-plan')}</PageHeading>
          <IssuesJump count={view.issues().length} />
          <PlanMetaFields plan={plan} />
          <PlanTabs tab={tab()} setTab={setTab} />
          <Show when={tab() === 'table'}>
            <div role="tabpanel" id="panel-table" aria-labelledby="tab-table">
              <PlanGoals plan={plan} lazy={lazy} sectionRef={(el) => (goalList = el)} />
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
        <ValidationPanel issues={view.issues()} beforeFocus={() => (setTab('table'), lazy.showEverything())} />
      </div>
    </EditorContext.Provider>
  );
}
