/**
 * An import's document comes out of the worker in pieces (build-import.ts, red team S9
 * finding 3: the largest table's 12.8 MB update was one insert of ~100 ms on the loop), each
 * small, each applying completely in order (nothing left waiting for a later piece), and
 * together the whole plan. Table over table sizes; the splitting itself is
 * tests/unit/split-update.test.ts's.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildImport, IMPORT_PIECE_WEIGHT } from '../../server/import/build-import.js';
import { actionPlanToJSON } from '../../shared/model/action-plan.js';
import { largestTable } from '../support/largest-table.js';

// [rows, fewest pieces]: a small table is one piece, a big one many.
const CASES: Array<[number, number]> = [
  [10, 1],
  [200, 1],
  [1_500, 2],
];

describe('an imported document in pieces', () => {
  it.each(CASES)('a table of %i rows: at least %i pieces, each applied whole, together the plan', (rows, fewest) => {
    const { updates } = buildImport({ bytes: new TextEncoder().encode(largestTable(rows)), maxRows: 20_000 });
    expect(updates.length).toBeGreaterThanOrEqual(fewest);
    const doc = new Y.Doc();
    for (const update of updates) {
      // A piece is about IMPORT_PIECE_WEIGHT structs (plus content/64): far under 1 MiB.
      expect(update.byteLength).toBeLessThan(IMPORT_PIECE_WEIGHT * 100);
      Y.applyUpdate(doc, update);
      expect(doc.store.pendingStructs).toBeNull();
    }
    const plan = actionPlanToJSON(doc);
    const goals = Math.ceil((rows - 3) / 20);
    expect(plan.title).toBe('Stor plan');
    expect(plan.goals).toHaveLength(goals);
    expect(plan.goals.reduce((n, goal) => n + goal.activities.length, 0)).toBe(rows - 3 - goals);
  });
});
