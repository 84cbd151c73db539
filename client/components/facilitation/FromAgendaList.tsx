import { createResource, For, Show } from 'solid-js';
import { actionPlanToJSON, allActivities } from '../../../shared/model/action-plan.js';
import { api } from '../../api.js';
import { ft } from '../../i18n/facilitation-messages.js';
import { createDocView } from '../../sync/y-solid.js';
import type { Facilitation } from './use-facilitation.js';

/** One activity made from an agenda's action item: "Från agenda: <agenda title>", linking back. */
function FromAgenda(props: { agendaId: string; label: string; activityId: string }) {
  const [agenda] = createResource(() => props.agendaId, (id) => api.document(id).catch(() => null));
  return (
    <li data-activity-source={props.activityId}>
      {props.label}: <a href={`/d/${props.agendaId}`}>{ft('fromAgenda', { label: agenda()?.title ?? props.agendaId })}</a>
    </li>
  );
}

/** In a plan: the activities that came from agendas (their `source`), each linking to its agenda. */
export function FromAgendaList(props: { f: Facilitation }) {
  const view = createDocView(props.f.doc, (doc) => ({
    rows: allActivities(actionPlanToJSON(doc)).flatMap((a) => {
      const source = (a as { source?: unknown }).source;
      return typeof source === 'string' && source.includes(':') ? [{ id: a.id, label: [a.number, a.title].filter(Boolean).join(' '), agendaId: source.split(':')[0] ?? '' }] : [];
    }),
  }));
  return (
    <Show when={view.rows.length > 0}>
      <section class="session-from-agenda" aria-labelledby="from-agenda">
        <h3 id="from-agenda">{ft('fromAgendaHeading')}</h3>
        <ul>
          <For each={view.rows}>{(row) => <FromAgenda agendaId={row.agendaId} label={row.label} activityId={row.id} />}</For>
        </ul>
      </section>
    </Show>
  );
}
