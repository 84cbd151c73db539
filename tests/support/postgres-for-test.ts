/**
 * A PostgreSQL server for one test file: the one DATABASE_URL names (scripts/test-postgres.ts),
 * else a throwaway cluster of its own (tests/support/postgres.ts), stopped by `release`.
 */
import { testPostgresUrl } from './database.js';
import { startPostgres } from './postgres.js';

/** A server URL for this file's tests, and how to give it back. */
export async function postgresForTest(): Promise<{ url: string; release(): void }> {
  const given = testPostgresUrl();
  if (given) return { url: given, release: () => undefined };
  const started = await startPostgres();
  return { url: started.url, release: () => started.stop() };
}
