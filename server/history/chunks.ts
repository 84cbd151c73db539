/**
 * Cutting one derived batch into chunks the main thread stores one transaction each, with
 * the event loop free between them (red team "legal bulk writer", docs/security-hostile.md:
 * 20 000 entries in one synchronous SQLite transaction stalled every room for a few hundred
 * ms). Each chunk moves the cursor to a cut of the batch (derive-core.ts `cuts`), so a
 * crash between two chunks leaves the cursor where the stored entries end: nothing is lost
 * or stored twice.
 */
import type { DerivedEntry } from './store.js';

/** Entries per chunk the deriver aims at: about 5–10 ms of SQLite inserts on this machine. */
export const CHUNK_ENTRIES = 500;

/** One transaction's worth: `entries` stored and the cursor moved from `from` to `upTo`. */
export interface Chunk {
  entries: DerivedEntry[];
  from: number;
  upTo: number;
}

/**
 * `entries` (sorted by `updateId`, all in `(from, upTo]`) as chunks of at most `max` entries
 * where the cuts allow it; a run of updates with more entries than `max` between two cuts
 * is one chunk, since no cursor can stand inside it. Always at least one chunk, ending at
 * `upTo` (the cursor moves even when nothing was derived).
 * @example chunksOf(entries, [3, 7], 0, 9, 500) // [{ entries, from: 0, upTo: 9 }] when they fit in one
 */
export function chunksOf(entries: readonly DerivedEntry[], cuts: readonly number[], from: number, upTo: number, max = CHUNK_ENTRIES): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0; // Index of the first entry not yet in a chunk.
  let cursor = from;
  let best: { cut: number; end: number } | null = null; // The furthest cut that keeps the chunk within `max`.
  let end = start;
  for (const cut of cuts) {
    if (cut <= cursor || cut >= upTo) continue;
    while (end < entries.length && (entries[end]?.updateId ?? Infinity) <= cut) end++;
    if (end - start > max && best) {
      chunks.push({ entries: entries.slice(start, best.end), from: cursor, upTo: best.cut });
      ({ cut: cursor, end: start } = best);
      best = null;
    }
    if (end - start > max) {
      // Even the first cut is past `max`: this run stands alone.
      chunks.push({ entries: entries.slice(start, end), from: cursor, upTo: cut });
      cursor = cut;
      start = end;
      continue;
    }
    best = { cut, end };
  }
  if (entries.length - start > max && best) {
    chunks.push({ entries: entries.slice(start, best.end), from: cursor, upTo: best.cut });
    ({ cut: cursor, end: start } = best);
  }
  chunks.push({ entries: entries.slice(start), from: cursor, upTo });
  return chunks;
}
