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
  stop(): Promise<void>;
}

/** Starts `count` processes named p0, p1, … on one new database; fails when DATABASE_URL is unset. */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<TestCluster> {
  const serverUrl = testPostgresUrl();
  if (!serverUrl) throw new Error('The cluster tests need PostgreSQL: run them with npm run test:pg -- <file>');
  const database = await createPostgresDatabase(serverUrl);
  const dirs: string[] = [];
  const processes: ClusterProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map((p) => exited(p.child, 'SIGKILL')));
    await database.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const start = async (i: number) => {
      const dir = tempDataDir();
      dirs.push(dir);
      const name = `p${i}`;
      const { url, child } = await spawnServer(dir, { DATABASE_URL: database.url, SAMPLAN_PROCESS: name, DRAIN_SECONDS: '0', ...env });
      processes[i] = { name, url, child };
    };
    // The first runs the migrations; the others, started together, find them done.
    await start(0);
    await Promise.all(Array.from({ length: count - 1 }, (_, i) => start(i + 1)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { processes, databaseUrl: database.url, signal: (p, signal) => exited(p.child, signal), stop };
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
