import { For, Show } from 'solid-js';
import { updatePlanBudget, type CostJSON, type PlanBudgetJSON } from '../../../shared/model/action-plan.js';
import { summaryLines, type SummaryLine } from '../../../shared/summary.js';
import type { PlanTotals } from '../../../shared/totals.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { money, t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { Field } from '../editor/Field.jsx';
import { DateInput, MoneyInput } from '../editor/inputs.jsx';

/** What a summary line is called: activities, `Summa <section>`, or a standalone cost line's own label. */
function lineLabel(line: SummaryLine): string {
  if (line.kind === 'activities') return t('sumActivities');
  if (line.kind === 'section') return t('sumSection', { section: line.section.toLowerCase() });
  return line.label || t('standalone');
}

/**
 * The summary rows of the plan table, computed live by `shared/totals`; the lines are
 * `shared/summary` `summaryLines`, so they add up to "Planerat totalt".
 */
export function Summary(props: { totals: PlanTotals; budget: PlanBudgetJSON; costs: CostJSON[] }) {
  const editor = useEditor();
  const write = (field: keyof PlanBudgetJSON) => (value: unknown) => updatePlanBudget(editor.doc, { [field]: value }, LOCAL_ORIGIN);
  const sum = (minor: number | null) => money(minor, editor.currency());
  return (
    <section aria-labelledby="summary-heading" class="summary">
      <h2 id="summary-heading">{t('summary')}</h2>
      <dl class="totals">
        <For each={summaryLines({ costs: props.costs }, props.totals)}>
          {(line) => (
            <div>
              <dt>{lineLabel(line)}</dt>
              <dd data-total={line.kind === 'activities' ? 'activities' : undefined}>{sum(line.amount)}</dd>
            </div>
          )}
        </For>
        <div class="strong">
          <dt>{t('planned')}</dt>
          <dd data-total="planned">{sum(props.totals.planned)}</dd>
        </div>
      </dl>
      <div class="budget-fields">
        <Field path={['budget', 'spentBefore']} label={t('spentBefore')}>
          {(id, d) => <MoneyInput id={id} describedBy={d} value={props.budget.spentBefore} write={write('spentBefore')} />}
        </Field>
        <Field path={['budget', 'spentBeforeDate']} label={`${t('spentBefore')}: ${t('end').toLowerCase()}`}>
          {(id, d) => <DateInput id={id} describedBy={d} value={props.budget.spentBeforeDate} write={write('spentBeforeDate')} />}
        </Field>
        <Field path={['budget', 'frame']} label={t('frame')}>
          {(id, d) => <MoneyInput id={id} describedBy={d} value={props.budget.frame} write={write('frame')} />}
        </Field>
        <Field path={['budget', 'frameWithIncome']} label={t('frameWithIncome')}>
          {(id, d) => <MoneyInput id={id} describedBy={d} value={props.budget.frameWithIncome} write={write('frameWithIncome')} />}
        </Field>
      </div>
      <Show when={props.totals.remaining !== null}>
        <p class="remaining" classList={{ negative: (props.totals.remaining ?? 0) < 0 }}>
          {t('remaining')}: <strong data-total="remaining">{sum(props.totals.remaining)}</strong>
        </p>
      </Show>
    </section>
  );
}
