/**
 * Issue 21 (docs/cluster.md "Events", "Lease"): a process that loses its lease connection
 * (its documents may now be loaded elsewhere) or its events connection (log-outs may have
 * been missed) closes every socket with 1012, stores its rooms, reconnects, and admits the
 * clients again. PostgreSQL only (`npm run test:pg -- tests/integration/cluster-recovery.test.ts`);
 * on SQLite one process builds none of the cluster, which the last case checks.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionPlanToJSON, addGoal } from '../../shared/model/action-plan.js';
import { Tickets } from '../../server/auth/tickets.js';
import { ClusterLiveSockets, ClusterRooms } from '../../server/cluster/cluster-publishing.js';
import { SharedTickets } from '../../server/cluster/shared-tickets.js';
import { newDocument } from '../support/api.js';
import { testPostgresUrl } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { connectPeer, synced, until } from '../support/yclient.js';

const onPostgres = testPostgresUrl() !== null;

/** Ends the connection of this test's database whose application_name starts with `prefix` (other test files run beside it). */
async function terminate(databaseUrl: string, prefix: string): Promise<number> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const result = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE $1 AND datname = current_database()', [`${prefix}%`]);
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe.runIf(onPostgres)('a process that loses a cluster connection', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it.each([['samplan-lease '], ['samplan-events ']])('%s: every socket closes 1012, then the clients are admitted again and nothing is lost', async (prefix) => {
    const { api, id } = await newDocument(server.url, 'recovery', 'action-plan', 'Plan');
    const writer = connectPeer(server.url, id, { cookie: api.sessionCookie });
    const reader = connectPeer(server.url, id, { cookie: api.sessionCookie });
    await Promise.all([synced(writer), synced(reader)]);
    addGoal(writer.doc, { number: '1', title: 'Före' });
    await until(() => actionPlanToJSON(reader.doc).goals.length === 1, 10_000, 'reader sees the first goal');
    const closed = new Promise<number>((resolve) => reader.provider.ws?.addEventListener('close', (event) => resolve(event.code)));
    expect(await terminate(server.deps.config.databaseUrl ?? '', prefix)).toBe(1);
    expect(await closed).toBe(1012);
    // Reconnected (y-websocket retries on its own) to a process that holds the lease again.
    addGoal(writer.doc, { number: '2', title: 'Efter' });
    await until(() => actionPlanToJSON(reader.doc).goals.length === 2, 20_000, 'reader sees the goal written after');
    const stored = await api.json<{ goals: Array<{ title: string }> }>('GET', `/api/documents/${id}/export.json`, undefined, 200);
    expect(stored.goals.map((goal) => goal.title).sort()).toEqual(['Efter', 'Före']);
    writer.destroy();
    reader.destroy();
  });

  it('uses the cluster parts: publishing sockets and rooms, tickets in the database', () => {
    expect(server.deps.rooms).toBeInstanceOf(ClusterRooms);
    expect(server.deps.sockets).toBeInstanceOf(ClusterLiveSockets);
    expect(server.deps.tickets).toBeInstanceOf(SharedTickets);
  });
});

describe.runIf(!onPostgres)('one process on SQLite', () => {
  it('builds none of the cluster: rooms, sockets and tickets as they always were', async () => {
    const server = await startTestServer();
    try {
      expect(server.deps.rooms).not.toBeInstanceOf(ClusterRooms);
      expect(server.deps.sockets).not.toBeInstanceOf(ClusterLiveSockets);
      expect(server.deps.tickets).toBeInstanceOf(Tickets);
    } finally {
      await server.stop();
    }
  });
});
