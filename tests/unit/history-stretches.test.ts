/**
 * The history deriver cuts a batch where the cursor may stand, whatever the other
 * documents do (issue 17, red team "full-document flood", docs/security-hostile.md): one
 * person typing in one plan, one update every keystroke from the same author, made one run
 * that spanned the whole batch, so a bulk writer's 10 000 entries in another plan had no cut
 * between them and were stored in one 220 ms transaction on the main thread. Now a run
 * never crosses the end of a stretch of the batch (`stretchesOf`: at most STRETCH_MAX_BYTES of
 * updates of every document), so every chunk holds at most a stretch's entries (or one
 * update's, which no cursor can split).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chunksOf } from '../../server/history/chunks.js';
import { DeriveCore, STRETCH_MAX_BYTES, stretchesOf } from '../../server/history/derive-core.js';
import type { LoggedUpdate, UpdateSource } from '../../server/history/source.js';
import { addGoal, createActionPlan } from '../../shared/model/action-plan.js';

function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** An in-memory log: every document starts empty, so the state before the cursor is its updates. */
function memorySource(rows: LoggedUpdate[]): UpdateSource {
  return {
    read: async (cursor, limit, horizon) => {
      const batch = rows.filter((row) => row.id > cursor && row.id <= horizon).slice(0, limit);
      const states = new Map(batch.map((row) => [row.documentId, { snapshot: null, updates: rows.filter((r) => r.documentId === row.documentId && r.id <= cursor).map((r) => r.data) }]));
      return { rows: batch, states };
    },
    close: async () => undefined,
  };
}

/** Records each transaction of `doc` as one logged update of `author`. */
function logging(doc: Y.Doc, documentId: string, author: string, rows: LoggedUpdate[]): void {
  doc.on('update', (data: Uint8Array) => rows.push({ id: rows.length + 1, documentId, data, userId: author, at: rows.length }));
}

/**
 * One person types in plan A (a keystroke per update) while another adds `perUpdate` goals
 * per update to plan B, interleaved as `typedPerBulk` keystrokes per bulk update.
 */
function typingBesideBulk(bulkUpdates: number, perUpdate: number, typedPerBulk: number): LoggedUpdate[] {
  const rows: LoggedUpdate[] = [];
  const typed = new Y.Doc();
  const bulk = new Y.Doc();
  logging(typed, 'a', 'typist', rows);
  logging(bulk, 'b', 'bulk', rows);
  createActionPlan(typed, { title: 'Skrivs i' });
  createActionPlan(bulk, { title: 'Fylls' });
  const subtitle = () => typed.getMap('meta').get('subtitle');
  for (let u = 0; u < bulkUpdates; u++) {
    for (let k = 0; k < typedPerBulk; k++) typed.getMap('meta').set('subtitle', `${String(subtitle())}x`);
    bulk.transact(() => {
      for (let i = 0; i < perUpdate; i++) addGoal(bulk, { number: `${u}.${i}`, title: `Mål ${u}.${i}` });
    });
  }
  return rows;
}

describe('a batch is cut at least every stretch, whatever runs span it', () => {
  it('typing in one plan beside a bulk writer in another: no chunk over one stretch of entries', async () => {
    const rows = typingBesideBulk(30, 100, 5);
    const core = new DeriveCore(memorySource(rows), () => 0);
    // From after the two plans were made (a document's creation is not listed as additions).
    const result = await core.derive(2, 10_000);
    const chunks = chunksOf(result.entries, result.cuts, 2, result.upTo, 500);
    const goals = result.entries.filter((e) => e.collection === 'goals' && e.op === 'added');
    expect(goals).toHaveLength(3000);
    // Before: the typist's one run spanned the batch, no cut inside, one chunk of all 3 000.
    expect(Math.max(...chunks.map((c) => c.entries.length))).toBeLessThanOrEqual(500);
    core.close();
  });

  it.each(Array.from({ length: 30 }, (_, i) => i + 1))('seed %i: every stretch within STRETCH_MAX_BYTES but its last update, in order, covering the batch', (seed) => {
    const next = random(seed);
    const rows: LoggedUpdate[] = Array.from({ length: 1 + Math.floor(next() * 200) }, (_, i) => ({
      id: i + 1,
      documentId: `d${Math.floor(next() * 3)}`,
      data: new Uint8Array(next() < 0.1 ? Math.floor(next() * 3 * STRETCH_MAX_BYTES) : Math.floor(next() * 200)),
      userId: 'u',
      at: i,
    }));
    const stretch = stretchesOf(rows);
    const ids = [...new Set(rows.map((row) => stretch(row.id)))];
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    for (const id of ids) {
      const members = rows.filter((row) => stretch(row.id) === id);
      const before = members.slice(0, -1).reduce((sum, row) => sum + row.data.byteLength, 0);
      expect(before).toBeLessThan(STRETCH_MAX_BYTES);
      // Consecutive: no row of another stretch between its first and last.
      expect((members.at(-1)?.id ?? 0) - (members[0]?.id ?? 0) + 1).toBe(members.length);
    }
  });
});

describe('a new document’s first edits are in its history (red team x12)', () => {
  /** A plan made and, by the same person moments later, given `goals` goals one update each. */
  function madeThenEdited(goals: number): LoggedUpdate[] {
    const rows: LoggedUpdate[] = [];
    const doc = new Y.Doc();
    logging(doc, 'p', 'creator', rows);
    createActionPlan(doc, { title: 'Ny plan' });
    for (let i = 0; i < goals; i++) addGoal(doc, { number: String(i + 1), title: `Mål ${i + 1}` });
    return rows;
  }

  it.each([1, 2, 5])('made, then %i goals added in the same run: every goal listed once, the creation none', async (goals) => {
    const rows = madeThenEdited(goals);
    const core = new DeriveCore(memorySource(rows), () => 0);
    const result = await core.derive(0, 10_000);
    const added = result.entries.filter((e) => e.op === 'added').map((e) => e.label);
    expect(added).toEqual(Array.from({ length: goals }, (_, i) => expect.stringContaining(`Mål ${i + 1}`)));
    expect(result.entries.every((e) => e.collection === 'goals')).toBe(true);
    core.close();
  });
});
