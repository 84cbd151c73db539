import { For, Show } from 'solid-js';
import { scheduleMeeting } from '../../../shared/agenda-schedule.js';
import type { AgendaItemJSON, AgendaJSON, MeetingJSON } from '../../../shared/model/agenda.js';
import { longDate, t } from '../../i18n/index.js';
import { PlanActivityLink, PriorityBadge } from '../facilitation/links.jsx';

type Recent = () => ReadonlySet<string>;

function PresentItem(props: { item: AgendaItemJSON; start: string; end: string; overrun: boolean; recent: Recent }) {
  const item = () => props.item;
  return (
    <li class="present-item" data-item={item().id ?? 'none'} classList={{ recent: item().id !== null && props.recent().has(item().id ?? '') }}>
      <span class="present-clock" classList={{ overrun: props.overrun }}>
        {props.start}–{props.end}
        <Show when={props.overrun}>
          <span class="visually-hidden"> ({t('overTime')})</span>
        </Show>
      </span>
      <div>
        <strong>{item().title}</strong> <PriorityBadge priority={item().priority} />
        <Show when={item().presenter}>
          <span class="muted"> · {item().presenter}</span>
        </Show>
        <Show when={item().notes}>
          <p class="present-description">{item().notes}</p>
        </Show>
        <Show when={item().decisions.length > 0}>
          <p class="present-sub">{t('decisions')}:</p>
          <ul>
            <For each={item().decisions}>{(d) => <li classList={{ recent: props.recent().has(d.id) }}>{d.text}</li>}</For>
          </ul>
        </Show>
        <Show when={item().actions.length > 0}>
          <p class="present-sub">{t('actionItems')}:</p>
          <ul>
            <For each={item().actions}>
              {(a) => (
                <li classList={{ recent: props.recent().has(a.id) }} data-action-item={a.id}>
                  {a.text}
                  {a.owner ? ` – ${a.owner}` : ''}
                  {a.due ? ` (${t('due').toLowerCase()} ${a.due})` : ''}
                  {a.done ? ` ✓ ${t('done')}` : ''} <PlanActivityLink link={a.planActivity} />
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </li>
  );
}

/** A meeting with each item's clock time from shared/agenda-schedule. */
function PresentMeeting(props: { meeting: MeetingJSON; recent: Recent }) {
  const m = () => props.meeting;
  const schedule = () => scheduleMeeting(m());
  const headingId = () => `pm-${m().id ?? 'none'}`;
  const when = () => [m().date ? longDate(m().date) : '', m().start && m().end ? `${m().start}–${m().end}` : m().start, m().location].filter(Boolean).join(' · ');
  return (
    <section class="present-section" aria-labelledby={headingId()} data-meeting={m().id ?? 'none'} classList={{ recent: m().id !== null && props.recent().has(m().id ?? '') }}>
      <h2 id={headingId()}>{m().title || t('meeting')}</h2>
      <p class="muted">{when()}</p>
      <Show when={schedule().overrunMinutes > 0}>
        <p class="error">{t('overrunBy', { minutes: schedule().overrunMinutes })}</p>
      </Show>
      <ol class="present-items">
        <For each={m().items} fallback={<li class="muted">{t('present_noItems')}</li>}>
          {(item, i) => {
            const slot = () => schedule().items[i()];
            return <PresentItem item={item} start={slot()?.start ?? ''} end={slot()?.end ?? ''} overrun={slot()?.overrun ?? false} recent={props.recent} />;
          }}
        </For>
      </ol>
    </section>
  );
}

/** The agenda: meetings with clock times, then milestones. */
export function PresentAgenda(props: { agenda: AgendaJSON; recent: Recent }) {
  const a = () => props.agenda;
  return (
    <>
      {/* The network is under the title, in PresentView. */}
      <For each={a().meetings}>{(meeting) => <PresentMeeting meeting={meeting} recent={props.recent} />}</For>
      <Show when={a().milestones.length > 0}>
        <section class="present-section" aria-labelledby="present-milestones">
          <h2 id="present-milestones">{t('milestones')}</h2>
          <ul>
            <For each={a().milestones}>
              {(m) => (
                <li classList={{ recent: props.recent().has(m.id) }}>
                  {m.date} – {m.title}
                  {m.done ? ` ✓ ${t('done')}` : ''}
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
