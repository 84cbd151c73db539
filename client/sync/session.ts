/**
 * The live session of a document (DESIGN "Facilitation"): the shared part lives in the
 * document's `session` map (spotlight, timer, closed rounds), so late joiners and reloads
 * see it. Everything read from the map passes zod first: any editor's browser can write
 * into it, and a malformed value must read as "nothing" rather than break the view.
 * Session writes carry their own origin, so Ctrl+Z never undoes a spotlight or a timer.
 */
import * as Y from 'yjs';
import { z } from '../lib/zod.js';

/** The origin of session writes (not LOCAL_ORIGIN: the undo manager leaves them alone). */
export const SESSION_ORIGIN = { session: true } as const;

const ref = z.object({ collection: z.string().min(1).max(40), id: z.string().min(1).max(100) });
export type ItemRef = z.infer<typeof ref>;

const timer = z.object({
  itemId: z.string().max(100).nullable(),
  durationSec: z.number().int().min(0),
  startedAt: z.string().nullable(),
  pausedRemainingSec: z.number().int().nullable(),
});
export type SessionTimer = z.infer<typeof timer>;

const result = z.object({
  collection: z.string(),
  id: z.string(),
  dots: z.number().int().min(0),
  voters: z.number().int().min(0),
  /** The item's label when the round closed (server-written); absent in older rounds. */
  label: z.string().optional().catch(undefined),
});
export type RoundResult = z.infer<typeof result>;
const round = z.object({
  title: z.string().catch(''),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable().catch(null),
  results: z.array(result).catch([]),
});
export type SessionRound = z.infer<typeof round> & { id: string };

export interface SessionState {
  /** Who runs the session; null when no session is running. */
  spotlightBy: string | null;
  spotlight: ItemRef | null;
  timer: SessionTimer | null;
  /** Rounds in the map, open ones first, then the latest closed first. */
  rounds: SessionRound[];
}

const plain = (value: unknown): unknown => (value instanceof Y.AbstractType ? (value.toJSON() as unknown) : value);
const parsed = <T>(schema: z.ZodType<T>, value: unknown): T | null => {
  const found = schema.safeParse(plain(value));
  return found.success ? found.data : null;
};

function readRounds(value: unknown): SessionRound[] {
  const entries = value instanceof Y.Map ? [...(value as Y.Map<unknown>).entries()] : typeof value === 'object' && value !== null ? Object.entries(value) : [];
  const rounds: SessionRound[] = [];
  for (const [id, raw] of entries) {
    const found = parsed(round, raw);
    if (found) rounds.push({ ...found, id });
  }
  return rounds.sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
}

/** The session as plain, checked values; an absent `session` map reads as no session. */
export function readSession(doc: Y.Doc): SessionState {
  const map = doc.getMap<unknown>('session');
  const by = map.get('spotlightBy');
  return {
    spotlightBy: typeof by === 'string' && by ? by : null,
    spotlight: parsed(ref, map.get('spotlight')),
    timer: parsed(timer, map.get('timer')),
    rounds: readRounds(map.get('rounds')),
  };
}

/** Whether this document kind has a `session` map the server accepts writes to. */
export function hasSessionRoot(rootNames: readonly string[]): boolean {
  return rootNames.includes('session');
}

function write(doc: Y.Doc, fields: Record<string, unknown>): void {
  const map = doc.getMap<unknown>('session');
  doc.transact(() => {
    for (const [key, value] of Object.entries(fields)) map.set(key, value);
  }, SESSION_ORIGIN);
}

/** Starts a session run by `userId`: nothing spotlit, no timer yet. */
export function startSession(doc: Y.Doc, userId: string): void {
  write(doc, { spotlightBy: userId, spotlight: null, timer: null });
}

/** Ends the session: spotlight and timer go; closed rounds stay (their results are the record). */
export function stopSession(doc: Y.Doc): void {
  write(doc, { spotlightBy: null, spotlight: null, timer: null });
}

/** Spotlights `item` (or nothing) for everyone following; `userId` becomes the one running the session. */
export function setSpotlight(doc: Y.Doc, item: ItemRef | null, userId: string): void {
  write(doc, { spotlight: item, spotlightBy: userId });
}

