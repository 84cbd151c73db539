/**
 * Issue 17 (red team, "one editor's legal bulk writes stall every document"): `ws` hands a
 * room every message of one read back to back, so a bulk writer's updates (500 items,
 * ~20 KB each) were applied one after another in that turn until the writer's share was
 * spent, and other documents waited. An update up to AT_ONCE_BYTES is applied at once (as
 * typing always was); a bigger one waits a turn of the event loop, where others are served.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createActionPlan } from '../../shared/model/action-plan.js';
import { AT_ONCE_BYTES, ClientUpdates } from '../../server/sync/client-updates.js';
import type { RoomClient } from '../../server/sync/client.js';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.js';
import { UpdateGuard } from '../../server/sync/update-guard.js';
import { wholeItem } from '../support/required-items.js';

/** An update adding `items` cost items to a copy of `doc`. */
function costsUpdate(doc: Y.Doc, items: number, tag: string): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  copy.transact(() => {
    for (let i = 0; i < items; i++) {
      copy.getMap('costs').set(`${tag}-${i}`, wholeItem('action-plan', 'costs', { order: 'b', label: 'x' }));
    }
  });
  return Y.encodeStateAsUpdate(copy, before);
}

function room(): { doc: Y.Doc; updates: ClientUpdates; client: RoomClient; refused: unknown[] } {
  const doc = new Y.Doc();
  createActionPlan(doc, { title: 'Plan' } as Parameters<typeof createActionPlan>[1]);
  const guard = new UpdateGuard(DEFAULT_SYNC_LIMITS);
  guard.describe(doc);
  const refused: unknown[] = [];
  const client = { userId: 'u1', role: 'editor' } as RoomClient;
  const updates = new ClientUpdates({ guard, now: () => 0, maxQueuedBytes: 8 << 20, doc: () => doc, present: () => true, live: () => true, refuse: (_c, error) => refused.push(error) });
  return { doc, updates, client, refused };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('when a received update is applied', () => {
  const cases = [1, 10, 40, 100, 500].map((items) => ({ items }));
  it.each(cases)('$items items: at once up to AT_ONCE_BYTES, else in a later turn', async ({ items }) => {
    const { doc, updates, client, refused } = room();
    const update = costsUpdate(doc, items, 'a');
    updates.receive(client, update);
    const atOnce = update.length <= AT_ONCE_BYTES;
    expect(doc.getMap('costs').size).toBe(atOnce ? items : 0);
    await updates.settled();
    expect(doc.getMap('costs').size).toBe(items);
    expect(refused).toEqual([]);
  });

  it('a bulk writer’s updates sent back to back are applied one per turn, in order', async () => {
    const { doc, updates, client } = room();
    const bulk = Array.from({ length: 5 }, (_, u) => costsUpdate(doc, 500, `b${u}`));
    expect(Math.min(...bulk.map((update) => update.length))).toBeGreaterThan(AT_ONCE_BYTES);
    for (const update of bulk) updates.receive(client, update);
    expect(doc.getMap('costs').size).toBe(0);
    const seen: number[] = [];
    while (doc.getMap('costs').size < 2_500) {
      await nextTurn();
      seen.push(doc.getMap('costs').size);
    }
    // Never two updates in one turn (a turn here is one setImmediate; an update may take more than one).
    for (let i = 1; i < seen.length; i++) expect((seen[i] ?? 0) - (seen[i - 1] ?? 0)).toBeLessThanOrEqual(500);
    await updates.settled();
  });
});
