/**
 * The whole workspace as JSON (DESIGN "Audit and exports": `GET /api/workspaces/:ws/export`):
 * every document that is not deleted, archived ones included, as its `export.json` body
 * with its versions (metadata and each version's own export). The answer is made and sent
 * one document (and one version) at a time, each through the export pool (a thread for a big
 * one; server/export/export-pool.ts), so neither memory nor a stalled event loop grows with
 * the size of the workspace: at most one document's export is held at once.
 *
 * Shape: `{exportedAt, workspace: {id, name}, documents: [{id, kind, title, archived,
 * export, versions: [{id, name, kind, createdAt, createdBy, decision, export}]}]}`; a
 * document or version that could not be read has `export: null` and `error` (its code).
 */
import type { Locale } from '../../shared/locale.js';
import type { Deps } from '../context.js';
import { documentListing } from '../db/documents.js';
import { AppError } from '../errors.js';
import type { ExportPool } from '../export/export-pool.js';
import { versionData, versionsOf } from '../versions/store.js';

interface ExportContext {
  deps: Pick<Deps, 'db' | 'kdb' | 'rooms' | 'clock'>;
  pool: ExportPool;
  locale: Locale;
}

/** The export's text in pieces, in order; concatenated they are one JSON document. */
export async function* workspaceExportChunks(ctx: ExportContext, workspace: { id: string; name: string }): AsyncGenerator<string> {
  const { documents, archived } = await documentListing(ctx.deps.kdb, workspace.id);
  const all = [...documents.map((d) => ({ ...d, archived: false })), ...archived.map(({ archivedAt: _at, ...d }) => ({ ...d, archived: true }))];
  yield `{"exportedAt":${JSON.stringify(new Date(ctx.deps.clock.now()).toISOString())},"workspace":${JSON.stringify({ id: workspace.id, name: workspace.name })},"documents":[`;
  for (const [index, document] of all.entries()) {
    const head = JSON.stringify(document).slice(0, -1);
    const { snapshot, updates } = await ctx.deps.rooms.store.load(document.id);
    yield `${index > 0 ? ',' : ''}${head},${await exportField(ctx, document.id, snapshot ? [snapshot, ...updates] : updates)},"versions":[`;
    for (const [at, version] of versionsOf(ctx.deps.db, document.id).entries()) {
      const data = versionData(ctx.deps.db, document.id, version.id);
      yield `${at > 0 ? ',' : ''}${JSON.stringify(version).slice(0, -1)},${await exportField(ctx, document.id, data ? [data] : [])}}`;
    }
    yield ']}';
  }
  yield ']}';
}

/** `"export":<the export.json body>`, or `"export":null,"error":"<code>"` when it could not be built. */
async function exportField(ctx: ExportContext, documentId: string, updates: Uint8Array[]): Promise<string> {
  try {
    const { body } = await ctx.pool.run({ documentId, updates, format: 'json', today: ctx.deps.clock.today(), locale: ctx.locale });
    return `"export":${body}`;
  } catch (error) {
    if (!(error instanceof AppError)) console.error('Workspace export: a document could not be exported', documentId, error);
    return `"export":null,"error":${JSON.stringify(error instanceof AppError ? error.code : 'internal')}`;
  }
}
