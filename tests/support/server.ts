/**
 * Starts the real server for tests: a free port, a temp data dir, real SQLite; and, when
 * DATABASE_URL names a PostgreSQL server (scripts/test-postgres.ts), a database there per
 * data dir that the server stores everything in (docs/database.md "Tests on PostgreSQL"),
 * dropped on `stop` with the data dir it made.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../server/config.js';
import { startServer, type RunningServer } from '../../server/server.js';
import type { Clock } from '../../server/context.js';
import { openDatabase } from '../../server/db/database.js';
import { openPostgres, sqliteKysely, type AsyncDatabase } from '../../server/db/kysely.js';
import { createPostgresDatabase, testPostgresUrl } from './database.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'samplan-test-'));
}

/** Each data dir's PostgreSQL database on `npm run test:pg` runs, so a server restarted on a data dir finds what it stored. */
const databases = new Map<string, Promise<{ url: string; drop(): Promise<void> }>>();

/**
 * The database a server on `dataDir` stores in: null on SQLite runs (the data dir holds it);
 * on PostgreSQL runs a fresh one per data dir, the same one for every server started on that
 * dir. A data dir a test made and removes itself leaves its database to the throwaway
 * PostgreSQL server, which `npm run test:pg` deletes at the end.
 */
export function databaseOf(dataDir: string): Promise<{ url: string; drop(): Promise<void> }> | null {
  const serverUrl = testPostgresUrl();
  if (!serverUrl) return null;
  const known = databases.get(dataDir) ?? createPostgresDatabase(serverUrl);
  databases.set(dataDir, known);
  return known;
}

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Stops the server and removes its data dir. */
  stop(): Promise<void>;
}

/** The server on a free port with test limits; `overrides` win. Stop it with `stop()`. */
export async function startTestServer(overrides: Partial<Config> = {}, clock?: Clock): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDataDir();
  const postgres = overrides.databaseUrl === undefined ? await databaseOf(dataDir) : null;
  // Every test client comes from 127.0.0.1, so per-address limits are opened wide here;
  // the tests of those limits pass their own.
  // No drain pause when a test stops its server (readiness.test.ts tests the pause itself).
  const relaxed = { signupsPerMinute: 100_000, ticketsPerMinute: 100_000, drainMs: 0 };
  // One test person logs in many times a minute (every browser context of a suite signs in
  // anew); login-neighbours.test.ts passes its own log-in limits.
  const logins = { ...loadConfig({}).login, perAccountPerMinute: 100_000 };
  // Likewise one test person makes many exports, copies, rounds, history reads and other
  // creations in a row; request-limits.test.ts, request-load.test.ts and
  // creation-budget.test.ts pass their own limits.
  const defaults = loadConfig({});
  const perPerson = { ...defaults.limits, exportsPerUser: 100, duplicatesPerMinute: 100_000, historyPerMinute: 100_000, roundsPerMinute: 100_000, creationsPerHour: 100_000 };
  // Compares, versions and share links per person too; heavy-requests.test.ts passes its own.
  const heavy = { ...defaults.heavy, perMinute: 100_000, versionsPerMinute: 100_000, shareLinksPerMinute: 100_000 };
  const config: Config = { ...defaults, limits: perPerson, heavy, port: 0, host: '127.0.0.1', dataDir, databaseUrl: postgres?.url ?? null, demoData: false, clientDir: null, ...relaxed, login: logins, ...overrides };
  const server = await startServer(config, clock, () => undefined);
  return {
    ...server,
    dataDir,
    stop: async () => {
      await server.close();
      // A data dir the caller gave stays, and so does its database (a later server may reopen both).
      if (overrides.dataDir) return;
      await postgres?.drop();
      databases.delete(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What a server on `dataDir` stored, opened while no server runs there (after a kill): its
 * SQLite file, or on PostgreSQL runs its database (`databaseOf`). Close it when done.
 */
export async function openStored(dataDir: string): Promise<AsyncDatabase> {
  const database = await databaseOf(dataDir);
  if (database) return openPostgres(database.url);
  const db = openDatabase(dataDir);
  const opened = sqliteKysely(db);
  return {
    ...opened,
    close: async () => {
      await opened.close();
      db.close();
    },
  };
}

/**
 * The server as its own process (`node server/main.ts`), for tests that kill it. On
 * PostgreSQL runs it stores in its data dir's database (`databaseOf`), unless `env` names one. It must say
 * "listening on" within `startMs`: 60 s, since on the shared 2-core machine at load 20+ a start
 * through tsx took 39 s (20 s failed readiness, durability and cluster tests there).
 * `main` is what node runs: the sources through tsx, or a built `main.js` (tests/support/built-server.ts).
 * A process that has not said so in time is killed, so no half-started server outlives the test.
 */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}, startMs = 60_000, main: string[] = ['--import', 'tsx', 'server/main.ts']): Promise<{ url: string; child: ChildProcess }> {
  // The test run's DATABASE_URL names the whole PostgreSQL server: the child stores in its data dir's database there.
  const database = env.DATABASE_URL === undefined ? await databaseOf(dataDir) : null;
  const inherited: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database?.url };
  const child = spawn(process.execPath, main, {
    cwd: ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${startMs} ms:\n${output}`));
    }, startMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { url, child };
}
