import { For, Show } from 'solid-js';
import type { ActionPlanJSON, ActivityJSON, GoalJSON } from '../../../shared/model/action-plan.js';
import { summaryLines, type SummaryLine } from '../../../shared/summary.js';
import { totals } from '../../../shared/totals.js';
import { money, t } from '../../i18n/index.js';
import { AgendaSourceLink, PriorityBadge } from '../facilitation/links.jsx';
import { PRESENT_COLUMNS } from './columns.js';

type Recent = () => ReadonlySet<string>;

/** "2027-02-01 – 2027-09-30": the line may break between the dates, never inside one. */
function Timeframe(props: { activity: Pick<ActivityJSON, 'start' | 'end'> }) {
  return (
    <Show when={props.activity.start || props.activity.end} fallback="–">
      <span class="nowrap">{props.activity.start ?? '…'}</span> – <span class="nowrap">{props.activity.end ?? '…'}</span>
    </Show>
  );
}

function goalName(goal: GoalJSON): string {
  return goal.id === null ? t('noGoal') : `${goal.number}. ${goal.title}`.trim();
}

/** A goal's rows: the goal cell spans its activities, as in the formal Word table. */
function GoalRows(props: { goal: GoalJSON; currency: string; recent: Recent }) {
  const span = () => Math.max(1, props.goal.activities.length);
  const goalCell = () => (
    <th scope="rowgroup" rowSpan={span()} class="present-goal" classList={{ recent: props.goal.id !== null && props.recent().has(props.goal.id) }}>
      <span class="present-goal-title">{goalName(props.goal)}</span> <PriorityBadge priority={props.goal.priority} />
      <Show when={props.goal.description}>
        <span class="present-description">{props.goal.description}</span>
      </Show>
    </th>
  );
  return (
    <tbody data-goal={props.goal.id ?? 'none'}>
      <Show when={props.goal.activities.length > 0} fallback={<tr>{goalCell()}<td colSpan={5} class="muted">{t('present_noItems')}</td></tr>}>
        <For each={props.goal.activities}>
          {(activity, i) => (
            <tr class="present-activity" data-activity={activity.id} data-number={activity.number} classList={{ recent: props.recent().has(activity.id) }}>
              <Show when={i() === 0}>{goalCell()}</Show>
              <td class="present-cell-activity">
                <span class="present-activity-title">{`${activity.number} ${activity.title}`.trim()}</span> <PriorityBadge priority={activity.priority} />
                <Show when={activity.description}>
                  <span class="present-description">{activity.description}</span>
                </Show>
                <AgendaSourceLink source={activity.source} />
              </td>
              <td class="amount" data-label={t('present_colBudget')}>
                {money(activity.budget, props.currency)}
              </td>
              <td class="present-cell-text" data-label={t('present_colResponsible')}>{activity.responsible || '–'}</td>
              <td data-label={t('present_colTimeframe')}>
                <Timeframe activity={activity} />
              </td>
              <td class="present-cell-text" data-label={t('present_colRecipients')}>{activity.recipients || '–'}</td>
            </tr>
          )}
        </For>
      </Show>
    </tbody>
  );
}

function lineLabel(line: SummaryLine): string {
  if (line.kind === 'activities') return t('sumActivities');
  if (line.kind === 'section') return t('sumSection', { section: line.section.toLowerCase() });
  return line.label || t('standalone');
}

