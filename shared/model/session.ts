/**
 * The live facilitation state every kind carries since schema version 2 (DESIGN
 * "Facilitation (any document kind)"): the root map `session` with the spotlight, the
 * timer and the closed and open dot-vote rounds, and the `priority` a closed round gives
 * to the items it ranked. Per-person state (following, a raised hand) is awareness, not here.
 *
 * `session.rounds` is written only by the server (rounds API); the rest of `session` only
 * by coordinators (docs/facilitation.md says how the server enforces both).
 */
import * as Y from 'yjs';
import { PRIORITY_COLLECTIONS, isDocumentKind } from './kinds.js';
import { itemsOf, readInt, type YItem } from './ymap.js';

export interface SpotlightJSON {
  collection: string;
  id: string;
}

export interface TimerJSON {
  itemId: string | null;
  /** Length of the countdown, seconds. */
  durationSec: number;
  /** When it was (re)started, ISO 8601 UTC; null while paused or not started. */
  startedAt: string | null;
  /** Seconds left when paused; null while running. */
  pausedRemainingSec: number | null;
}

export interface RoundResultJSON {
  collection: string;
  id: string;
  /** Dots the item got in total. */
  dots: number;
  /** People who gave it at least one dot. */
  voters: number;
  /**
   * The item's label when the round closed ("1.2 Title", as shared/model/session-items.ts
   * names it), so the results name what was voted on after a rename or removal; absent in
   * rounds closed before it was stored.
   */
  label?: string;
}

export interface RoundJSON {
  title: string;
  status: 'open' | 'closed';
  /** ISO 8601 UTC; null while open. */
  closedAt: string | null;
  /** Ranked (see docs/facilitation.md); empty while open. */
  results: RoundResultJSON[];
}

export interface SessionJSON {
  spotlight: SpotlightJSON | null;
  spotlightBy: string | null;
  timer: TimerJSON | null;
  rounds: Record<string, RoundJSON>;
}

/** The keys the `session` map holds, with their empty values (the rounds map aside). */
const EMPTY_SESSION_KEYS = ['spotlight', 'spotlightBy', 'timer'] as const;

/**
 * Writes the empty `session` shape into `doc` where it is missing; keeps what is there,
 * so running it again (or on a document that already has it) changes nothing.
 */
export function ensureSessionShape(doc: Y.Doc): void {
  const session = doc.getMap<unknown>('session');
  for (const key of EMPTY_SESSION_KEYS) if (!session.has(key)) session.set(key, null);
  if (!(session.get('rounds') instanceof Y.Map)) session.set('rounds', new Y.Map<unknown>());
}

/**
 * Gives every item of the document's votable collections (`PRIORITY_COLLECTIONS`) a
 * `priority: null` where it has none; an item that has one keeps it.
 */
export function ensurePriorities(doc: Y.Doc): void {
  const kind = doc.getMap<unknown>('meta').get('kind');
  if (!isDocumentKind(kind)) return;
  for (const root of PRIORITY_COLLECTIONS[kind]) {
    for (const [, item] of itemsOf(doc.getMap<unknown>(root))) if (!item.has('priority')) item.set('priority', null);
  }
}

/** An item's priority: a positive integer, or null (not ranked; also what a v1 writer leaves). */
export function readPriority(map: YItem): number | null {
  const value = readInt(map, 'priority');
  return value !== null && value >= 1 ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readSpotlight(value: unknown): SpotlightJSON | null {
  if (!isRecord(value) || typeof value.collection !== 'string' || typeof value.id !== 'string') return null;
  return { collection: value.collection, id: value.id };
}

function readTimer(value: unknown): TimerJSON | null {
  if (!isRecord(value) || typeof value.durationSec !== 'number' || !Number.isFinite(value.durationSec)) return null;
  return {
    itemId: typeof value.itemId === 'string' ? value.itemId : null,
    durationSec: value.durationSec,
    startedAt: typeof value.startedAt === 'string' ? value.startedAt : null,
    pausedRemainingSec: typeof value.pausedRemainingSec === 'number' ? value.pausedRemainingSec : null,
  };
}

function readResult(value: unknown): RoundResultJSON | null {
  if (!isRecord(value) || typeof value.collection !== 'string' || typeof value.id !== 'string') return null;
  const dots = typeof value.dots === 'number' ? value.dots : 0;
  const voters = typeof value.voters === 'number' ? value.voters : 0;
  return { collection: value.collection, id: value.id, dots, voters, ...(typeof value.label === 'string' ? { label: value.label } : {}) };
}

/** One round as stored (a plain JSON value in `session.rounds`), read defensively. */
export function readRound(value: unknown): RoundJSON | null {
  if (!isRecord(value)) return null;
  const results = Array.isArray(value.results) ? value.results.map(readResult).filter((r): r is RoundResultJSON => r !== null) : [];
  return {
    title: typeof value.title === 'string' ? value.title : '',
    status: value.status === 'closed' ? 'closed' : 'open',
    closedAt: typeof value.closedAt === 'string' ? value.closedAt : null,
    results,
  };
}

/** The session as plain JSON; a v1 document (no session yet) reads as the empty session. */
export function sessionToJSON(doc: Y.Doc): SessionJSON {
  const session = doc.getMap<unknown>('session');
  const rounds: Record<string, RoundJSON> = {};
  const stored = session.get('rounds');
  if (stored instanceof Y.Map) {
    stored.forEach((value, id) => {
      const round = readRound(value);
      if (round) rounds[id] = round;
    });
  }
  return {
    spotlight: readSpotlight(session.get('spotlight')),
    spotlightBy: typeof session.get('spotlightBy') === 'string' ? String(session.get('spotlightBy')) : null,
    timer: readTimer(session.get('timer')),
    rounds,
  };
}
