/**
 * What the room knows when it checks an update (update-scan.ts): the document, its schema's
 * roots, keys and item fields, and what this writer may not touch (protected-fields.ts
 * `scanContextOf` makes one per writer role).
 */
import type * as Y from 'yjs';
import type { RootShapes } from './content-shape.js';
import type { SchemaKeys } from './schema-keys.js';

/** What the room knows when it checks an update. */
export interface ScanContext {
  maxStructs: number;
  /** Root names the document's schema allows; null: any (a document without a kind). */
  allowedRoots: ReadonlySet<string> | null;
  /** Keys of the `meta` root only the server may write. */
  protectedMetaKeys: ReadonlySet<string>;
  /** Whether this writer may not write `key` of root `root` (a struct whose parent is that root). */
  protectsRootKey(root: string, key: string | null): boolean;
  /** Whether clocks [clock, clock + length) of `client` overlap an item of a protected field (its value now or earlier). */
  touchesProtected(client: number, clock: number, length: number): boolean;
  /**
   * Whether deleting clocks [clock, clock + length) of `client` would delete a protected
   * item that is not deleted yet. A client's sync step 2 names every deletion it knows,
   * the server's own ones (a migration's old `schemaVersion`) included; those change nothing.
   */
  deletesProtected(client: number, clock: number, length: number): boolean;
  /** The document's current clock for `client` (its state vector entry). */
  stateOf(client: number): number;
  /** Item fields only the server writes, per collection root (item-fields.ts); empty: none. */
  ownedItemKeys: ReadonlyMap<string, ReadonlySet<string>>;
  /** Those and the required ones (required-fields.ts): what a deletion keeps, and the required ones alone; absent: owned only, none. */
  keptItemKeys?: ReadonlyMap<string, ReadonlySet<string>>;
  requiredItemKeys?: ReadonlyMap<string, ReadonlySet<string>>;
  /** The keys `budget` and each collection's items may hold (schema-keys.ts; `meta` is open); empty: any. */
  schemaKeys: SchemaKeys;
  /** The collection root (one of `schemaKeys.items`) whose direct item is the struct at (client, clock) in the document, or null. */
  collectionOf(client: number, clock: number): string | null;
  /** The document, to place each struct for the content limits (content-growth.ts); absent: not tracked. */
  doc?: Y.Doc;
  /** Its text and map roots by name (content-shape.ts); null or absent: a document without a kind. */
  rootShapes?: RootShapes | null;
}