/** Writes a timer (null removes it). Times are the server's (server-clock.ts), never this browser's. */
export function setTimer(doc: Y.Doc, value: SessionTimer | null): void {
  write(doc, { timer: value });
}

/** What a peer shares about the session through awareness (never the document). */
export interface SessionPeer {
  clientId: number;
  userId: string;
  name: string;
  /** Following the spotlight (the default: a state without the field follows). */
  following: boolean;
  /** When the hand went up (server time, ISO), or null. */
  handRaisedAt: string | null;
  self: boolean;
}

/** The minimal awareness this adapter needs (y-protocols' Awareness has it). */
export interface AwarenessLike {
  clientID: number;
  getStates(): Map<number, Record<string, unknown>>;
  getLocalState(): Record<string, unknown> | null;
  setLocalStateField(field: string, value: unknown): void;
}

const isoOrNull = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null);
const handKey = (userId: string, raisedAt: string) => `${userId}@${raisedAt}`;

/** Hands lowered by someone (facilitators write `lowerHands`): keys `userId@raisedAt`. */
function loweredHands(states: Map<number, Record<string, unknown>>): Set<string> {
  const keys = new Set<string>();
  for (const state of states.values()) {
    if (Array.isArray(state.lowerHands)) for (const key of state.lowerHands) if (typeof key === 'string') keys.add(key);
  }
  return keys;
}

/** Everyone in the document with their session fields; a lowered hand reads as down at once. */
export function readSessionPeers(awareness: AwarenessLike): SessionPeer[] {
  const states = awareness.getStates();
  const lowered = loweredHands(states);
  const peers: SessionPeer[] = [];
  for (const [clientId, state] of states) {
    const user = typeof state.user === 'object' && state.user !== null ? (state.user as Record<string, unknown>) : null;
    if (!user || typeof user.id !== 'string') continue;
    const raised = isoOrNull(state.handRaisedAt);
    peers.push({
      clientId,
      userId: user.id,
      name: typeof user.name === 'string' ? user.name : '?',
      following: state.following !== false,
      handRaisedAt: raised && !lowered.has(handKey(user.id, raised)) ? raised : null,
      self: clientId === awareness.clientID,
    });
  }
  return peers;
}

/** Raised hands in the order raised (earliest first), one per person and browser. */
export function handsQueue(peers: readonly SessionPeer[]): SessionPeer[] {
  return peers.filter((p) => p.handRaisedAt !== null).sort((a, b) => (a.handRaisedAt ?? '').localeCompare(b.handRaisedAt ?? '') || a.clientId - b.clientId);
}

/** Follow the spotlight or not: awareness only, so a reload follows again (the default). */
export function setFollowing(awareness: AwarenessLike, following: boolean): void {
  awareness.setLocalStateField('following', following);
}

/** Raises (server time, ISO) or lowers this browser's hand. */
export function setHand(awareness: AwarenessLike, raisedAt: string | null): void {
  awareness.setLocalStateField('handRaisedAt', raisedAt);
}

/**
 * Lowers `peer`'s hand: awareness is each browser's own, so the facilitator publishes the
 * hand's key and the peer's browser lowers it (see `obeyLoweredHand`); everyone's queue
 * drops it at once. Keys of hands no longer up are pruned, so the list stays short.
 */
export function lowerHand(awareness: AwarenessLike, peer: SessionPeer): void {
  if (peer.handRaisedAt === null) return;
  const up = new Set([...awareness.getStates().values()].map((s) => (typeof s.handRaisedAt === 'string' && typeof s.user === 'object' && s.user !== null ? handKey(String((s.user as Record<string, unknown>).id), s.handRaisedAt) : '')));
  const current = awareness.getLocalState()?.lowerHands;
  const kept = Array.isArray(current) ? current.filter((k): k is string => typeof k === 'string' && up.has(k)) : [];
  awareness.setLocalStateField('lowerHands', [...kept, handKey(peer.userId, peer.handRaisedAt)]);
}

/** Takes this browser's hand down when someone lowered it; returns whether it did. */
export function obeyLoweredHand(awareness: AwarenessLike, userId: string): boolean {
  const raised = isoOrNull(awareness.getLocalState()?.handRaisedAt);
  if (raised === null || !loweredHands(awareness.getStates()).has(handKey(userId, raised))) return false;
  setHand(awareness, null);
  return true;
}
