import { For, Show } from 'solid-js';
import type { CostJSON } from '../../../shared/model/action-plan.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { CostRow } from './CostRow.jsx';

/** The table of one cost section (DESIGN action-plan `costs`; `''`: the standalone lines), captioned with its name. */
export function CostTable(props: { section: string; lines: CostJSON[] }) {
  const editor = useEditor();
  return (
    <div class="table-scroll">
      <table class="plan-table">
        <caption>{props.section || t('standalone')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('label')}</th>
            <th scope="col">{t('description')}</th>
            <th scope="col">{t('amount')}</th>
            <Show when={editor.editable}>
              <th scope="col">
                <span class="visually-hidden">{t('remove')}</span>
              </th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={props.lines}>{(cost, i) => <CostRow cost={cost} section={props.section} first={i() === 0} last={i() === props.lines.length - 1} />}</For>
        </tbody>
      </table>
    </div>
  );
}
