/** `GET /api/workspaces/:ws/export` (DESIGN "Audit and exports"): the whole workspace as one JSON download. */
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { isLocale } from '../../shared/locale.js';
import { requireUser } from '../auth/middleware.js';
import { workspaceAccess } from '../access.js';
import { AuditAction, recordAudit } from '../audit/index.js';
import type { AppEnv, Deps } from '../context.js';
import { ExportPool } from '../export/export-pool.js';
import { workspaceExportChunks } from '../lifecycle/workspace-export.js';

/** A file name from a name: letters, digits and dashes. */
function fileName(name: string): string {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${base || 'arbetsyta'}.json`;
}

/**
 * `GET /workspaces/:ws/export?locale=sv|nb|en` (coordinator) → 200 JSON download (shape in
 * server/lifecycle/workspace-export.ts), streamed document by document. Noted in the audit
 * log. 401, 403, 404 as every workspace route.
 */
export function workspaceExportRoutes(deps: Deps) {
  // Its own pool: a workspace export never waits behind, nor crowds out, single-document exports.
  const pool = new ExportPool();
  const app = new Hono<AppEnv>();
  app.get('/workspaces/:ws/export', (c) => {
    const user = requireUser(c);
    const { workspace } = workspaceAccess(deps.db, c.req.param('ws'), user.id, 'coordinator');
    const query = c.req.query('locale');
    const locale = isLocale(query) ? query : 'sv';
    recordAudit(deps.db, { workspaceId: workspace.id, actorId: user.id, action: AuditAction.WorkspaceExported, target: { type: 'workspace', id: workspace.id, label: workspace.name } }, deps.clock.now());
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${fileName(workspace.name)}"`);
    return stream(c, async (out) => {
      for await (const chunk of workspaceExportChunks({ deps, pool, locale }, workspace)) await out.write(chunk);
    });
  });
  return app;
}
