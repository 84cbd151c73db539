/**
 * The HTTP application: `createApp(deps)` with database, clock, config and rooms injected,
 * so route tests run in-process and the real server wires the same thing to a port.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { session } from './auth/middleware.js';
import type { AppEnv, Deps } from './context.js';
import { errorBody, onError } from './errors.js';
import { limitBody, sameOrigin } from './http-guards.js';
import { perAddressLimit } from './http/per-address-limit.js';
import { securityHeaders } from './http/security-headers.js';
import { authRoutes } from './routes/auth.js';
import { documentRoutes } from './routes/documents.js';
import { invitationRoutes } from './routes/invitations.js';
import { meRoutes } from './routes/me.js';
import { sessionRoutes } from './routes/sessions.js';
import { workspaceRoutes } from './routes/workspaces.js';

/** JSON bodies above this are refused (imports have their own, larger limit). */
const MAX_JSON_BYTES = 64 * 1024;

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  // First, so every answer gets them: HTML, assets, API, errors and 404s.
  app.use(securityHeaders(deps.config.trustProxy));

  const api = new Hono<AppEnv>();
  api.use(sameOrigin(deps.config.trustProxy));
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
  api.route('/', workspaceRoutes(deps));
  api.route('/', documentRoutes(deps));
  api.route('/', invitationRoutes(deps));
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
  const html = readFileSync(index, 'utf8');
  app.use('/assets/*', serveStatic({ root: clientDir, onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
  app.use('*', serveStatic({ root: clientDir }));
  app.get('*', (c) => (c.req.path.startsWith('/ws/') ? c.notFound() : c.html(html)));
}
