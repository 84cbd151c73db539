/**
 * The HTTP application: `createApp(deps)` with database, clock, config and rooms injected,
 * so route tests run in-process and the real server wires the same thing to a port.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { serveStatic } from '@hono/node-server/serve-static';
import { session } from './auth/middleware.js';
import type { AppEnv, Deps } from './context.js';
import { errorBody, onError } from './errors.js';
import { limitBody, sameOrigin } from './http-guards.js';
import { perAddressLimit } from './http/per-address-limit.js';
import { closeWhenBodyUnread } from './http/unread-body.js';
import { refuseNulInUrl } from './http/nul-in-url.js';
import { refuseMalformedShareToken } from './share/access.js';
import { refuseRepeatedQuery } from './http/repeated-query.js';
import { probeRoutes, processHeader } from './http/readiness.js';
import { securityHeaders } from './http/security-headers.js';
import { appPage } from './http/app-page.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { exportPoolOf } from './export/export-pool.js';
import { documentRoutes } from './routes/documents.js';
import { historyRoutes } from './routes/history.js';
import { invitationRoutes } from './routes/invitations.js';
import { lifecycleRoutes } from './routes/lifecycle.js';
import { meRoutes } from './routes/me.js';
import { sessionRoutes } from './routes/sessions.js';
import { roundRoutes } from './routes/rounds.js';
import { timeRoutes } from './routes/time.js';
import { toPlanRoutes } from './routes/to-plan.js';
import { shareLinkRoutes } from './routes/share-links.js';
import { versionRoutes } from './routes/versions.js';
import { workspaceRoutes } from './routes/workspaces.js';
import { workspaceExportRoutes } from './routes/workspace-export.js';

/** Paths of files, not of the app's pages: a missing one is a 404 (deep links have no such ending). */
const STATIC_FILE = /\.(?:m?js|css|map|json|webmanifest|ico|png|jpe?g|gif|svg|webp|avif|woff2?|ttf|wasm|txt)$/i;

/** JSON bodies above this are refused (imports have their own, larger limit). */
const MAX_JSON_BYTES = 64 * 1024;

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  // First, so every answer gets them: HTML, assets, API, errors and 404s.
  app.use(securityHeaders(deps.config.trustProxy));
  app.use(processHeader(deps.readiness));
  // gzip/deflate for text: HTML, JS, CSS, JSON, SVG (Hono's compress: by Accept-Encoding;
  // not when the length is known to be under 1 KiB, never twice, never `no-transform`, never
  // a HEAD). Websocket upgrades never pass through Hono (server.on('upgrade')).
  app.use(compress());

  app.route('/', probeRoutes(deps.readiness, deps.kdb));

  const api = new Hono<AppEnv>();
  api.use(closeWhenBodyUnread());
  // A junk share token is an unknown link (404), whatever else is wrong with its address.
  api.use(refuseMalformedShareToken());
  api.use(refuseNulInUrl());
  api.use(sameOrigin(deps.config));
  // One value per query parameter: a repeated one with another value is refused, never half-read.
  api.use(refuseRepeatedQuery());
  api.use(async (c, next) => {
    // The import route sets its own limit; every other body is small JSON.
    if (c.req.path.endsWith('/import')) return next();
    return limitBody(MAX_JSON_BYTES)(c, next);
  });
  // Counted before the session is looked up: a flood costs a map lookup, nothing more.
  api.use('/auth/signup', perAddressLimit(deps.requestLimits.signup, deps.config.trustProxy));
  api.use('/documents/:doc/ticket', perAddressLimit(deps.requestLimits.ticket, deps.config.trustProxy));
  api.use(session(deps));
  api.get('/health', (c) => c.json({ ok: true }));
  api.route('/', authRoutes(deps));
  api.route('/', meRoutes(deps));
  api.route('/', sessionRoutes(deps));
  api.route('/', timeRoutes(deps));
  api.route('/', roundRoutes(deps));
  api.route('/', toPlanRoutes(deps));
  api.route('/', workspaceRoutes(deps));
  // One export pool for every route that builds a whole document's answer (export-pool.ts).
  const exports = exportPoolOf(deps.config.limits);
  api.route('/', documentRoutes(deps, exports));
  api.route('/', invitationRoutes(deps));
  api.route('/', versionRoutes(deps, exports));
  api.route('/', historyRoutes(deps));
  api.route('/', shareLinkRoutes(deps, exports));
  api.route('/', lifecycleRoutes(deps));
  api.route('/', auditRoutes(deps));
  api.route('/', workspaceExportRoutes(deps));
  api.notFound((c) => c.json(errorBody('not-found', 'Ingen sådan adress i API:t.'), 404));
  app.route('/api', api);
  // A mounted app's notFound is not consulted, and the client's deep links below answer
  // every GET: so unknown API paths, any method, end here as JSON.
  app.all('/api/*', (c) => c.json(errorBody('not-found', 'Ingen sådan adress i API:t.'), 404));

  serveClient(app, deps.config.clientDir);
  return app;
}

/** The built single-page app, with deep links answered by its index.html. */
function serveClient(app: Hono<AppEnv>, clientDir: string | null): void {
  const index = clientDir ? join(clientDir, 'index.html') : null;
  if (!clientDir || !index || !existsSync(index)) {
    app.get('/', (c) => c.text('Samplan API. Bygg klienten med `npm run build`.'));
    return;
  }
  const html = appPage(index);
  app.use('/assets/*', serveStatic({ root: clientDir, onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
  app.use('*', serveStatic({ root: clientDir, onFound: (path, c) => (path.endsWith('.html') ? c.header('Cache-Control', 'no-cache') : undefined) }));
  // A file that is not there is a 404, never index.html: a tab open across a deploy asks
  // for the old build's chunks, and HTML in their place breaks it with MIME errors
  // instead of the failed load that makes it reload (client/lib/chunk-reload.ts).
  app.get('*', (c) => {
    if (c.req.path.startsWith('/ws/') || c.req.path.startsWith('/assets/') || STATIC_FILE.test(c.req.path)) {
      return c.text('Filen finns inte.', 404, { 'Cache-Control': 'no-store' });
    }
    // Revalidated every time, so a deploy's new chunk names reach every tab that reloads.
    return c.html(html(), 200, { 'Cache-Control': 'no-cache' });
  });
}
