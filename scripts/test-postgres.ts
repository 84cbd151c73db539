/**
 * The integration suite on PostgreSQL (docs/database.md "Tests on PostgreSQL"; issue 21: CI
 * runs it twice, on SQLite and here): starts a throwaway server from Debian's `postgresql`
 * package (tests/support/postgres.ts), runs Vitest's integration project with DATABASE_URL
 * set, stops the server, exits as Vitest did. Fails, never skips, when PostgreSQL is not
 * installed.
 *
 *   npm run test:pg                  every file in tests/integration
 *   npm run test:pg -- <vitest args> some of them (files, -t patterns)
 *
 * Like `npm test` (scripts/test.mjs), it also fails when too few tests ran: the whole suite
 * below the integration floor (scripts/test-floors.mjs), or any run with none at all (a
 * file or pattern that matches nothing, or a suite whose every test skipped itself).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../tests/support/postgres.js';
import { floorProblems, TEST_FLOORS } from './test-floors.mjs';

/** Runs Vitest's integration project with `args` against `databaseUrl`; resolves with its exit code and the tests that ran. */
async function vitest(args: string[], databaseUrl: string): Promise<{ code: number; ran: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'samplan-test-pg-'));
  const countsFile = join(dir, 'counts.json');
  try {
    const child = spawn('npx', ['vitest', 'run', '--project', 'integration', '--reporter=default', '--reporter=./scripts/test-count-reporter.mjs', ...args], {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: databaseUrl, TEST_COUNTS_FILE: countsFile },
    });
    const code = await new Promise<number>((resolve) => child.on('exit', (exit) => resolve(exit ?? 1)));
    let counts: Record<string, number> = {};
    try {
      counts = JSON.parse(readFileSync(countsFile, 'utf8')) as Record<string, number>;
    } catch {
      // No file: Vitest ended before any test ran; the floor below reports it.
    }
    return { code, ran: counts.integration ?? 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
    const { code, ran } = await vitest(args.length > 0 ? args : ['tests/integration'], postgres.url);
    // The whole suite answers to the integration floor; a chosen part must run at least one test.
    const problems = floorProblems({ integration: ran }, { integration: args.length > 0 ? 1 : (TEST_FLOORS.integration ?? 1) });
    console.log(`\nIntegration tests run on PostgreSQL: ${ran}`);
    for (const problem of problems) console.error(`Test floor: ${problem}`);
    return code !== 0 ? code : problems.length > 0 ? 1 : 0;
  } finally {
    stop();
  }
}

process.exitCode = await main();
