/**
 * A cluster for tests (issue 21, docs/cluster.md): N Samplan processes (`node server/main.ts`
 * through tsx, as spawnServer runs one) on loopback, each with its own data dir, all on one
 * fresh PostgreSQL database of the test run's server (DATABASE_URL, scripts/test-postgres.ts).
 * No balancer: tests connect to each process directly, so forwarding is exercised.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import WebSocket from 'ws';
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
  /** Resolves with the process's exit code after `signal`. */
  signal(process: ClusterProcess, signal: 'SIGKILL' | 'SIGTERM'): Promise<number | null>;
  /** Starts process `index` again (same name and data dir, a new port) after it has exited; replaces it in `processes`. */
  restart(index: number): Promise<ClusterProcess>;
  stop(): Promise<void>;
}

/** Starts `count` processes named p0, p1, … on one new database; fails when DATABASE_URL is unset. */
export async function startCluster(count: number, extraEnv: Record<string, string> = {}): Promise<TestCluster> {
  const serverUrl = testPostgresUrl();
  if (!serverUrl) throw new Error('The cluster tests need PostgreSQL: run them with npm run test:pg -- <file>');
  const database = await createPostgresDatabase(serverUrl);
  const dirs: string[] = [];
  const env = { DATABASE_URL: database.url, DRAIN_SECONDS: '0', ...extraEnv };
  const processes: ClusterProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map((p) => exited(p.child, 'SIGKILL')));
    await database.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const start = async (i: number) => {
      const dir = tempDataDir();
      dirs[i] = dir;
      const name = `p${i}`;
      const { url, child } = await spawnServer(dir, { ...env, SAMPLAN_PROCESS: name });
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
    const { url, child } = await spawnServer(dirs[i] ?? tempDataDir(), { ...env, SAMPLAN_PROCESS: name }, 90_000);
    const fresh = { name, url, child };
    processes[i] = fresh;
    return fresh;
  };
  return { processes, databaseUrl: database.url, signal: (p, signal) => exited(p.child, signal), restart, stop };
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
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws/${documentId}`, { headers: browserHeaders(url, cookie) });
    ws.once('upgrade', (response) => resolve(String(response.headers['x-samplan-process'])));
    ws.once('open', () => ws.close());
    ws.once('error', reject);
  });
}
