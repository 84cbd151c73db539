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
import { sql } from 'kysely';
import type { Kdb } from '../db/kysely.js';

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

/** How long `/readyz` waits for the database (ms): a load balancer's probe must get an answer. */
export const READY_TIMEOUT_MS = 2_000;

/**
 * Whether the store answers a trivial query within `timeoutMs`: SQLite, or PostgreSQL when
 * DATABASE_URL is set (docs/database.md) — there, a server that is down, refusing
 * connections or out of pool answers false, never hangs the probe.
 */
export async function databaseAnswers(kdb: Kdb, timeoutMs = READY_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answer = sql<{ one: number }>`SELECT 1 AS one`.execute(kdb).then(
    (result) => Number(result.rows[0]?.one) === 1,
    () => false,
  );
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz` and `/readyz`, outside `/api` (probes carry no session and no Origin).
 * Both answer JSON `{ ok, process }`; `/readyz` adds `reason` (`draining` | `database`)
 * with its 503, and `Cache-Control: no-store` on both.
 */
export function probeRoutes(readiness: Readiness, kdb: Kdb): Hono<AppEnv> {
  const probes = new Hono<AppEnv>();
  // Set per route: a `use` here would apply to every path, since the probes mount at `/`.
  const NO_STORE = { 'Cache-Control': 'no-store' };
  probes.get('/healthz', (c) => c.json({ ok: true, process: readiness.processName }, 200, NO_STORE));
  probes.get('/readyz', async (c) => {
    if (readiness.draining) return c.json({ ok: false, process: readiness.processName, reason: 'draining' }, 503, NO_STORE);
    if (!(await databaseAnswers(kdb))) return c.json({ ok: false, process: readiness.processName, reason: 'database' }, 503, NO_STORE);
    return c.json({ ok: true, process: readiness.processName }, 200, NO_STORE);
  });
  return probes;
}
