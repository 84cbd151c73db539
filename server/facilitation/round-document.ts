/**
 * What a round writes into the shared document (DESIGN "Facilitation"): the round under
 * `session.rounds` (title, status, closedAt, results — never ballots) and, when it closes,
 * each ranked item's `priority`. Called inside `rooms.change`, so it is one server change
 * every client sees live; clients may not write `session.rounds` themselves
 * (server/sync/protected-fields.ts).
 */
import * as Y from 'yjs';
import { PRIORITY_COLLECTIONS, isDocumentKind, type DocumentKind } from '../../shared/model/kinds.js';
import { sessionItems } from '../../shared/model/session-items.js';
import type { RoundJSON } from '../../shared/model/session.js';
import { ensureSessionShape } from '../../shared/model/session.js';
import { AppError } from '../errors.js';
import { documentPriorities, type ItemPriority, type RoundItem, type RoundResult } from './tally.js';

function itemMap(doc: Y.Doc, item: RoundItem): Y.Map<unknown> | null {
  const map = doc.getMap<unknown>(item.collection).get(item.id);
  return map instanceof Y.Map ? (map as Y.Map<unknown>) : null;
}

/**
 * Throws 400 `validation` unless every item is in a votable collection of the document's
 * kind (`PRIORITY_COLLECTIONS`) and exists in the document now.
 */
export function checkRoundItems(doc: Y.Doc, kind: DocumentKind, items: readonly RoundItem[]): void {
  const votable: readonly string[] = PRIORITY_COLLECTIONS[kind];
  for (const [index, item] of items.entries()) {
    if (!votable.includes(item.collection)) {
      throw new AppError(400, 'validation', `items.${index}.collection: ${item.collection} kan inte röstas om i det här dokumentet (${votable.join(', ')}).`);
    }
    if (!itemMap(doc, item)) throw new AppError(400, 'validation', `items.${index}: punkten ${item.id} finns inte i dokumentet.`);
  }
}

/** The round's items that exist in the document now, in the round's order. */
export function existingItems(doc: Y.Doc, items: readonly RoundItem[]): RoundItem[] {
  return items.filter((item) => itemMap(doc, item) !== null);
}

/**
 * Throws 400 `validation` when the ballot gives dots to an item deleted from the document
 * since the round opened (red-team FA2-4): such dots would never count.
 */
export function checkBallotItems(doc: Y.Doc, items: readonly RoundItem[], dots: Readonly<Record<string, number>>): void {
  for (const item of items) {
    const key = `${item.collection}:${item.id}`;
    if ((dots[key] ?? 0) > 0 && !itemMap(doc, item)) throw new AppError(400, 'validation', `dots: ${key} finns inte längre i dokumentet.`);
  }
}

function roundsMap(doc: Y.Doc): Y.Map<unknown> {
  ensureSessionShape(doc);
  const rounds = doc.getMap<unknown>('session').get('rounds');
  if (!(rounds instanceof Y.Map)) throw new Error('session.rounds is not a map');
  return rounds as Y.Map<unknown>;
}

/**
 * `results` with each item's label as the document names it now (shared/model/session-items.ts),
 * for a round about to close: its results keep naming what was voted
 * on after the item is renamed or removed (user test U14). An item without a label (not
 * listed for the document's kind) is left without one.
 */
export function labelResults(doc: Y.Doc, results: readonly RoundResult[]): RoundResult[] {
  const kind = doc.getMap<unknown>('meta').get('kind');
  if (!isDocumentKind(kind)) return [...results];
  const labels = new Map(sessionItems(kind, doc).map((item) => [`${item.collection}:${item.id}`, item.label]));
  return results.map((result) => {
    const label = labels.get(`${result.collection}:${result.id}`);
    return label === undefined ? result : { ...result, label };
  });
}

/** The round as clients see it, status open: no results yet. */
export function writeOpenRound(doc: Y.Doc, roundId: string, title: string): void {
  const round: RoundJSON = { title, status: 'open', closedAt: null, results: [] };
  roundsMap(doc).set(roundId, round);
}

/** Every item of the document in a collection that can hold a priority, with a number there now. */
function currentPriorities(doc: Y.Doc): ItemPriority[] {
  const collections = new Set<string>(Object.values(PRIORITY_COLLECTIONS).flat());
  const found: ItemPriority[] = [];
  for (const collection of collections) {
    if (!doc.share.has(collection)) continue;
    for (const [id, value] of doc.getMap<unknown>(collection).entries()) {
      const priority = value instanceof Y.Map ? value.get('priority') : null;
      if (typeof priority === 'number') found.push({ item: { collection, id }, priority });
    }
  }
  return found;
}

/**
 * The closed round with its ranked results, and the document's priorities after it
 * (`documentPriorities`: a round nobody voted in changes none; else its voted items first,
 * earlier ones after them, one ranking 1..n). Items deleted since the round opened are skipped.
 */
export function writeClosedRound(doc: Y.Doc, roundId: string, title: string, closedAt: string, results: RoundResult[]): void {
  const round: RoundJSON = { title, status: 'closed', closedAt, results };
  roundsMap(doc).set(roundId, round);
  for (const { item, priority } of documentPriorities(results, currentPriorities(doc))) {
    const map = itemMap(doc, item);
    if (map && map.get('priority') !== priority) map.set('priority', priority);
  }
}
