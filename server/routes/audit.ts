/** The workspace audit log over HTTP (DESIGN "Audit and exports": `GET /api/workspaces/:ws/audit`). */
import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/middleware.js';
import { workspaceAccess } from '../access.js';
import { auditEntries } from '../audit/index.js';
import type { AppEnv, Deps } from '../context.js';
import { parseWith, queryInteger, withPeriod } from '../validation.js';

// from/to and their order: the one period rule (validation.ts withPeriod), as history's (F8).
const AuditQuery = withPeriod(z.object({ limit: queryInteger({ min: 1, max: 1000, fallback: 200 }) }));

/**
 * `GET /workspaces/:ws/audit?limit=1..1000 (200)&from=<ISO>&to=<ISO>` (coordinator) →
 * `{entries: [{at, actor: {id, name} | null, action, target: {type, id, label}, details}]}`
 * newest first; `from`/`to` inclusive, 400 `validation` when `from` is later than `to`; `actor` null for the server itself (the trash purge);
 * a deleted account's name is "Borttagen användare". 400 `validation`, 403, 404 as usual.
 */
export function auditRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/workspaces/:ws/audit', async (c) => {
    const user = requireUser(c);
    const { workspace } = await workspaceAccess(deps.kdb, c.req.param('ws'), user.id, 'coordinator');
    const query = parseWith(AuditQuery, c.req.query());
    return c.json({ entries: await auditEntries(deps.kdb, workspace.id, query) });
  });
  return app;
}