/** The cost lines, each with its section ("Fristående" when none). */
function CostsTable(props: { plan: ActionPlanJSON; recent: Recent }) {
  const sum = (minor: number | null) => money(minor, props.plan.currency);
  return (
    <section class="present-section">
      <h2 id="present-costs">{t('costs')}</h2>
      {/* Words stay whole; on a phone the table scrolls sideways in its own region, the landmark named by the heading (user test U13). */}
      <div class="present-scroll" role="region" aria-labelledby="present-costs" tabindex="0">
        <table class="present-table present-costs">
          <thead>
            <tr>
              <th scope="col">{t('section')}</th>
              <th scope="col">{t('label')}</th>
              <th scope="col" class="amount">{t('amount')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.plan.costs} fallback={<tr><td colSpan={3} class="muted">{t('present_noItems')}</td></tr>}>
              {(cost) => (
                <tr data-cost={cost.id} classList={{ recent: props.recent().has(cost.id) }}>
                  <td>{cost.section || t('standalone')}</td>
                  <td>{cost.label}</td>
                  <td class="amount">{sum(cost.amount)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The summary lines of shared/summary (they add up to Planerat totalt), then what "Kvar att fördela" depends on. */
function Summary(props: { plan: ActionPlanJSON }) {
  const sums = () => totals(props.plan);
  const sum = (minor: number | null) => money(minor, props.plan.currency);
  return (
    <section class="present-section" aria-labelledby="present-summary">
      <h2 id="present-summary">{t('summary')}</h2>
      <dl class="present-totals">
        <For each={summaryLines(props.plan, sums())}>
          {(line) => (
            <div>
              <dt>{lineLabel(line)}</dt>
              <dd>{sum(line.amount)}</dd>
            </div>
          )}
        </For>
        <div class="strong">
          <dt>{t('planned')}</dt>
          <dd data-total="planned">{sum(sums().planned)}</dd>
        </div>
        {/* Every line "Kvar att fördela" depends on (frame − planned − already spent), as the editor shows them. */}
        <Show when={props.plan.budget.spentBefore !== null}>
          <div>
            <dt>{props.plan.budget.spentBeforeDate ? t('present_spentBeforeUntil', { date: props.plan.budget.spentBeforeDate }) : t('spentBefore')}</dt>
            <dd data-total="spentBefore">{sum(props.plan.budget.spentBefore)}</dd>
          </div>
        </Show>
        <Show when={props.plan.budget.frame !== null}>
          <div>
            <dt>{t('frame')}</dt>
            <dd data-total="frame">{sum(props.plan.budget.frame)}</dd>
          </div>
        </Show>
        {/* The budget counting revenues too, as the editor's summary shows it (user test U14 item 3). */}
        <Show when={props.plan.budget.frameWithIncome !== null}>
          <div>
            <dt>{t('frameWithIncome')}</dt>
            <dd data-total="frameWithIncome">{sum(props.plan.budget.frameWithIncome)}</dd>
          </div>
        </Show>
        <Show when={sums().remaining !== null}>
          <div classList={{ negative: (sums().remaining ?? 0) < 0 }}>
            <dt>{t('remaining')}</dt>
            <dd data-total="remaining">{sum(sums().remaining)}</dd>
          </div>
        </Show>
      </dl>
    </section>
  );
}

/** Cost lines by section, then the summary lines of shared/summary (they add up to Planerat totalt). */
function CostsAndSummary(props: { plan: ActionPlanJSON; recent: Recent }) {
  return (
    <>
      <CostsTable plan={props.plan} recent={props.recent} />
      <Summary plan={props.plan} />
    </>
  );
}

/**
 * The widest budget of the plan in characters, for the budget column's width: amounts never
 * break inside, so a column narrower than "1 000 000 000 000 kr" drew it over the next
 * column (user test). Digits are tabular (one `ch` each); spaces and "kr" are narrower.
 */
function widestBudget(plan: ActionPlanJSON): number {
  let widest = 0;
  for (const goal of plan.goals) {
    for (const activity of goal.activities) widest = Math.max(widest, money(activity.budget, plan.currency).length);
  }
  return widest;
}

/** The action plan as its formal table (Mål / Aktiviteter / Budget / Ansvar / Tidplan / Mottagare), cost sections and summary. */
export function PresentPlan(props: { plan: ActionPlanJSON; recent: Recent }) {
  return (
    <>
      {/* The subtitle is under the title, in PresentView. */}
      <Show when={props.plan.periodStart || props.plan.periodEnd}>
        <p class="muted">{t('present_period', { start: props.plan.periodStart ?? '…', end: props.plan.periodEnd ?? '…' })}</p>
      </Show>
      <section class="present-section" aria-labelledby="present-goals">
        <h2 id="present-goals">{t('goals')}</h2>
        <table class="present-table present-plan" style={{ '--budget-ch': widestBudget(props.plan) }}>
          <thead>
            <tr>
              <For each={PRESENT_COLUMNS}>{(key) => <th scope="col" classList={{ amount: key === 'present_colBudget' }}>{t(key)}</th>}</For>
            </tr>
          </thead>
          <For each={props.plan.goals}>{(goal) => <GoalRows goal={goal} currency={props.plan.currency} recent={props.recent} />}</For>
        </table>
      </section>
      <CostsAndSummary plan={props.plan} recent={props.recent} />
    </>
  );
}
