/**
 * `POST /api/workspaces/:ws/import?title=&currency=` (editor), body a plan table as
 * `text/tab-separated-values`, `text/csv` or `text/plain` → 201 `{id, kind, title, report}`
 * (DESIGN "The plan table"). The body is decoded by the Content-Type's `charset`, else
 * detected (UTF-8/UTF-16 by BOM, else UTF-8 if valid, else Windows-1252; decode-table.ts).
 * Errors: 413 `import.too-large` past 5 MiB (refused from
 * Content-Length before the body is read) or 20 000 rows; 400 `import.unreadable`;
 * 400 `import.encoding` (unknown charset, or bytes not valid in it; names it); 415
 * `unsupported-media-type`; 422 `import.timeout`; 503 `busy` when imports queue up
 * (DESIGN "Limits every boundary enforces"). The table is read in a worker thread and
 * stored in pieces (server/sync/split-update.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Handler, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { Limits } from '../../shared/limits.js';
import { CURRENCIES } from '../../shared/model/kinds.js';
import { requireUser } from '../auth/middleware.js';
import { workspaceAccess } from '../access.js';
import type { AppEnv, Deps } from '../context.js';
import { assertRoomForDocument, insertDocument, type DocumentRow } from '../db/documents.js';
import { AppError, errorBody } from '../errors.js';
import { NameSchema, parseWith } from '../validation.js';
import { charsetOf } from './decode-table.js';
import type { ImportPool } from './import-pool.js';
import { creationWeight, type CreationBudget } from '../http/creation-budget.js';

const ImportQuery = z.object({ title: NameSchema.optional(), currency: z.enum(CURRENCIES).optional() });
const TABLE_TYPES = ['text/tab-separated-values', 'text/csv', 'text/plain'];
const MIB = 1024 * 1024;

/** The import's own body limit: 413 `import.too-large`, from Content-Length when sent. */
export const importBodyLimit = (maxSize = Limits.maxImportBytes): MiddlewareHandler =>
  bodyLimit({
    maxSize,
    // The rest of the body is never read, so the connection cannot carry another request.
    onError: (c) =>
      c.json(errorBody('import.too-large', `Tabellen är för stor (högst ${Math.round(maxSize / MIB)} MiB).`), 413, { connection: 'close' }),
  });

/** The import route's handler (mount behind `importBodyLimit`); a table read charges `budget` before anything is stored. */
export function importTable(deps: Pick<Deps, 'kdb' | 'rooms' | 'clock' | 'config'>, pool: ImportPool, budget: CreationBudget): Handler<AppEnv> {
  return async function importTable(c) {
    const user = requireUser(c);
    const { workspace } = await workspaceAccess(deps.kdb, c.req.param('ws') ?? '', user.id, 'editor');
    const query = parseWith(ImportQuery, c.req.query());
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!TABLE_TYPES.includes(type)) {
      throw new AppError(415, 'unsupported-media-type', 'Skicka plantabellen som text/tab-separated-values eller text/csv.');
    }
    // Before the file is read and parsed: a full workspace costs nothing more (insertDocument checks again).
    await assertRoomForDocument(deps.kdb, workspace.id, deps.config.limits.documentsPerWorkspace);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const charset = charsetOf(c.req.header('content-type'));
    const built = await pool.run({ bytes, maxRows: Limits.maxImportRows, ...query, ...(charset ? { charset } : {}) });
    const row: DocumentRow = { id: randomUUID(), workspaceId: workspace.id, kind: 'action-plan', title: built.title };
    await budget.charge(user.id, creationWeight(built.updates.reduce((sum, update) => sum + update.length, 0)));
    const now = deps.clock.now();
    // As create-document.ts stores any new document: its record, then its content — here in
    // pieces of a few hundred KB at most (build-import.ts), one per turn of the loop, so other rooms' edits
    // are stored between them (one 12.8 MB insert held the loop ~100 ms: red team S9).
    await insertDocument(deps.kdb, row, user.id, now, deps.config.limits.documentsPerWorkspace);
    for (const update of built.updates) {
      await deps.rooms.store.append(row.id, update, { userId: user.id, at: now });
      await new Promise((resolve) => setImmediate(resolve));
    }
    return c.json({ id: row.id, kind: row.kind, title: row.title, report: built.report }, 201);
  };
}
