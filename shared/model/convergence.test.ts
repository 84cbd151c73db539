/**
 * Randomized: two peers make random edits, exchange them in different orders (and in
 * pieces), and must end with the same plan and the same totals.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { totals } from '../totals.js';
import { actionPlanRoots, actionPlanToJSON, addActivity, addCost, addGoal, moveActivity, removeItem, updateItem } from './action-plan.js';
import { createDocument } from './document.js';
import { orderBetween } from './order.js';

/** A small seeded PRNG (mulberry32) so a failing seed can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: T[]): T | undefined => list[Math.floor(next() * list.length)] };
}

function randomEdit(doc: Y.Doc, rng: ReturnType<typeof random>): void {
  const roots = actionPlanRoots(doc);
  const goals = [...roots.goals.keys()];
  const activities = [...roots.activities.keys()];
  const costs = [...roots.costs.keys()];
  switch (rng.int(9)) {
    case 0:
      addGoal(doc, { number: String(rng.int(9)), title: `Mål ${rng.int(100)}` });
      break;
    case 1:
      addActivity(doc, rng.pick(goals) ?? 'none', { title: `A${rng.int(100)}`, budget: rng.int(5) === 0 ? null : rng.int(1_000_000) });
      break;
    case 2: {
      const id = rng.pick(activities);
      if (id) updateItem(doc, 'activities', id, { budget: rng.int(1_000_000) });
      break;
    }
    case 3: {
      const id = rng.pick(activities);
      if (id) moveActivity(doc, id, rng.pick(goals) ?? 'none', orderBetween(null, rng.int(2) ? 'a5' : null));
      break;
    }
    case 4: {
      const id = rng.pick(goals);
      if (id && rng.int(3) === 0) removeItem(doc, 'goals', id);
      break;
    }
    case 5: {
      const id = rng.pick(activities);
      const text = id ? roots.activities.get(id) : undefined;
      const title = text instanceof Y.Map ? text.get('title') : undefined;
      if (title instanceof Y.Text) title.insert(rng.int(title.length + 1), String.fromCharCode(97 + rng.int(26)));
      break;
    }
    case 6:
      addCost(doc, { section: rng.pick(['Projektledning', 'Kommunikation', '']) ?? '', label: 'Rad', description: '', amount: rng.int(100_000) });
      break;
    case 7: {
      const id = rng.pick(costs);
      if (id) updateItem(doc, 'costs', id, { amount: rng.int(100_000) });
      break;
    }
    case 8:
      doc.transact(() => actionPlanRoots(doc).budget.set('frame', rng.int(10_000_000)));
      break;
  }
}

describe('convergence', () => {
  it.each(Array.from({ length: 25 }, (_, i) => i + 1))('seed %i: same edits in different orders give the same plan and totals', (seed) => {
    const rng = random(seed);
    const base = createDocument('action-plan', { title: 'Plan', goals: [{ number: '1', title: 'Mål', description: '', activities: [{ title: 'A', budget: 100 }] }] });
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(base));
    const fromA: Uint8Array[] = [];
    const fromB: Uint8Array[] = [];
    a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && fromA.push(update));
    b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && fromB.push(update));

    for (let round = 0; round < 40; round++) {
      randomEdit(a, rng);
      randomEdit(b, rng);
      // Now and then deliver part of the backlog, in a shuffled order.
      if (rng.int(4) === 0) {
        for (const update of fromA.splice(0, rng.int(fromA.length + 1)).reverse()) Y.applyUpdate(b, update, 'remote');
      }
    }
    // A receives B's updates newest-first; B receives the rest of A's in order.
    for (const update of [...fromB].reverse()) Y.applyUpdate(a, update, 'remote');
    for (const update of fromA) Y.applyUpdate(b, update, 'remote');

    const jsonA = actionPlanToJSON(a);
    const jsonB = actionPlanToJSON(b);
    expect(jsonA).toEqual(jsonB);
    expect(totals(jsonA)).toEqual(totals(jsonB));
  });
});
