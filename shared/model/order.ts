/**
 * Hand-ordered items carry a fractional index in `order`, so moving one is a single field
 * write that merges with concurrent edits. Equal keys (from concurrent inserts at the same
 * place) are tie-broken by id, so every peer sorts the same way.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

export interface Ordered {
  id: string;
  order: string;
}

export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * A key that sorts between `before` and `after` (either may be null for an end).
 * Equal or inverted neighbours (possible after concurrent moves) give a key after `before`.
 */
export function orderBetween(before: string | null, after: string | null): string {
  try {
    if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null);
    return generateKeyBetween(before, after);
  } catch {
    // A peer wrote a key the library cannot read: start afresh rather than fail the edit.
    return generateKeyBetween(null, null);
  }
}

/** `count` keys in ascending order, for building a document from a list. */
export function orderKeys(count: number): string[] {
  return generateNKeysBetween(null, null, count);
}

/** The key for appending after the last of `orders`. */
export function orderAfterLast(orders: readonly string[]): string {
  const last = orders.reduce<string | null>((max, o) => (max === null || o > max ? o : max), null);
  return orderBetween(last, null);
}
