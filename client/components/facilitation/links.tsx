/**
 * What facilitation leaves on the documents themselves (DESIGN "Facilitation"): an item's
 * `priority` from a closed round as a badge, and the links both ways between an agenda's
 * action item and the plan activity made from it (`planActivity`, `source`). Used by the
 * editors and the presentation view alike; the anchors are those `useHashTarget` resolves.
 * The links are in-app navigations: the document page opens the other document when the
 * route's `/d/:doc` changes (DocumentPage.tsx, issue 17), and `useHashTarget` finds the item.
 */
import { createResource, Show, type JSX } from 'solid-js';
import { api } from '../../api.js';
import { ft } from '../../i18n/facilitation-messages.js';
import { activityExists, pageShown } from './activity-exists.js';
import { anchorHref, splitLink } from './hash-target.js';

export { anchorHref, splitLink };

/** "Prioritet 1" when the item has a priority (null: no round ranked it). */
export function PriorityBadge(props: { priority: number | null | undefined }) {
  return (
    <Show when={typeof props.priority === 'number' ? props.priority : null}>
      {(rank) => (
        <span class="priority-badge" data-priority={rank()}>
          {ft('priority', { rank: rank() })}
        </span>
      )}
    </Show>
  );
}

/**
 * On an agenda's action item: "I planen: aktivitet", to the activity's row in its plan; or,
 * when that activity is gone, "Aktiviteten finns inte längre i planen" and `whenGone` (the
 * "Gör till aktivitet" form where the action can be made an activity again; user test u14).
 */
export function PlanActivityLink(props: { link: string | null | undefined; whenGone?: JSX.Element }) {
  const shown = pageShown();
  // Asked again each time the page is shown again: a restore of the plan meanwhile is seen then.
  const [exists] = createResource(
    () => {
      const link = splitLink(props.link);
      return link ? { ...link, shown: shown() } : null;
    },
    (link) => activityExists(link.docId, link.itemId),
  );
  return (
    <Show when={splitLink(props.link)}>
      {(link) => (
        <Show when={exists() !== false} fallback={<><span class="plan-activity-gone" data-plan-activity-gone={props.link ?? ''}>{ft('activityGone')}</span>{props.whenGone}</>}>
          <a href={anchorHref('activity', link())} data-plan-activity={props.link ?? ''}>
            {ft('inPlan')}
          </a>
        </Show>
      )}
    </Show>
  );
}

function SourceLink(props: { link: { docId: string; itemId: string }; source: string }) {
  const [agenda] = createResource(() => props.link.docId, (id) => api.document(id).catch(() => null));
  return (
    <a href={anchorHref('action', props.link)} class="activity-source" data-activity-source-link={props.source}>
      {ft('fromAgenda', { label: agenda()?.title ?? '…' })}
    </a>
  );
}

/** On a plan activity made from an agenda action item: "Från agenda: <title>", to that action item. */
export function AgendaSourceLink(props: { source: string | null | undefined }) {
  return <Show when={splitLink(props.source)}>{(link) => <SourceLink link={link()} source={props.source ?? ''} />}</Show>;
}
