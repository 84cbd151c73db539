/**
 * Liveness, readiness and which process answered (DESIGN "Many processes"):
 * `GET /healthz` → 200 while the process runs; `GET /readyz` → 200 when the database
 * answers and the process still accepts work, else 503 (a load balancer then sends new
 * clients elsewhere: during a drain, or when the database is gone). Every HTTP answer
 * and every websocket upgrade carries `X-Samplan-Process` so tests and operators can tell
 * where a client landed.
 */
import { hostname } from 'node:os';
import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import type { Db } from '../db/database.js';

export const PROCESS_HEADER = 'X-Samplan-Process';

/** The name this process answers with: `SAMPLAN_PROCESS` if set, else `host-pid`. */
export function defaultProcessName(env: NodeJS.ProcessEnv = process.env): string {
  return env.SAMPLAN_PROCESS?.trim() || `${hostname()}-${process.pid}`;
}

/** Whether this process takes new work; `drain()` is called once, at SIGTERM. */
export class Readiness {
  #draining = false;

  constructor(readonly processName: string) {}

  get draining(): boolean {
    return this.#draining;
  }

  drain(): void {
    this.#draining = true;
  }
}

/** Names the answering process on every response (set before the handler, so errors carry it too). */
export function processHeader(readiness: Readiness): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header(PROCESS_HEADER, readiness.processName);
    await next();
  };
}

/** Whether the database answers a trivial query. */
function databaseAnswers(db: Db): boolean {
  try {
    return db.prepare('SELECT 1 AS one').get() !== undefined;
  } catch {
    return false;
  }
}

/**
 * `/healthz` and `/readyz`, outside `/api` (probes carry no session and no Origin).
 * Both answer JSON `{ ok, process }`; `/readyz` adds `reason` (`draining` | `database`)
 * with its 503, and `Cache-Control: no-store` on both.
 */
export function probeRoutes(readiness: Readiness, db: Db): Hono<AppEnv> {
  const probes = new Hono<AppEnv>();
  // Set per route: a `use` here would apply to every path, since the probes mount at `/`.
  const NO_STORE = { 'Cache-Control': 'no-store' };
  probes.get('/healthz', (c) => c.json({ ok: true, process: readiness.processName }, 200, NO_STORE));
  probes.get('/readyz', (c) => {
    if (readiness.draining) return c.json({ ok: false, process: readiness.processName, reason: 'draining' }, 503, NO_STORE);
    if (!databaseAnswers(db)) return c.json({ ok: false, process: readiness.processName, reason: 'database' }, 503, NO_STORE);
    return c.json({ ok: true, process: readiness.processName }, 200, NO_STORE);
  });
  return probes;
}
