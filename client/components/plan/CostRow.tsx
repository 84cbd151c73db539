import { Show } from 'solid-js';
import { updateItem, type CostJSON } from '../../../shared/model/action-plan.js';
import { t } from '../../i18n/index.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { MoneyInput, TextInput } from '../editor/inputs.jsx';
import { HistoryButton } from '../history/HistoryButton.jsx';
import { ItemActions } from './ItemActions.jsx';

/**
 * One cost line of a section's table (DESIGN "Document schemas", action-plan `costs`): label
 * (its history button first, out of the typing path), description, amount and, for editors,
 * move/remove. Field labels name the section or the line, so a screen reader tells the rows apart.
 */
export function CostRow(props: { cost: CostJSON; section: string; first: boolean; last: boolean }) {
  const editor = useEditor();
  const cost = props.cost;
  const write = (field: string) => (value: unknown) => updateItem(editor.doc, 'costs', cost.id, { [field]: value }, LOCAL_ORIGIN);
  const name = () => cost.label || t('label');
  return (
    <tr classList={{ flash: editor.recentlyChanged().has(cost.id) }} data-row={cost.id} data-row-kind="costs">
      <td data-label={t('label')}>
        {/* Before the label, as an activity's sits before its title: not between fields typed one after another. */}
        <HistoryButton collection="costs" id={cost.id} label={name()} currency={editor.currency()} />
        <Field path={['costs', cost.id, 'label']} label={`${t('label')} (${props.section || t('standalone')})`} hideLabel>
          {(id, d) => <TextInput id={id} describedBy={d} value={cost.label} write={write('label')} />}
        </Field>
      </td>
      <td data-label={t('description')}>
        <Field path={['costs', cost.id, 'description']} label={`${t('description')} ${name()}`} hideLabel>
          {(id, d) => <TextInput id={id} describedBy={d} value={cost.description} write={write('description')} />}
        </Field>
      </td>
      <td class="col-budget" data-label={t('amount')}>
        <Field path={['costs', cost.id, 'amount']} label={`${t('amount')} ${name()}`} hideLabel>
          {(id, d) => <MoneyInput id={id} describedBy={d} value={cost.amount} write={write('amount')} />}
        </Field>
      </td>
      <Show when={editor.editable}>
        <td class="col-actions">
          <ItemActions collection="costs" id={cost.id} label={name()} first={props.first} last={props.last} />
        </td>
      </Show>
    </tr>
  );
}
