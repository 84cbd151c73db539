/**
 * How much a document may hold (red team F5; DESIGN "Names and titles are 1–200
 * characters", "Limits every boundary enforces"; the figures are in README "Contract
 * notes"). The server refuses an update that would take a document past them (socket
 * closed 1008, nothing stored or relayed: server/sync/content-growth.ts); the client's
 * fields can keep to them with the same numbers. Characters are user-perceived ones
 * (grapheme clusters, `shared/strings.ts` `fitsLength`), never bytes or UTF-16 units.
 */
import { Limits } from './limits.js';
import { fitsLength } from './strings.js';

export const ContentLimits = {
  /** A title or name — `title`, `name`, `label` of the document or any item (DESIGN: 1–200 characters). */
  maxTitleLength: Limits.maxNameLength,
  /** Any other text or value: a description, notes, the vision, a decision, a responsible party. */
  maxTextLength: 20_000,
  /**
   * Items in one document, every collection together (goals, activities, costs, focus
   * areas, indicators, participants, meetings, agenda items, decisions, actions,
   * milestones): what the largest plan-table import may create (20 000 rows).
   */
  maxItemsPerDocument: Limits.maxImportRows,
  /** Entries of any other map: an item's fields, an indicator's measurements, a goal's objectives or links, `meta`. */
  maxEntriesPerMap: 200,
  /**
   * How deep types may nest, the root counting one (red team x14 (4): a chain of 8 000 maps
   * under a free `meta` key). The model's deepest is 4: a strategy's indicators → an
   * indicator → its measurements → a year's entry.
   */
  maxTypeDepth: 8,
} as const;

/** Keys whose text is a title or name (DESIGN's 200 characters). */
const TITLE_KEYS: ReadonlySet<string> = new Set(['title', 'name', 'label']);

/** Roots that are not collections of items (kinds.ts `ROOTS`): their entries count as a map's, `vision` is a text. */
const NOT_COLLECTIONS: ReadonlySet<string> = new Set(['meta', 'budget', 'session', 'vision']);

/** Characters a text or value under `key` may hold (`null`: a root text, e.g. the vision). */
export function textLimitOf(key: string | null): number {
  return key !== null && TITLE_KEYS.has(key) ? ContentLimits.maxTitleLength : ContentLimits.maxTextLength;
}

/** Whether the root named `name` is a collection of items (counted against `maxItemsPerDocument`). */
export function isCollectionRoot(name: string): boolean {
  return !NOT_COLLECTIONS.has(name);
}

/**
 * How big a plain value is, in the units its limit counts: a string's characters when it
 * fits `limit`, else its UTF-16 length (over the limit either way); numbers, booleans and
 * null 1; an array or object the sum of its parts and keys. Never reads past `limit` × 16
 * code units of a string (fitsLength).
 */
export function valueSize(value: unknown, limit: number): number {
  if (typeof value === 'string') return fitsLength(value, limit) ? Math.min(value.length, limit) : value.length + limit;
  if (Array.isArray(value)) return value.reduce((sum: number, part: unknown) => sum + valueSize(part, limit), 0);
  if (value instanceof Uint8Array) return value.length;
  // Plain objects only (what lib0 decodes): anything else (a Yjs type read back) is one value.
  if (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return Object.entries(value).reduce((sum, [key, part]) => sum + key.length + valueSize(part, limit), 0);
  }
  return 1;
}

/** Whether a plain value set under `key` is within its limit. */
export function valueFits(key: string | null, value: unknown): boolean {
  const limit = textLimitOf(key);
  return valueSize(value, limit) <= limit;
}
