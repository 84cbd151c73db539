/**
 * Schema migrations keyed by `meta.schemaVersion`. `MIGRATIONS[n]` lifts a document from
 * version n to n + 1. They run when a room loads, before the first sync, inside one
 * transaction, so every client sees a document of the current version.
 *
 * Version 1 is the first published schema, so the list is empty today; a change to a
 * schema adds an entry here and bumps `SCHEMA_VERSION`.
 */
import type * as Y from 'yjs';
import { SCHEMA_VERSION } from './kinds.js';

export type Migration = (doc: Y.Doc) => void;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

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
