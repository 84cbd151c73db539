/**
 * Samplan's server entry point. For now it serves a placeholder page and a health check;
 * the API and live rooms arrive with the server issue.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';

const app = new Hono();
app.get('/api/health', (c) => c.json({ ok: true }));
app.get('/', (c) =>
  c.html('<!doctype html><html lang="sv"><meta charset="utf-8"><title>Samplan</title><h1>Samplan</h1><p>Servern är igång. Arbetsytan kommer snart.</p></html>'),
);

serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`Samplan listening on http://${hostname}:${info.port}`);
});
