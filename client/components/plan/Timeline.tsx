import { For, Show } from 'solid-js';
import { daysBetween, isValidDate } from '../../../shared/dates.js';
import { allActivities, type ActionPlanJSON } from '../../../shared/model/action-plan.js';
import { longDate, t } from '../../i18n/index.js';

/**
 * A Gantt-like view: one bar per activity across the plan period, today marked, overdue
 * activities marked in text too (not by colour alone).
 */
export function Timeline(props: { plan: ActionPlanJSON; today: string }) {
  const dated = () => allActivities(props.plan).filter((a) => a.start && a.end && isValidDate(a.start) && isValidDate(a.end));
  const range = () => {
    const starts = dated().map((a) => a.start ?? '');
    const ends = dated().map((a) => a.end ?? '');
    const from = props.plan.periodStart && isValidDate(props.plan.periodStart) ? props.plan.periodStart : [...starts].sort()[0];
    const to = props.plan.periodEnd && isValidDate(props.plan.periodEnd) ? props.plan.periodEnd : [...ends].sort().at(-1);
    return from && to && to > from ? { from, to, days: daysBetween(from, to) } : null;
  };
  const percent = (date: string) => {
    const r = range();
    return r ? Math.min(100, Math.max(0, (daysBetween(r.from, date) / r.days) * 100)) : 0;
  };
  const overdue = (a: { end: string | null; status: string }) => a.end !== null && a.end < props.today && a.status !== 'done' && a.status !== 'cancelled';
  return (
    <section aria-labelledby="timeline-heading" class="timeline">
      <h2 id="timeline-heading">{t('timeline')}</h2>
      <Show when={range()} fallback={<p>{t('noIssues')}</p>}>
        {(r) => (
          <>
            <p class="muted">
              {longDate(r().from)} – {longDate(r().to)}
            </p>
            <div class="timeline-grid">
              <Show when={props.today >= r().from && props.today <= r().to}>
                <div class="today-line" style={{ left: `calc(14rem + (100% - 14rem) * ${percent(props.today) / 100})` }}>
                  <span>{t('today')}</span>
                </div>
              </Show>
              <ul>
                <For each={dated()}>
                  {(a) => (
                    <li classList={{ overdue: overdue(a) }}>
                      <span class="timeline-label">
                        {a.number} {a.title}
                        <Show when={overdue(a)}>
                          <strong class="overdue-tag"> ({t('overdue')})</strong>
                        </Show>
                      </span>
                      <span class="timeline-track">
                        <span
                          class="timeline-bar"
                          style={{ left: `${percent(a.start ?? '')}%`, width: `${Math.max(0.8, percent(a.end ?? '') - percent(a.start ?? ''))}%` }}
                          title={`${a.start} – ${a.end}`}
                        >
                          <span class="visually-hidden">
                            {longDate(a.start ?? '')} – {longDate(a.end ?? '')}
                          </span>
                        </span>
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
