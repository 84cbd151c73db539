/**
 * Schema migrations keyed by `meta.schemaVersion`. `MIGRATIONS[n]` lifts a document from
 * version n to n + 1. They run when a room loads, before the first sync, inside one
 * transaction, so every client sees a document of the current version.
 *
 * A change to a schema adds an entry here and bumps `SCHEMA_VERSION`. Every step only adds
 * what is missing, so a client still writing the older schema (an offline browser coming
 * back) merges without harm: what it adds lacks the new fields, and readers take that as
 * their empty value.
 */
import type * as Y from 'yjs';
import { SCHEMA_VERSION } from './kinds.js';
import { ensurePriorities, ensureSessionShape } from './session.js';

export type Migration = (doc: Y.Doc) => void;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  /**
   * 1 → 2 (DESIGN "Facilitation"): every kind gets the `session` map (spotlight, timer,
   * rounds), and goals, activities, focus areas, strategy goals and agenda items get
   * `priority: null`.
   */
  1: (doc) => {
    ensureSessionShape(doc);
    ensurePriorities(doc);
  },
};

export class SchemaTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`Document schema version ${found} is newer than this software supports (${supported}).`);
  }
}

/**
 * Brings `doc` up to `target`. Returns the version it started from. A document without a
 * version (never initialised) is left alone; one newer than `target` throws, because
 * writing to it with an older schema would damage it.
 */
export function migrateDocument(
  doc: Y.Doc,
  { migrations = MIGRATIONS, target = SCHEMA_VERSION, origin = 'migration' as unknown } = {},
): number | null {
  const meta = doc.getMap<unknown>('meta');
  const found = meta.get('schemaVersion');
  if (typeof found !== 'number' || !Number.isInteger(found)) return null;
  if (found > target) throw new SchemaTooNewError(found, target);
  if (found === target) return found;
  doc.transact(() => {
    for (let version = found; version < target; version++) {
      const step = migrations[version];
      if (!step) throw new Error(`No migration from schema version ${version}`);
      step(doc);
      meta.set('schemaVersion', version + 1);
    }
  }, origin);
  return found;
}
