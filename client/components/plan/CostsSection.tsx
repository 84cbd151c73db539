import { For, Show } from 'solid-js';
import type { CostJSON } from '../../../shared/model/action-plan.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { AddCostForm } from './AddCostForm.jsx';
import { CostTable } from './CostTable.jsx';

/** Section names in first-seen order, the standalone lines (`''`) last. */
function sectionsOf(costs: CostJSON[]): string[] {
  const names = [...new Set(costs.map((c) => c.section))];
  return [...names.filter((n) => n !== ''), ...names.filter((n) => n === '')];
}

/** Cost lines grouped by section (e.g. Projektledning); standalone lines last. */
export function CostsSection(props: { costs: CostJSON[] }) {
  const editor = useEditor();
  const sections = () => sectionsOf(props.costs);
  return (
    <section aria-labelledby="costs-heading" class="costs">
      <h2 id="costs-heading">{t('costs')}</h2>
      <For each={sections()}>{(section) => <CostTable section={section} lines={props.costs.filter((c) => c.section === section)} />}</For>
      <Show when={editor.editable}>
        <AddCostForm sections={sections().filter((s) => s !== '')} />
      </Show>
    </section>
  );
}
