/** `GET /api/workspaces/:ws/export` (DESIGN "Audit and exports"): the whole workspace as one JSON download. */
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { StreamingApi } from 'hono/utils/stream';
import { isLocale } from '../../shared/locale.js';
import { requireUser } from '../auth/middleware.js';
import { workspaceAccess } from '../access.js';
import { AuditAction, recordAudit } from '../audit/index.js';
import type { AppEnv, Deps } from '../context.js';
import { AppError } from '../errors.js';
import { attachment } from '../export/content-disposition.js';
import { ExportPool } from '../export/export-pool.js';
import { rateLimited } from '../http/per-address-limit.js';
import { workspaceExportChunks } from '../lifecycle/workspace-export.js';


/** A client that takes nothing for this long loses its export (and its slot). */
const STALLED_MS = 60_000;

/** Writes `chunk`; false (and the stream aborted) when the client took nothing for STALLED_MS. */
async function written(out: StreamingApi, chunk: string): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), STALLED_MS)));
  try {
    const done = await Promise.race([out.write(chunk).then(() => true), stalled]);
    if (!done) out.abort();
    return done;
  } finally {
    clearTimeout(timer);
  }
}

/** Workspace exports running at once on this server; more are 503 `export.busy`. */
const WORKSPACE_EXPORTS_AT_ONCE = 4;

/**
 * `GET /workspaces/:ws/export?locale=sv|nb|en` (coordinator) → 200 JSON download (shape in
 * server/lifecycle/workspace-export.ts), streamed document by document, each built in an
 * export thread and written only as fast as the client reads (docs/security.md "Bounded
 * requests": one export of 330 documents held a bystander 7 s when built on this thread).
 * A client that takes nothing for 60 s loses the rest (the slot is freed).
 * One running export per workspace and per person: another is 429 `rate-limited`, more
 * than four on the server 503 `export.busy`, both with `Retry-After`. Noted in the audit
 * log. 401, 403, 404 as every workspace route.
 */
export function workspaceExportRoutes(deps: Deps) {
  // Its own pool: a workspace export never waits behind, nor crowds out, single-document
  // exports. Every document goes to the thread, however small: there are hundreds of them.
  // Each running export holds at most one task, so the queue never refuses one.
  const pool = new ExportPool({ workerAboveBytes: -1, concurrency: 1, queue: WORKSPACE_EXPORTS_AT_ONCE });
  const running = { workspaces: new Set<string>(), users: new Set<string>() };
  const app = new Hono<AppEnv>();
  app.get('/workspaces/:ws/export', async (c) => {
    const user = requireUser(c);
    const { workspace } = await workspaceAccess(deps.kdb, c.req.param('ws'), user.id, 'coordinator');
    if (running.workspaces.has(workspace.id) || running.users.has(user.id)) {
      throw rateLimited(30, 'En export av arbetsytan pågår redan. Försök igen när den är klar.');
    }
    if (running.workspaces.size >= WORKSPACE_EXPORTS_AT_ONCE) {
      throw new AppError(503, 'export.busy', 'Servern exporterar redan flera arbetsytor. Försök igen om en stund.', { 'Retry-After': '30' });
    }
    const query = c.req.query('locale');
    const locale = isLocale(query) ? query : 'sv';
    // Taken before the audit note's await, so a second export checking meanwhile sees this one.
    running.workspaces.add(workspace.id);
    running.users.add(user.id);
    const release = () => {
      running.workspaces.delete(workspace.id);
      running.users.delete(user.id);
    };
    await recordAudit(deps.kdb, { workspaceId: workspace.id, actorId: user.id, action: AuditAction.WorkspaceExported, target: { type: 'workspace', id: workspace.id, label: workspace.name } }, deps.clock.now()).catch((error: unknown) => {
      release();
      throw error;
    });
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.header('Content-Disposition', attachment(workspace.name, 'json'));
    return stream(c, async (out) => {
      try {
        // Each write waits until the client has taken the chunk before (Hono's stream and
        // the Node adapter wait for 'drain'); a client that goes away stops the building.
        for await (const chunk of workspaceExportChunks({ deps, pool, locale }, workspace)) {
          if (out.aborted || !(await written(out, chunk))) break;
        }
      } finally {
        release();
      }
    });
  });
  return app;
}
