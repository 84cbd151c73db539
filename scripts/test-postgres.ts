/**
 * The integration tests on PostgreSQL (docs/database.md "Tests on PostgreSQL"): starts a
 * throwaway server from Debian's `postgresql` package (tests/support/postgres.ts), runs
 * Vitest's integration project with DATABASE_URL set, stops the server, exits as Vitest did.
 * Fails, never skips, when PostgreSQL is not installed.
 *
 *   npm run test:pg                 the tests already converted to the async layer
 *   npm run test:pg -- <vitest args> anything else (files, -t patterns)
 *
 * Until every module is converted (issue 21), only what runs on the async layer is listed
 * here; the list grows into the whole integration suite.
 */
import { spawn } from 'node:child_process';
import { startPostgres } from '../tests/support/postgres.js';

/**
 * What works on PostgreSQL so far: files, and a name pattern. Routes that also write an
 * audit row or a document (still SQLite, whose foreign keys name workspaces it lacks) wait
 * for those modules: invitations.test.ts, account-data.test.ts, most of http.test.ts.
 */
const CONVERTED = [
  'tests/integration/pg-schema.test.ts',
  'tests/integration/async-transactions.test.ts',
  'tests/integration/sessions.test.ts',
  'tests/integration/http.test.ts',
  'tests/integration/precompiled.test.ts',
  'tests/integration/workspace-races.test.ts',
  'tests/integration/unique-violations.test.ts',
  'tests/integration/persistence.test.ts',
  'tests/integration/documents-cap.test.ts',
  'tests/integration/share-store.test.ts',
  'tests/integration/audit-store.test.ts',
  'tests/integration/find-document.test.ts',
  'tests/integration/nul-in-url.test.ts',
  'tests/integration/versions-store.test.ts',
  'tests/integration/versions.test.ts',
  'tests/integration/visits-at.test.ts',
  'tests/integration/workspace-export.test.ts',
  'tests/integration/rounds-store.test.ts',
  'tests/integration/facilitation-rounds.test.ts',
  'tests/integration/rounds-integrity.test.ts',
  'tests/integration/history.test.ts',
  'tests/integration/readiness-database.test.ts',
  'tests/integration/readiness.test.ts',
  'tests/integration/backup.test.ts',
  'tests/integration/nul-in-json.test.ts',
  'tests/integration/shared-limit.test.ts',
  // Many processes (issue 21, docs/cluster.md): PostgreSQL only.
  'tests/integration/document-leases.test.ts',
  'tests/integration/forward-upgrade.test.ts',
  'tests/integration/cluster-events.test.ts',
  'tests/integration/cluster.test.ts',
  'tests/integration/cluster-recovery.test.ts',
  'tests/integration/shared-tickets.test.ts',
  '-t',
  '^(the document lookup|a NUL in the address|document store|the documents-per-workspace cap|share links on|the audit log on|the same schema|the translation|async transactions|the test server|sessions|session lifetime|the sweep|sign-up closed|accounts|precompiled reads|workspace races|unique violations|workspaces, members, documents validates names|the versions store|named and adopted versions|compare|restore|changes since the last visit|automatic versions|POST visits|roles|content|vote rounds on|as (viewer|editor|coordinator|outsider|guest)|creating a round|ballots|who sees the ballots|closing a round|the session map over the websocket|what a close counts|a ballot naming a deleted item|history|readiness|probes and the process header|npm run backup with DATABASE_URL set|a NUL in JSON text|shared per-address limits|document leases|forwarding an upgrade|events between processes|three processes on one document|a process that goes away|a process that loses a cluster connection|websocket tickets|tickets in the database)',
];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const postgres = await startPostgres();
  console.log(`PostgreSQL on 127.0.0.1:${postgres.port} (pid ${postgres.pid})`);
  const stop = () => postgres.stop();
  const interrupted = () => {
    stop();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const vitest = spawn('npx', ['vitest', 'run', '--project', 'integration', ...(args.length > 0 ? args : CONVERTED)], {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: postgres.url },
    });
    return await new Promise<number>((resolve) => vitest.on('exit', (code) => resolve(code ?? 1)));
  } finally {
    stop();
  }
}

process.exitCode = await main();
