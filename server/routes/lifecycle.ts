/**
 * Document lifecycle routes (DESIGN "Audit and exports"; docs/lifecycle.md). Every route
 * answers 401 without a session, 404 `not-found` to non-members and for deleted documents,
 * 403 `forbidden` below the role, 400 `validation` for bad input.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/middleware.js';
import { documentAccess, workspaceAccess } from '../access.js';
import type { AppEnv, Deps } from '../context.js';
import { findDocumentWithState } from '../db/documents.js';
import { forbidden, notFound } from '../errors.js';
import { roleOf } from '../db/workspaces.js';
import { roleAtLeast } from '../../shared/roles.js';
import { deleteDocument, duplicateDocument, renameDocument, setDocumentArchived, undeleteDocument } from '../lifecycle/operations.js';
import { listTrash } from '../lifecycle/trash.js';
import { DuplicatePool } from '../lifecycle/duplicate-pool.js';
import { assertRoomForDocument } from '../db/documents.js';
import { rateLimited } from '../http/per-address-limit.js';
import { keyedLimiter } from '../http/shared-limit.js';
import { creationBudgetOf, creationWeight } from '../http/creation-budget.js';
import { NameSchema, parseJson } from '../validation.js';

/** The one 404 of undelete, for a missing id and a non-member alike (also lifecycle/operations.ts). */
const NOT_IN_TRASH = 'Dokumentet finns inte i papperskorgen.';

const Rename = z.strictObject({ title: NameSchema });
const Duplicate = z.strictObject({ title: NameSchema, amounts: z.boolean().default(true) });

/**
 * - `PATCH /documents/:doc {title}` (editor) → 200 `{id, workspaceId, kind, title}`; 409 `document.read-only` when archived.
 * - `POST /documents/:doc/duplicate {title, amounts?: boolean (true)}` (editor) → 201 `{id, kind, title}`;
 *   409 `workspace.full` at DOCUMENTS_PER_WORKSPACE, 429 `rate-limited` past DUPLICATES_PER_MINUTE
 *   per person, 503 `busy` when the copying thread's queue is full (both with `Retry-After`).
 * - `POST /documents/:doc/archive`, `/unarchive` (coordinator) → 200 `{id, archived}`.
 * - `DELETE /documents/:doc` (coordinator) → 204; the document is 404 from then on, its sockets close 4404.
 * - `GET /workspaces/:ws/trash` (coordinator) → `{documents: [{id, kind, title, deletedAt, deletedBy: {id, name} | null, purgeAt}]}`.
 * - `POST /documents/:doc/undelete` (coordinator) → 200 `{id, kind, title}`; 404 when not in the trash (or past 30 days);
 *   409 `workspace.full` when the workspace already holds DOCUMENTS_PER_WORKSPACE documents.
 */
export function lifecycleRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  // Each of these stores something (a copy, an audit row): server/http/creation-budget.ts.
  const budget = creationBudgetOf(deps);

  app.patch('/documents/:doc', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'editor');
    const { title } = await parseJson(c, Rename);
    await budget.charge(user.id);
    return c.json(await renameDocument(deps, document, title, user.id));
  });

  // Duplicates cost a thread's work each: bounded per person and per workspace (docs/security.md "Bounded requests").
  const { duplicatesPerMinute, documentsPerWorkspace } = deps.config.limits;
  const duplicates = { pool: new DuplicatePool(), perUser: keyedLimiter(deps.kdb, 'duplicates', duplicatesPerMinute, deps.clock.now) };

  app.post('/documents/:doc/duplicate', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'editor');
    const input = await parseJson(c, Duplicate);
    // Before the copy's work; insertDocument checks again as it stores the record.
    await assertRoomForDocument(deps.kdb, document.workspaceId, documentsPerWorkspace);
    const wait = await duplicates.perUser.take(user.id);
    if (wait > 0) throw rateLimited(wait);
    const copy = await duplicateDocument(deps, document, input, user.id, duplicates.pool, (bytes) => budget.charge(user.id, creationWeight(bytes)));
    return c.json({ id: copy.id, kind: copy.kind, title: copy.title }, 201);
  });

  for (const [path, archived] of [['archive', true], ['unarchive', false]] as const) {
    app.post(`/documents/:doc/${path}`, async (c) => {
      const user = requireUser(c);
      const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'coordinator');
      await budget.charge(user.id);
      return c.json(await setDocumentArchived(deps, document, archived, user.id));
    });
  }

  app.delete('/documents/:doc', async (c) => {
    const user = requireUser(c);
    const { document } = await documentAccess(deps, c.req.param('doc'), user.id, 'coordinator');
    await budget.charge(user.id);
    await deleteDocument(deps, document, user.id);
    return c.body(null, 204);
  });

  app.get('/workspaces/:ws/trash', async (c) => {
    const user = requireUser(c);
    const { workspace } = await workspaceAccess(deps.kdb, c.req.param('ws'), user.id, 'coordinator');
    return c.json({ documents: await listTrash(deps, workspace.id) });
  });

  app.post('/documents/:doc/undelete', async (c) => {
    const user = requireUser(c);
    const row = await findDocumentWithState(deps.kdb, c.req.param('doc'));
    // Existence is not leaked (red-team F4): a document of a workspace the caller is not in,
    // live or trashed, gets the very answer a missing id gets, message included.
    const role = row ? await roleOf(deps.kdb, row.workspaceId, user.id) : null;
    if (!row || !role) throw notFound(NOT_IN_TRASH);
    if (!roleAtLeast(role, 'coordinator')) throw forbidden();
    await budget.charge(user.id);
    const document = await undeleteDocument(deps, row.id, user.id);
    return c.json({ id: document.id, kind: document.kind, title: document.title });
  });

  return app;
}
