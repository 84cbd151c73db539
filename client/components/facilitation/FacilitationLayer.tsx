import { useLocation } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { ROOTS, type DocumentKind } from '../../../shared/model/kinds.js';
import { roleAtLeast, type Role } from '../../../shared/roles.js';
import { hasSessionRoot } from '../../sync/session.js';
import { ft } from '../../i18n/facilitation-messages.js';
import { FacilitatorBar } from './FacilitatorBar.jsx';
import { FromAgendaList } from './FromAgendaList.jsx';
import { ParticipantStrip } from './ParticipantStrip.jsx';
import { createOpenRounds } from './open-rounds.js';
import { RoundBallot } from './RoundBallot.jsx';
import { RoundResults } from './RoundResults.jsx';
import { useHashTarget } from './hash-target.js';
import { usePauseOnOwnMove, useSpotlight } from './spotlight.js';
import { setFollowing } from '../../sync/session.js';
import { createFacilitation, type Facilitation } from './use-facilitation.js';
import './facilitation.css';

export interface FacilitationLayerProps {
  doc: Y.Doc;
  documentId: string;
  workspaceId: string;
  kind: DocumentKind;
  userId: string;
  /** Shows the facilitator's bar (a coordinator on the document page, not on the projector). */
  facilitator: boolean;
  canEdit: boolean;
  awareness: Facilitation['awareness'];
  /**
   * Heads the rounds and results with an h2 "Arbetspass" while there are any: for the
   * presentation view, where they follow the page's h1 (their own headings are h3).
   */
  heading?: boolean;
}

/** A ballot for each open round (open-rounds.ts). */
function OpenRounds(props: { f: Facilitation; open: ReturnType<typeof createOpenRounds> }) {
  return <For each={props.open.rounds()}>{(round) => <RoundBallot f={props.f} id={round.id} title={round.title} published={props.open.published()} />}</For>;
}

/**
 * Facilitation on a document (DESIGN "Facilitation (any document kind)"): the spotlight on
 * the page, the participants' strip while a session runs, open rounds and the latest
 * results for every member, and the facilitator's bar for coordinators.
 */
export function FacilitationLayer(props: FacilitationLayerProps) {
  const f = createFacilitation({ ...props });
  const following = () => f.peers().find((p) => p.self)?.following ?? true;
  const running = () => f.session.spotlightBy !== null;
  // The one running the session does not follow themselves: their page stays where they work.
  const leads = () => f.facilitator && f.session.spotlightBy === f.userId;
  useSpotlight({ spotlight: () => f.session.spotlight, follow: () => following() && !leads(), items: f.items });
  usePauseOnOwnMove(() => running() && following() && !leads(), () => setFollowing(f.awareness, false));
  // Arriving by a link to one item (links.tsx) is the person's own move too.
  const location = useLocation();
  useHashTarget(() => location.hash, () => setFollowing(f.awareness, false));
  const closed = () => f.session.rounds.filter((r) => r.status === 'closed');
  const open = createOpenRounds(f);
  return (
    <>
      {/* Outside the layer's box: a sticky element sticks only within its parent, and the page body is tall. */}
      <Show when={running()}>
        <ParticipantStrip f={f} leads={leads()} rounds={open.rounds()} />
      </Show>
      <div class="facilitation" role="region" aria-label={ft('bar')} data-facilitation>
        <Show when={props.facilitator}>
          <FacilitatorBar f={f} />
        </Show>
        <Show when={props.heading && (open.rounds().length > 0 || closed().length > 0)}>
          <h2 class="facilitation-heading">{ft('bar')}</h2>
        </Show>
        <OpenRounds f={f} open={open} />
        <For each={closed()}>{(round) => <RoundResults f={f} round={round} />}</For>
        <Show when={props.kind === 'action-plan'}>
          <FromAgendaList f={f} />
        </Show>
      </div>
    </>
  );
}

/**
 * The layer on the document page: the facilitator's bar for coordinators of a writable
 * document whose kind has a `session` map (schema 2), everything else for every member.
 */
export function DocumentFacilitation(props: {
  info: { id: string; workspaceId: string; kind: DocumentKind; role: Role };
  userId: string;
  live: { doc: Y.Doc; provider: { awareness: Facilitation['awareness'] } };
  editable: boolean;
}) {
  const facilitator = props.editable && roleAtLeast(props.info.role, 'coordinator') && hasSessionRoot(ROOTS[props.info.kind].maps);
  return (
    <FacilitationLayer
      doc={props.live.doc}
      documentId={props.info.id}
      workspaceId={props.info.workspaceId}
      kind={props.info.kind}
      userId={props.userId}
      facilitator={facilitator}
      canEdit={props.editable}
      awareness={props.live.provider.awareness}
    />
  );
}
