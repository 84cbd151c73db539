import { CURRENCIES } from '../../../shared/model/kinds.js';
import type { ActionPlanJSON } from '../../../shared/model/action-plan.js';
import { metaWriter } from '../../sync/meta-fields.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { DateInput, SelectInput, TextInput } from '../editor/inputs.jsx';

/**
 * The plan's own fields (DESIGN action-plan `meta`): title (≤ 200 characters), subtitle,
 * currency and the period's start and end (YYYY-MM-DD), each written through metaWriter.
 */
export function PlanMetaFields(props: { plan: ActionPlanJSON }) {
  const writeMeta = metaWriter(useEditor().doc);
  const plan = () => props.plan;
  return (
    <div class="meta-fields">
      <Field path={['meta', 'title']} label={t('title')} class="grow">
        {(id, d) => <TextInput id={id} describedBy={d} value={plan().title} write={writeMeta('title')} maxLength={200} required />}
      </Field>
      <Field path={['meta', 'subtitle']} label={t('subtitle')} class="grow">
        {(id, d) => <TextInput id={id} describedBy={d} value={plan().subtitle} write={writeMeta('subtitle')} />}
      </Field>
      <Field path={['meta', 'currency']} label={t('currency')}>
        {(id, d) => <SelectInput id={id} describedBy={d} value={plan().currency} options={CURRENCIES.map((c) => ({ value: c, label: c }))} write={writeMeta('currency')} />}
      </Field>
      <Field path={['meta', 'periodStart']} label={`${t('period')}: ${t('start').toLowerCase()}`}>
        {(id, d) => <DateInput id={id} describedBy={d} value={plan().periodStart} write={writeMeta('periodStart')} />}
      </Field>
      <Field path={['meta', 'periodEnd']} label={`${t('period')}: ${t('end').toLowerCase()}`}>
        {(id, d) => <DateInput id={id} describedBy={d} value={plan().periodEnd} write={writeMeta('periodEnd')} />}
      </Field>
    </div>
  );
}
