/**
 * Everything the facilitation components read, built once per open document: the session
 * map as a reactive view, the spotlightable items, the peers' session fields, and a ticking
 * server time (server-clock.ts) for the timer.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { DocumentKind } from '../../../shared/model/kinds.js';
import { facilitationApi } from '../../facilitation-api.js';
import { createServerClock, type ServerClock } from '../../lib/server-clock.js';
import { createDocView } from '../../sync/y-solid.js';
import { obeyLoweredHand, readSession, readSessionPeers, type AwarenessLike, type SessionPeer, type SessionState } from '../../sync/session.js';
import { sessionItems, sessionItemsRelevance, type SessionItem } from './items.js';

export interface Facilitation {
  doc: Y.Doc;
  documentId: string;
  workspaceId: string;
  kind: DocumentKind;
  userId: string;
  /** Runs sessions and rounds (coordinator, and the document's `session` map exists). */
  facilitator: boolean;
  /** May write into the document (decisions, action items). */
  canEdit: boolean;
  session: SessionState;
  items: Accessor<SessionItem[]>;
  peers: Accessor<SessionPeer[]>;
  awareness: AwarenessLike & { on(e: 'change', f: () => void): void; off(e: 'change', f: () => void): void };
  clock: ServerClock;
  /** The server's time (ms), refreshed four times a second: the timer's ±1 s needs no more. */
  now: Accessor<number>;
}

export interface FacilitationInput {
  doc: Y.Doc;
  documentId: string;
  workspaceId: string;
  kind: DocumentKind;
  userId: string;
  facilitator: boolean;
  canEdit: boolean;
  awareness: Facilitation['awareness'];
}

/** Builds the facilitation state; call inside a Solid owner (listeners and timers end with it). */
export function createFacilitation(input: FacilitationInput): Facilitation {
  const session = createDocView(input.doc, readSession);
  const itemView = createDocView(input.doc, (doc) => ({ list: sessionItems(input.kind, doc) }), sessionItemsRelevance(input.kind));
  const [peers, setPeers] = createSignal(readSessionPeers(input.awareness));
  const onAwareness = () => {
    // Someone lowered this browser's hand: take it down here, where the awareness is ours.
    obeyLoweredHand(input.awareness, input.userId);
    setPeers(readSessionPeers(input.awareness));
  };
  input.awareness.on('change', onAwareness);
  onCleanup(() => input.awareness.off('change', onAwareness));
  const clock = createServerClock({ fetchNow: facilitationApi.time });
  const [now, setNow] = createSignal(clock.now());
  const tick = setInterval(() => setNow(clock.now()), 250);
  onCleanup(() => clearInterval(tick));
  return { ...input, session, items: () => itemView.list, peers, clock, now };
}
