import { createResource, For, Show } from 'solid-js';
import { api } from '../../api.js';
import { ft } from '../../i18n/facilitation-messages.js';
import { createDocView } from '../../sync/y-solid.js';
import { anchorHref, splitLink } from './hash-target.js';
import { sourcedActivities, sourcedActivitiesRelevant } from './items.js';
import type { Facilitation } from './use-facilitation.js';

/** One activity made from an agenda's action item: "Från agenda: <agenda title>", linking back. */
function FromAgenda(props: { agendaId: string; actionId: string; label: string; activityId: string }) {
  const [agenda] = createResource(() => props.agendaId, (id) => api.document(id).catch(() => null));
  return (
    <li data-activity-source={props.activityId}>
      {props.label}: <a href={anchorHref('action', { docId: props.agendaId, itemId: props.actionId })}>{ft('fromAgenda', { label: agenda()?.title ?? props.agendaId })}</a>
    </li>
  );
}

/** In a plan: the activities that came from agendas (their `source`), each linking to its agenda. */
export function FromAgendaList(props: { f: Facilitation }) {
  // Re-read only when a number, title, source or the activities' order changes: reading the
  // whole plan on every keystroke cost tens of milliseconds at 2 000 activities.
  const view = createDocView(
    props.f.doc,
    (doc) => ({
      rows: sourcedActivities(doc).flatMap((a) => {
        const link = splitLink(a.source);
        return link ? [{ id: a.id, label: a.label, agendaId: link.docId, actionId: link.itemId }] : [];
      }),
    }),
    sourcedActivitiesRelevant,
  );
  return (
    <Show when={view.rows.length > 0}>
      <section class="session-from-agenda" aria-labelledby="from-agenda">
        <h3 id="from-agenda">{ft('fromAgendaHeading')}</h3>
        <ul>
          <For each={view.rows}>{(row) => <FromAgenda agendaId={row.agendaId} actionId={row.actionId} label={row.label} activityId={row.id} />}</For>
        </ul>
      </section>
    </Show>
  );
}
