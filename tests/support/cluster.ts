/**
 * A cluster for tests (issue 21, docs/cluster.md): N Samplan processes (the server built to
 * JavaScript once per test process, run with plain node as in production:
 * tests/support/built-server.ts) on loopback, each with its own data dir, all on one
 * fresh PostgreSQL database of the test run's server (DATABASE_URL, scripts/test-postgres.ts).
 * No balancer: tests connect to each process directly, so forwarding is exercised.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import WebSocket from 'ws';
import { builtServerMain } from './built-server.js';
import { createPostgresDatabase, testPostgresUrl } from './database.js';
import { spawnServer, tempDataDir } from './server.js';
import { browserHeaders } from './yclient.js';

export interface ClusterProcess {
  name: string;
  url: string;
  child: ChildProcess;
}

export interface TestCluster {
  processes: ClusterProcess[];
  /** The database every process uses. */
  databaseUrl: string;
  /** Resolves with the process's exit code after `signal`; rejects, naming the process, when it has not exited in `ms` (60 s). */
  signal(process: ClusterProcess, signal: 'SIGKILL' | 'SIGTERM', ms?: number): Promise<number | null>;
  /** Starts process `index` again (same name and data dir, a new port) after it has exited; replaces it in `processes`. */
  restart(index: number): Promise<ClusterProcess>;
  stop(): Promise<void>;
}

/** Starts `count` processes named p0, p1, … on one new database; fails when DATABASE_URL is unset. */
export async function startCluster(count: number, extraEnv: Record<string, string> = {}): Promise<TestCluster> {
  const serverUrl = testPostgresUrl();
  if (!serverUrl) throw new Error('The cluster tests need PostgreSQL: run them with npm run test:pg -- <file>');
  const main = await within(60_000, 'building the server', builtServerMain());
  const database = await within(30_000, 'creating the cluster database', createPostgresDatabase(serverUrl));
  const dirs: string[] = [];
  const env = { DATABASE_URL: database.url, DRAIN_SECONDS: '0', ...extraEnv };
  const processes: ClusterProcess[] = [];
  const stop = async () => {
    await within(20_000, 'SIGKILL of every process', Promise.all(processes.map((p) => exited(p.child, 'SIGKILL'))));
    await within(30_000, 'dropping the cluster database', database.drop());
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const start = async (i: number) => {
      const dir = tempDataDir();
      dirs[i] = dir;
      const name = `p${i}`;
      // Built, a start took 0.5–3.5 s at load 20; the bound is for a machine far busier.
      const { url, child } = await spawnServer(dir, { ...env, SAMPLAN_PROCESS: name }, 60_000, [main]);
      processes[i] = { name, url, child };
    };
    // The first runs the migrations; the others, started together, find them done.
    await start(0);
    await Promise.all(Array.from({ length: count - 1 }, (_, i) => start(i + 1)));
  } catch (error) {
    await stop();
    throw error;
  }
  const restart = async (i: number): Promise<ClusterProcess> => {
    const name = `p${i}`;
    // Beside two processes under load on a shared 2-core machine, a start takes longer.
    const { url, child } = await spawnServer(dirs[i] ?? tempDataDir(), { ...env, SAMPLAN_PROCESS: name }, 90_000, [main]);
    const fresh = { name, url, child };
    processes[i] = fresh;
    return fresh;
  };
  const signal = (p: ClusterProcess, sent: 'SIGKILL' | 'SIGTERM', ms = 60_000) => within(ms, `${p.name} exiting after ${sent}`, exited(p.child, sent));
  return { processes, databaseUrl: database.url, signal, restart, stop };
}

/**
 * `promise`, or a rejection naming `step` when it has not settled in `ms`: every wait of a
 * cluster test is bounded, so a step that never ends fails and says which it was.
 */
export function within<T>(ms: number, step: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step}: not done in ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function exited(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

/** Which process answered a websocket upgrade to `url`'s document (its X-Samplan-Process), the socket then closed. */
export function servedBy(url: string, documentId: string, cookie: string): Promise<string> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws/${documentId}`, { headers: browserHeaders(url, cookie) });
  const answered = new Promise<string>((resolve, reject) => {
    ws.once('upgrade', (response) => resolve(String(response.headers['x-samplan-process'])));
    ws.once('open', () => ws.close());
    ws.once('error', reject);
  });
  return within(20_000, `the upgrade answer at ${url}`, answered).catch((error: unknown) => {
    ws.terminate();
    throw error;
  });
}
