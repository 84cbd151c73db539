import { For, Show } from 'solid-js';
import { INDICATOR_DIRECTIONS } from '../../../shared/model/kinds.js';
import { setMeasurement, STRATEGY_COLLECTIONS, type IndicatorJSON } from '../../../shared/model/strategy.js';
import { deleteItem, moveItem, setItemFields } from '../../../shared/model/collections.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { commitOnEnter, SelectInput, TextInput } from '../editor/inputs.jsx';
import { RowActions } from '../RowActions.jsx';
import { IndicatorChart } from './IndicatorChart.jsx';

function NumberInput(props: { id: string; describedBy: string; value: number | null; write: (v: number | null) => void; step?: string }) {
  const editor = useEditor();
  return (
    <input
      id={props.id}
      type="number"
      step={props.step ?? 'any'}
      aria-describedby={props.describedBy}
      value={props.value ?? ''}
      readOnly={!editor.editable}
      onKeyDown={commitOnEnter}
      onChange={(e) => {
        const raw = e.currentTarget.value.trim();
        const value = raw === '' ? null : Number(raw);
        if (value === null || Number.isFinite(value)) props.write(value);
      }}
    />
  );
}

/** One indicator: its definition, yearly measurements with source, and the chart. */
export function IndicatorCard(props: { indicator: IndicatorJSON; first: boolean; last: boolean }) {
  const editor = useEditor();
  const i = () => props.indicator;
  const spec = STRATEGY_COLLECTIONS.indicators;
  const write = (field: string) => (value: unknown) => setItemFields(editor.doc, spec, i().id, { [field]: value }, LOCAL_ORIGIN);
  const path = (field: string) => ['indicators', i().id, field];
  const name = () => i().name || t('indicator');
  const addMeasurement = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const year = Number(data.get('year'));
    const value = Number(String(data.get('value') ?? '').replace(',', '.'));
    if (!Number.isInteger(year) || !Number.isFinite(value)) return;
    setMeasurement(editor.doc, i().id, year, { value, source: String(data.get('source') ?? '') }, LOCAL_ORIGIN);
    form.reset();
  };
  return (
    <article class="indicator" classList={{ flash: editor.recentlyChanged().has(i().id) }} aria-label={`${t('indicator')}: ${name()}`} data-indicator={i().id}>
      <div class="meta-fields">
        <Field path={path('name')} label={t('indicator')} class="grow">
          {(id, d) => <TextInput id={id} describedBy={d} value={i().name} write={write('name')} />}
        </Field>
        <Field path={path('unit')} label={t('unit')}>
          {(id, d) => <TextInput id={id} describedBy={d} value={i().unit} write={write('unit')} maxLength={40} />}
        </Field>
        <Field path={path('direction')} label={t('direction')}>
          {(id, d) => <SelectInput id={id} describedBy={d} value={i().direction} options={INDICATOR_DIRECTIONS.map((v) => ({ value: v, label: t(`direction_${v}`) }))} write={write('direction')} />}
        </Field>
        <Field path={path('baselineYear')} label={t('baselineYear')}>
          {(id, d) => <NumberInput id={id} describedBy={d} value={i().baselineYear} write={write('baselineYear')} step="1" />}
        </Field>
        <Field path={path('baselineValue')} label={t('baselineValue')}>
          {(id, d) => <NumberInput id={id} describedBy={d} value={i().baselineValue} write={write('baselineValue')} />}
        </Field>
        <Field path={path('targetYear')} label={t('targetYear')}>
          {(id, d) => <NumberInput id={id} describedBy={d} value={i().targetYear} write={write('targetYear')} step="1" />}
        </Field>
        <Field path={path('targetValue')} label={t('targetValue')}>
          {(id, d) => <NumberInput id={id} describedBy={d} value={i().targetValue} write={write('targetValue')} />}
        </Field>
        <Show when={editor.editable}>
          <RowActions label={name()} first={props.first} last={props.last} onMove={(dir) => moveItem(editor.doc, spec, i().id, dir, LOCAL_ORIGIN)} onRemove={() => deleteItem(editor.doc, spec, i().id, LOCAL_ORIGIN)} />
        </Show>
      </div>
      <div class="indicator-body">
        <table class="measurements">
          <caption>{`${t('measurements')}: ${name()}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              <th scope="col">{t('value')}</th>
              <th scope="col">{t('source')}</th>
              <Show when={editor.editable}>
                <th scope="col">
                  <span class="visually-hidden">{t('remove')}</span>
                </th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={i().measurements}>
              {(m) => (
                <tr>
                  <th scope="row">{m.year}</th>
                  <td class="num">{m.value}</td>
                  <td>{m.source}</td>
                  <Show when={editor.editable}>
                    <td>
                      <button type="button" class="icon danger" onClick={() => setMeasurement(editor.doc, i().id, m.year, null, LOCAL_ORIGIN)}>
                        <span aria-hidden="true">✕</span>
                        <span class="visually-hidden">{`${t('remove')} ${m.year}`}</span>
                      </button>
                    </td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <IndicatorChart indicator={i()} />
      </div>
      <Show when={editor.editable}>
        <form class="inline" onSubmit={addMeasurement} aria-label={`${t('addMeasurement')}: ${name()}`}>
          <label>
            {t('year')}
            <input name="year" type="number" step="1" min="1990" max="2100" required />
          </label>
          <label>
            {t('value')}
            <input name="value" inputMode="decimal" required />
          </label>
          <label>
            {t('source')}
            <input name="source" />
          </label>
          <button type="submit" class="secondary">
            + {t('addMeasurement')}
          </button>
        </form>
      </Show>
    </article>
  );
}
