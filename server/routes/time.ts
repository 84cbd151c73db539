/**
 * `GET /api/time` (DESIGN "Facilitation", timer): the server's clock, so every browser
 * shows the same remaining time to ±1 s even when its own clock is minutes off
 * (docs/facilitation.md). Public: guests on a share link follow the timer too, and the
 * time of day is no secret.
 */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../context.js';

export function timeRoutes(deps: Pick<Deps, 'clock'>) {
  const app = new Hono<AppEnv>();

  /**
   * `GET /api/time` → 200 `{now}`: ISO 8601 UTC with milliseconds, read when the request
   * is answered. `Cache-Control: no-store`: a cached time is a wrong time.
   */
  app.get('/time', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ now: new Date(deps.clock.now()).toISOString() });
  });

  return app;
}
