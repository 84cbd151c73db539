/**
 * DESIGN "Protected document fields": a document whose stored content this server cannot
 * bring to its schema version (written by a newer server, or damaged before writes to
 * `meta.schemaVersion` were refused) opens read-only for everyone, with an explanation,
 * instead of failing to load forever (1011 for every client, 500 for every export).
 */
import type * as Y from 'yjs';
import { migrateDocument, SchemaTooNewError } from '../../shared/model/migrations.js';

/** Why nobody may write: a code for clients and a message for people (Swedish). */
export interface ReadOnlyReason {
  code: 'document.schema-too-new' | 'document.cannot-migrate';
  message: string;
}

/** Migrates `doc`; returns null when done, else why it must stay read-only. */
export function migrateOrExplain(doc: Y.Doc): ReadOnlyReason | null {
  try {
    migrateDocument(doc);
    return null;
  } catch (error) {
    if (error instanceof SchemaTooNewError) {
      return {
        code: 'document.schema-too-new',
        message: `Dokumentet är sparat med en nyare version av Samplan (schema ${error.found}; den här servern kan ${error.supported}). Det kan läsas men inte ändras förrän servern uppdateras.`,
      };
    }
    console.error('A document could not be migrated; it opens read-only', error);
    return {
      code: 'document.cannot-migrate',
      message: 'Dokumentets lagrade innehåll kan inte uppdateras till den här versionen av Samplan. Det kan läsas men inte ändras; kontakta administratören.',
    };
  }
}
