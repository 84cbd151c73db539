/**
 * The history deriver's storing as a class (issue 17 / 21; docs/security-hostile.md "legal
 * bulk writer", docs/database.md "Field history on PostgreSQL"): where a derived batch may
 * be cut (`cutsOf`, against a brute force over random runs), how it is cut into chunks
 * (`chunksOf`: every entry exactly once, in order, each chunk ending at a cut and within
 * its size unless no cut allows it), which store failures are the data's (`storeFailure`),
 * and the backoff after a passing fault (`PassPacing`).
 */
import { describe, expect, it } from 'vitest';
import { chunksOf } from '../../server/history/chunks.js';
import { cutsOf, RUN_MAX_BYTES, runsOf } from '../../server/history/derive-core.js';
import { PassPacing } from '../../server/history/pacing.js';
import { storeFailure } from '../../server/history/refusal.js';
import type { LoggedUpdate } from '../../server/history/source.js';
import type { DerivedEntry } from '../../server/history/store.js';

function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** Random runs over ids 1..n: each id in exactly one run, runs of one document not overlapping. */
function randomSpans(next: () => number, n: number): Array<[number, number]> {
  const open = new Map<number, [number, number]>(); // document → its current run
  const spans: Array<[number, number]> = [];
  for (let id = 1; id <= n; id++) {
    const document = Math.floor(next() * 3);
    const run = open.get(document);
    if (run && next() < 0.7) run[1] = id;
    else {
      const fresh: [number, number] = [id, id];
      open.set(document, fresh);
      spans.push(fresh);
    }
  }
  return spans;
}

const entry = (updateId: number): DerivedEntry => ({
  documentId: 'd',
  userId: 'u',
  at: 0,
  updateId,
  op: 'added',
  collection: 'costs',
  id: `c${updateId}`,
  label: '',
  field: null,
  before: null,
  after: null,
});

describe('where a derived batch may be cut', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i: exactly the run ends below upTo that no run spans', (seed) => {
    const next = random(seed);
    const n = 1 + Math.floor(next() * 40);
    const spans = randomSpans(next, n);
    const brute = [...new Set(spans.map(([, last]) => last))]
      .filter((cut) => cut < n && spans.every(([first, last]) => !(first <= cut && cut < last)))
      .sort((a, b) => a - b);
    expect(cutsOf(spans, n)).toEqual(brute);
  });

  it('a run ends once its updates reach RUN_MAX_BYTES, typing never does', () => {
    const update = (id: number, bytes: number): LoggedUpdate => ({ id, documentId: 'd', data: new Uint8Array(bytes), userId: 'u', at: id });
    const bulk = Array.from({ length: 6 }, (_, i) => update(i + 1, RUN_MAX_BYTES / 2));
    expect(runsOf(bulk).map((run) => run.map((u) => u.id))).toEqual([[1, 2], [3, 4], [5, 6]]);
    // A keystroke is ~40 bytes: a burst of 150 is one step.
    const typing = Array.from({ length: 150 }, (_, i) => update(i + 1, 40));
    expect(runsOf(typing)).toHaveLength(1);
  });
});

describe('a batch cut into chunks', () => {
  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('seed %i: every entry once, in order, each chunk from the last one’s end to a cut', (seed) => {
    const next = random(seed);
    const from = Math.floor(next() * 10);
    const n = 1 + Math.floor(next() * 60);
    const upTo = from + n;
    const spans = randomSpans(next, n).map(([a, b]): [number, number] => [a + from, b + from]);
    const cuts = cutsOf(spans, upTo);
    // Each run yields 0–30 entries, all with the run's last id (derive-core.ts).
    const entries = spans.flatMap(([, last]) => Array.from({ length: Math.floor(next() * 30) }, () => entry(last))).sort((a, b) => a.updateId - b.updateId);
    const max = 1 + Math.floor(next() * 40);
    const chunks = chunksOf(entries, cuts, from, upTo, max);
    expect(chunks.flatMap((c) => c.entries)).toEqual(entries);
    expect(chunks[0]?.from).toBe(from);
    expect(chunks.at(-1)?.upTo).toBe(upTo);
    chunks.forEach((chunk, i) => {
      if (i > 0) expect(chunk.from).toBe(chunks[i - 1]?.upTo);
      if (i < chunks.length - 1) expect(cuts).toContain(chunk.upTo);
      for (const e of chunk.entries) expect(e.updateId > chunk.from && e.updateId <= chunk.upTo).toBe(true);
      // Over `max` only when no cut lies inside the chunk.
      if (chunk.entries.length > max) expect(cuts.filter((c) => c > chunk.from && c < chunk.upTo && entries.some((e) => e.updateId > c && e.updateId <= chunk.upTo))).toEqual([]);
    });
    // No needless chunks: two neighbours together would be over `max`.
    chunks.slice(1).forEach((chunk, i) => expect(chunk.entries.length + (chunks[i]?.entries.length ?? 0)).toBeGreaterThan(max));
  });

  it('the bulk writer: 40 updates of 500 entries, one run each, stored 500 at a time', () => {
    const entries = Array.from({ length: 40 }, (_, u) => Array.from({ length: 500 }, () => entry(u + 1))).flat();
    const cuts = Array.from({ length: 39 }, (_, u) => u + 1);
    const chunks = chunksOf(entries, cuts, 0, 40, 500);
    expect(chunks.map((c) => c.entries.length)).toEqual(Array.from({ length: 40 }, () => 500));
  });
});

