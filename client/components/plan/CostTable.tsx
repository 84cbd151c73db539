import { For } from 'solid-js';
import type { CostJSON } from '../../../shared/model/action-plan.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { CostRow } from './CostRow.jsx';
import { EditableTableHead } from '../TableHead.jsx';

/** The table of one cost section (DESIGN action-plan `costs`; `''`: the standalone lines), captioned with its name. */
export function CostTable(props: { section: string; lines: CostJSON[] }) {
  const editor = useEditor();
  return (
    <div class="table-scroll">
      <table class="plan-table">
        <caption>{props.section || t('standalone')}</caption>
        <EditableTableHead columns={[t('label'), t('description'), t('amount')]} editable={editor.editable} />
        <tbody>
          <For each={props.lines}>{(cost, i) => <CostRow cost={cost} section={props.section} first={i() === 0} last={i() === props.lines.length - 1} />}</For>
        </tbody>
      </table>
    </div>
  );
}
