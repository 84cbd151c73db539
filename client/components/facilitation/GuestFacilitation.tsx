import { Show } from 'solid-js';
import type * as Y from 'yjs';
import type { DocumentKind } from '../../../shared/model/kinds.js';
import { ParticipantStrip } from './ParticipantStrip.jsx';
import { useSpotlight } from './spotlight.js';
import { createFacilitation, type Facilitation } from './use-facilitation.js';
import './facilitation.css';

/**
 * What a guest on a share link sees of a running session (docs/facilitation.md; user test
 * U14: politicians following a workshop saw neither): the spotlit item highlighted and
 * followed, its name and the timer, from the document's `session` map the link's socket
 * already receives. A guest has no account, so no hand, vote or presence: the strip shows no
 * buttons (as for the one who leads), and nothing is written to awareness.
 */
export function GuestFacilitation(props: { doc: Y.Doc; kind: DocumentKind; awareness: Facilitation['awareness'] }) {
  const f = createFacilitation({ doc: props.doc, documentId: '', workspaceId: '', kind: props.kind, userId: '', facilitator: false, canEdit: false, awareness: props.awareness });
  useSpotlight({ spotlight: () => f.session.spotlight, follow: () => true, items: f.items });
  return (
    <Show when={f.session.spotlightBy !== null}>
      <ParticipantStrip f={f} leads={true} rounds={[]} />
    </Show>
  );
}
