/**
 * DESIGN "Protected document fields": a document whose stored content this server cannot
 * bring to its schema version (written by a newer server, or damaged before writes to
 * `meta.schemaVersion` were refused) opens read-only for everyone, with an explanation,
 * instead of failing to load forever (1011 for every client, 500 for every export).
 */
import type * as Y from 'yjs';
import { SCHEMA_VERSION } from '../../shared/model/kinds.js';
import { MIGRATIONS, migrateDocument, SchemaTooNewError } from '../../shared/model/migrations.js';

/** Why nobody may write: a code for clients and a message for people (Swedish). */
export interface ReadOnlyReason {
  code: 'document.schema-too-new' | 'document.cannot-migrate' | 'document.archived';
  message: string;
}

const CANNOT_MIGRATE: ReadOnlyReason = {
  code: 'document.cannot-migrate',
  message: 'Dokumentets lagrade innehåll kan inte uppdateras till den här versionen av Samplan. Det kan läsas men inte ändras; kontakta administratören.',
};

/** An archived document (DESIGN "Audit and exports"): read-only for everyone until a coordinator unarchives it. */
export const ARCHIVED: ReadOnlyReason = {
  code: 'document.archived',
  message: 'Dokumentet är arkiverat. Det kan läsas men inte ändras; en samordnare kan återställa det från arkivet.',
};

function tooNew(found: number): ReadOnlyReason {
  return {
    code: 'document.schema-too-new',
    message: `Dokumentet är sparat med en nyare version av Samplan (schema ${found}; den här servern kan ${SCHEMA_VERSION}). Det kan läsas men inte ändras förrän servern uppdateras.`,
  };
}

/** Why `doc` could not be migrated, without changing it; null when it can (or needs nothing). */
export function explainUnmigratable(doc: Y.Doc): ReadOnlyReason | null {
  const found = doc.getMap<unknown>('meta').get('schemaVersion');
  if (typeof found !== 'number' || !Number.isInteger(found)) return null;
  if (found > SCHEMA_VERSION) return tooNew(found);
  for (let version = found; version < SCHEMA_VERSION; version++) if (!MIGRATIONS[version]) return CANNOT_MIGRATE;
  return null;
}

/** Migrates `doc`; returns null when done, else why it must stay read-only. */
export function migrateOrExplain(doc: Y.Doc): ReadOnlyReason | null {
  const reason = explainUnmigratable(doc);
  if (reason) return reason;
  try {
    migrateDocument(doc);
    return null;
  } catch (error) {
    if (error instanceof SchemaTooNewError) return tooNew(error.found);
    console.error('A document could not be migrated; it opens read-only', error);
    return CANNOT_MIGRATE;
  }
}
