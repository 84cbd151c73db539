import { createSignal, For, Show } from 'solid-js';
import { INDICATOR_DIRECTIONS } from '../../../shared/model/kinds.js';
import { setMeasurement, STRATEGY_COLLECTIONS, type IndicatorJSON } from '../../../shared/model/strategy.js';
import { deleteItem, moveItem, setItemFields } from '../../../shared/model/collections.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { decimal, t } from '../../i18n/index.js';
import { parseDecimal, parseInteger } from '../../lib/parse-input.js';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { SelectInput, TextInput } from '../editor/inputs.jsx';
import { DecimalInput, IntegerInput } from '../editor/typed-inputs.jsx';
import { RowActions } from '../RowActions.jsx';
import { IndicatorChart } from './IndicatorChart.jsx';
import { EditableTableHead } from '../TableHead.jsx';

/** Years an indicator can be measured in. */
const YEAR_MIN = 1900;
const YEAR_MAX = 2199;

/** One indicator: its definition, yearly measurements with source, and the chart. */
export function IndicatorCard(props: { indicator: IndicatorJSON; first: boolean; last: boolean }) {
  const editor = useEditor();
  const i = () => props.indicator;
  const spec = STRATEGY_COLLECTIONS.indicators;
  const write = (field: string) => (value: unknown) => setItemFields(editor.doc, spec, i().id, { [field]: value }, LOCAL_ORIGIN);
  const path = (field: string) => ['indicators', i().id, field];
  const name = () => i().name || t('indicator');
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
          {(id, d) => <IntegerInput id={id} describedBy={d} value={i().baselineYear} write={write('baselineYear')} min={YEAR_MIN} max={YEAR_MAX} error="integerInvalid" />}
        </Field>
        <Field path={path('baselineValue')} label={t('baselineValue')}>
          {(id, d) => <DecimalInput id={id} describedBy={d} value={i().baselineValue} write={write('baselineValue')} />}
        </Field>
        <Field path={path('targetYear')} label={t('targetYear')}>
          {(id, d) => <IntegerInput id={id} describedBy={d} value={i().targetYear} write={write('targetYear')} min={YEAR_MIN} max={YEAR_MAX} error="integerInvalid" />}
        </Field>
        <Field path={path('targetValue')} label={t('targetValue')}>
          {(id, d) => <DecimalInput id={id} describedBy={d} value={i().targetValue} write={write('targetValue')} />}
        </Field>
        <Show when={editor.editable}>
          <RowActions rowId={i().id} rowKind="indicators" label={name()} first={props.first} last={props.last} onMove={(dir) => moveItem(editor.doc, spec, i().id, dir, LOCAL_ORIGIN)} onRemove={() => deleteItem(editor.doc, spec, i().id, LOCAL_ORIGIN)} />
        </Show>
      </div>
      <div class="indicator-body">
        <MeasurementTable indicator={i()} name={name()} />
        <IndicatorChart indicator={i()} />
      </div>
      <Show when={editor.editable}>
        <AddMeasurement indicator={i()} name={name()} />
      </Show>
    </article>
  );
}

/** The yearly measurements, each value in the reader's locale (`125,5`). */
function MeasurementTable(props: { indicator: IndicatorJSON; name: string }) {
  const editor = useEditor();
  const i = () => props.indicator;
  const name = () => props.name;
  return (
    <table class="measurements">
      <caption>{`${t('measurements')}: ${name()}`}</caption>
      <EditableTableHead columns={[t('year'), t('value'), t('source')]} editable={editor.editable} />
      <tbody>
        <For each={i().measurements}>
          {(m) => (
            <tr>
              <th scope="row">{m.year}</th>
              <td class="num">{decimal(m.value)}</td>
              <td>{m.source}</td>
              <Show when={editor.editable}>
                <td>
                  <button type="button" class="icon danger" onClick={() => setMeasurement(editor.doc, i().id, m.year, null, LOCAL_ORIGIN)}>
                    <span aria-hidden="true">✕</span>
                    <span class="visually-hidden">{`${t('remove')} ${m.year} (${name()})`}</span>
                  </button>
                </td>
              </Show>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

/**
 * A new measurement: "abc" as a value or year says what is wrong instead of doing nothing
 * (issue 17 item 6), at the field: it is marked invalid and takes focus, so the message is
 * read and in view (user test: it could fall below the screen, the field unmarked).
 */
function AddMeasurement(props: { indicator: IndicatorJSON; name: string }) {
  const editor = useEditor();
  const i = () => props.indicator;
  const name = () => props.name;
  const [formError, setFormError] = createSignal<{ field: 'year' | 'value'; message: string } | null>(null);
  const refuse = (form: HTMLFormElement, field: 'year' | 'value', message: string) => {
    setFormError({ field, message });
    const input = form.elements.namedItem(field);
    if (input instanceof HTMLInputElement) input.focus();
  };
  const addMeasurement = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const year = parseInteger(String(data.get('year') ?? ''), YEAR_MIN, YEAR_MAX);
    const value = parseDecimal(String(data.get('value') ?? ''));
    if (typeof year !== 'number') return refuse(form, 'year', t('integerInvalid'));
    if (typeof value !== 'number') return refuse(form, 'value', t('numberInvalid'));
    setFormError(null);
    setMeasurement(editor.doc, i().id, year, { value, source: String(data.get('source') ?? '') }, LOCAL_ORIGIN);
    form.reset();
  };
  const invalid = (field: 'year' | 'value') => (formError()?.field === field ? 'true' : undefined);
  // The message stands under the field it is about (user test: under the button, two fields away).
  const errorId = (field: 'year' | 'value') => `measure-error-${i().id}-${field}`;
  const message = (field: 'year' | 'value') => (
    <span class="error field-error" id={errorId(field)} role="alert">
      {formError()?.field === field ? formError()?.message : ''}
    </span>
  );
  return (
    <form class="inline" onSubmit={addMeasurement} aria-label={`${t('addMeasurement')}: ${name()}`}>
      <span class="stacked-field">
        <label>
          {t('year')}
          <input name="year" inputMode="numeric" autocomplete="off" required aria-invalid={invalid('year')} aria-describedby={errorId('year')} />
        </label>
        {message('year')}
      </span>
      <span class="stacked-field">
        <label>
          {t('value')}
          <input name="value" inputMode="decimal" autocomplete="off" required aria-invalid={invalid('value')} aria-describedby={errorId('value')} />
        </label>
        {message('value')}
      </span>
      <label>
        {t('source')}
        <input name="source" />
      </label>
      <button type="submit" class="secondary">
        + {t('addMeasurement')}
      </button>
    </form>
  );
}
