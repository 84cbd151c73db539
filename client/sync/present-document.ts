/**
 * A document opened to be read in the presentation view (DESIGN "Versions, changes, the
 * live draft", "Share links"): for a member through openDocument (their local copy and
 * presence), for a guest over `/ws/:doc?share=<token>` — no local copy, no presence, never
 * a write — and, for both, its data as a reactive view and what changed in the last minutes.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { ROOTS, type DocumentKind } from '../../shared/model/kinds.js';
import { createReconnectPolicy } from './close-codes.js';
import { openDocument } from './open-document.js';
import { changedKeys, createRecentChanges, RECENT_MS } from './recent-changes.js';
import { facilitationApi } from '../facilitation-api.js';
import { versionsApi, type ChangesSince } from '../versions-api.js';
import { createConnectionStatus, type ConnectionStatus } from './status.js';
import { createDocView } from './y-solid.js';

export interface PresentedDocument {
  doc: Y.Doc;
  provider: WebsocketProvider;
  status: Accessor<ConnectionStatus>;
  /** Keys changed by others in the last minutes (recent-changes.ts). */
  recent: Accessor<ReadonlySet<string>>;
  /** The document's currency (action plans; SEK for the other kinds), for amounts in change lists. */
  currency: Accessor<string>;
  destroy(): Promise<void>;
}

/** Quiet after the last change before lists compared with the live draft are fetched again. */
export const SETTLE_MS = 1500;

/**
 * A counter that goes up `quietMs` after the last change to `doc` (any origin: a peer's
 * edit, a restore, a local one), so a panel comparing with the live draft refetches once
 * per burst of typing, not per keystroke. Call inside a Solid owner; stops with it.
 */
export function createSettledRevision(doc: Y.Doc, quietMs = SETTLE_MS): Accessor<number> {
  const [revision, setRevision] = createSignal(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onUpdate = () => {
    clearTimeout(timer);
    timer = setTimeout(() => setRevision((n) => n + 1), quietMs);
  };
  doc.on('update', onUpdate);
  onCleanup(() => {
    clearTimeout(timer);
    doc.off('update', onUpdate);
  });
  return revision;
}

const socketUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;

const readCurrency = (doc: Y.Doc) => {
  const value = doc.getMap('meta').get('currency');
  return { currency: typeof value === 'string' && value ? value : 'SEK' };
};

/**
 * The live `meta.currency` of `doc` (an action plan's; SEK for the other kinds and before the
 * content arrives), for amounts in change lists, version compares and the history log — a
 * NOK plan's "– → 12 500 SEK" was wrong (user test u11). Call inside a Solid owner.
 */
export function documentCurrency(doc: Y.Doc): Accessor<string> {
  const meta = createDocView(doc, readCurrency);
  return () => meta.currency;
}

/**
 * The keys changed in the last `RECENT_MS` before now by the server's clock (`GET /api/time`:
 * a browser clock minutes off would ask for the wrong span), read by `changesSince(<ISO>)`.
 * Only a list counted from the exact state then (`from.kind` `moment`): when the server can
 * only count from an older visit or version, or from nothing (a document made in the last
 * minutes), it would mark more than the last minutes changed, so nothing is marked.
 */
async function changedLately(changesSince: (since: string) => Promise<ChangesSince>): Promise<string[]> {
  const now = Date.parse(await facilitationApi.time());
  const list = await changesSince(new Date(now - RECENT_MS).toISOString());
  return list.from.kind === 'moment' ? changedKeys(list.changes) : [];
}

function withRecent(kind: DocumentKind, opened: Omit<PresentedDocument, 'recent' | 'currency'>, changesSince: (since: string) => Promise<ChangesSince>): PresentedDocument {
  const { provider } = opened;
  // Only what arrives after the first sync is a change worth marking, not the document loading;
  // what changed in the minutes before comes from the server's list.
  const recent = createRecentChanges(opened.doc, ROOTS[kind].maps, (origin) => origin === provider && provider.synced, RECENT_MS, changedLately(changesSince));
  return { ...opened, recent, currency: documentCurrency(opened.doc) };
}

/** A member's document, read in the presentation view. Call inside a Solid owner. */
export function presentMemberDocument(id: string, kind: DocumentKind, user: { id: string; name: string }): PresentedDocument {
  const live = openDocument(id, user, ROOTS[kind].maps);
  return withRecent(kind, { doc: live.doc, provider: live.provider, status: live.status, destroy: () => live.destroy() }, (since) => versionsApi.changesSinceMoment(id, since));
}

/**
 * A guest's document through a share link. The provider stops after 44xx (close-codes.ts);
 * its `closed` event says with which code (4401: the link expired or was revoked).
 */
export function presentSharedDocument(id: string, kind: DocumentKind, token: string): PresentedDocument {
  const doc = new Y.Doc();
  const policy = createReconnectPolicy();
  const provider = new WebsocketProvider(socketUrl(), id, doc, {
    disableBc: true,
    params: { share: token },
    shouldReconnect: (event) => policy(event.code, Date.now()),
  });
  // A guest is not a person in the document: nobody sees them, and they announce nothing.
  provider.awareness.setLocalState(null);
  const status = createConnectionStatus(provider);
  const destroy = () => {
    provider.destroy();
    doc.destroy();
    return Promise.resolve();
  };
  return withRecent(kind, { doc, provider, status, destroy }, (since) => versionsApi.sharedChanges(token, since));
}
