import { For } from 'solid-js';
import { t } from '../../i18n/index.js';

/** The plan editor's two views. */
export type PlanTab = 'table' | 'timeline';

/**
 * The tab list switching the plan between its table and its timeline (WAI-ARIA tabs: the
 * selected tab alone is in the tab order, Left/Right switch and move focus). The panels are
 * `panel-table` and `panel-timeline`, rendered by the editor.
 */
export function PlanTabs(props: { tab: PlanTab; setTab: (tab: PlanTab) => void }) {
  const other = () => (props.tab === 'table' ? 'timeline' : 'table');
  return (
    <div class="tabs" role="tablist" aria-label={t('kind_action-plan')}>
      <For each={['table', 'timeline'] as const}>
        {(name) => (
          <button
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={props.tab === name}
            aria-controls={`panel-${name}`}
            tabindex={props.tab === name ? 0 : -1}
            onClick={() => props.setTab(name)}
            onKeyDown={(e) => (e.key === 'ArrowRight' || e.key === 'ArrowLeft') && (props.setTab(other()), document.getElementById(`tab-${props.tab}`)?.focus())}
          >
            {t(name)}
          </button>
        )}
      </For>
    </div>
  );
}