describe('which store failures are the data’s', () => {
  it.each([
    [{ code: '22021' }, 'refused'], // NUL in text (PostgreSQL)
    [{ code: '22001' }, 'refused'], // too long for its column
    [{ code: '22003' }, 'refused'], // number out of range
    [{ code: '22P02' }, 'refused'], // invalid text representation
    [{ code: '23502' }, 'refused'], // NOT NULL
    [{ code: '23514' }, 'refused'], // CHECK
    [{ code: '23505' }, 'refused'], // unique
    [{ code: 'SQLITE_CONSTRAINT_CHECK' }, 'refused'],
    [{ code: 'SQLITE_CONSTRAINT_NOTNULL' }, 'refused'],
    [{ code: 'SQLITE_CONSTRAINT_TRIGGER' }, 'refused'],
    [{ code: 'SQLITE_CONSTRAINT' }, 'refused'],
    [{ code: 'SQLITE_TOOBIG' }, 'refused'],
    [{ code: 'SQLITE_MISMATCH' }, 'refused'],
    [{ code: '08006' }, 'transient'], // connection failure
    [{ code: '57P01' }, 'transient'], // admin shutdown
    [{ code: '53300' }, 'transient'], // too many connections
    [{ code: '40001' }, 'transient'], // serialization failure
    [{ code: '40P01' }, 'transient'], // deadlock
    [{ code: '42P01' }, 'transient'], // our own SQL: never the data's, so never skipped
    [{ code: 'ECONNRESET' }, 'transient'],
    [{ code: 'ECONNREFUSED' }, 'transient'],
    [{ code: 'EPIPE' }, 'transient'],
    [{ code: 'SQLITE_BUSY' }, 'transient'],
    [{ code: 'SQLITE_IOERR_WRITE' }, 'transient'],
    [{ code: 'SQLITE_FULL' }, 'transient'],
    [new Error('Connection terminated unexpectedly'), 'transient'],
    [{ code: 22021 }, 'transient'],
    ['22021', 'transient'],
    [null, 'transient'],
  ])('%j: %s', (error, kind) => {
    expect(storeFailure(error)).toBe(kind);
  });
});

describe('after a passing fault the background pass backs off', () => {
  it.each([
    // failures in a row (each pass 10 ms) → quiet time after the last
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [7, 60_000],
    [12, 60_000],
  ])('%i failures in a row: %i ms', (failures, quiet) => {
    const pacing = new PassPacing();
    let now = 0;
    for (let i = 0; i < failures; i++) {
      pacing.ran(now, now + 10, true);
      now += 10;
      expect(pacing.ready(now)).toBe(false);
    }
    expect(pacing.ready(now + quiet - 1)).toBe(false);
    expect(pacing.ready(now + quiet)).toBe(true);
  });

  it('a pass that succeeds ends the backoff', () => {
    const pacing = new PassPacing();
    pacing.ran(0, 10, true);
    pacing.ran(2_000, 2_010, true);
    pacing.ran(5_000, 5_010);
    expect(pacing.ready(5_040)).toBe(true);
    pacing.ran(6_000, 6_010, true);
    expect(pacing.ready(7_010)).toBe(true);
  });
});
