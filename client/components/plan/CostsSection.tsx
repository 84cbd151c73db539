import { For, Show } from 'solid-js';
import { addCost, removeItem, reorderItem, updateItem, type CostJSON } from '../../../shared/model/action-plan.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { MoneyInput, TextInput } from '../editor/inputs.jsx';
import { RowActions } from '../RowActions.jsx';
import { fieldId } from '../../sync/action-plan-view.js';
import { focusWhenRendered } from './focus-new-row.js';
import { HistoryButton } from '../history/HistoryButton.jsx';

/** Cost lines grouped by section (e.g. Projektledning); standalone lines last. */
export function CostsSection(props: { costs: CostJSON[] }) {
  const editor = useEditor();
  const sections = () => {
    const names = [...new Set(props.costs.map((c) => c.section))];
    return [...names.filter((n) => n !== ''), ...names.filter((n) => n === '')];
  };
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const section = String(new FormData(form).get('section') ?? '').trim();
    const id = addCost(editor.doc, { section, label: '', description: '', amount: null }, LOCAL_ORIGIN);
    focusWhenRendered(fieldId(['costs', id, 'label']));
  };
  return (
    <section aria-labelledby="costs-heading" class="costs">
      <h2 id="costs-heading">{t('costs')}</h2>
      <For each={sections()}>
        {(section) => {
          const lines = () => props.costs.filter((c) => c.section === section);
          return (
            <div class="table-scroll">
              <table class="plan-table">
                <caption>{section || t('standalone')}</caption>
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
                  <For each={lines()}>
                    {(cost, i) => {
                      const write = (field: string) => (value: unknown) => updateItem(editor.doc, 'costs', cost.id, { [field]: value }, LOCAL_ORIGIN);
                      const name = () => cost.label || t('label');
                      return (
                        <tr classList={{ flash: editor.recentlyChanged().has(cost.id) }} data-row={cost.id} data-row-kind="costs">
                          <td data-label={t('label')}>
                            <Field path={['costs', cost.id, 'label']} label={`${t('label')} (${section || t('standalone')})`} hideLabel>
                              {(id, d) => <TextInput id={id} describedBy={d} value={cost.label} write={write('label')} />}
                            </Field>
                            <HistoryButton collection="costs" id={cost.id} label={name()} currency={editor.currency()} />
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
                              <RowActions
                                label={name()}
                                first={i() === 0}
                                last={i() === lines().length - 1}
                                onMove={(direction) => reorderItem(editor.doc, 'costs', cost.id, direction, LOCAL_ORIGIN)}
                                onRemove={() => removeItem(editor.doc, 'costs', cost.id, LOCAL_ORIGIN)}
                              />
                            </td>
                          </Show>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </table>
            </div>
          );
        }}
      </For>
      <Show when={editor.editable}>
        <form class="inline" onSubmit={add}>
          <label>
            {t('section')}
            <input name="section" list="cost-sections" maxlength="200" />
          </label>
          <datalist id="cost-sections">
            <For each={sections().filter((s) => s !== '')}>{(s) => <option value={s} />}</For>
          </datalist>
          <button type="submit" class="secondary">
            + {t('addCost')}
          </button>
        </form>
      </Show>
    </section>
  );
}
