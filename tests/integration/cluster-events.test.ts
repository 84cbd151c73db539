/**
 * Events between processes (server/cluster/cluster-events.ts) over a throwaway PostgreSQL:
 * every event kind reaches every other process and not its sender; a role change on
 * thousands of documents arrives whole, split under NOTIFY's size limit; payloads that are
 * not ours are ignored; a dropped connection is reported, so the process can close its
 * sockets. Needs PostgreSQL's binaries; fails, never skips, without them.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, ClusterEvents, payloadsOf, type ClusterEvent } from '../../server/cluster/cluster-events.js';
import { createPostgresDatabase } from '../support/database.js';
import { postgresForTest } from '../support/postgres-for-test.js';

let server: { url: string; release(): void };
let database: { url: string; drop(): Promise<void> };
const opened: ClusterEvents[] = [];

beforeAll(async () => {
  server = await postgresForTest();
  database = await createPostgresDatabase(server.url);
}, 60_000);

afterAll(async () => {
  await Promise.all(opened.map((events) => (events.isLost ? undefined : events.close())));
  await database?.drop();
  server?.release();
});

async function processNamed(id: string): Promise<{ events: ClusterEvents; received: ClusterEvent[] }> {
  const received: ClusterEvent[] = [];
  const events = await ClusterEvents.open(database.url, id, (event) => received.push(event));
  opened.push(events);
  return { events, received };
}

async function sql(text: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

const EVERY_KIND: ClusterEvent[] = [
  { type: 'session-ended', sessionId: 's1' },
  { type: 'user-signed-out', userId: 'u1', keepSessionId: null },
  { type: 'share-link-revoked', shareLinkId: 'l1' },
  { type: 'role-changed', documentIds: ['d1', 'd2'], userId: 'u1', role: 'viewer' },
  { type: 'read-only-changed', documentId: 'd1', reason: { code: 'document.archived', message: 'Arkiverat.' } },
  { type: 'document-closed', documentId: 'd1', code: 4404 },
  { type: 'forwarder-draining', address: '127.0.0.1:3101' },
];

describe('events between processes', () => {
  it('reach every other process in order, never the sender', async () => {
    const [a, b, c] = [await processNamed('a'), await processNamed('b'), await processNamed('c')];
    for (const event of EVERY_KIND) await a.events.publish(event);
    await expect.poll(() => b.received.length, { timeout: 10_000 }).toBe(EVERY_KIND.length);
    await expect.poll(() => c.received.length, { timeout: 10_000 }).toBe(EVERY_KIND.length);
    expect(b.received).toEqual(EVERY_KIND);
    expect(c.received).toEqual(EVERY_KIND);
    expect(a.received).toEqual([]);
  });

  it('carry a role change on 3 000 documents whole, in parts under the size limit', async () => {
    const [a, b] = [await processNamed('big-a'), await processNamed('big-b')];
    const documentIds = Array.from({ length: 3_000 }, (_, i) => `document-${String(i).padStart(6, '0')}-${'x'.repeat(20)}`);
    const chunks = [];
    for (let i = 0; i < documentIds.length; i += 500) chunks.push(documentIds.slice(i, i + 500));
    for (const ids of chunks) await a.events.publish({ type: 'role-changed', documentIds: ids, userId: 'u1', role: null });
    await expect.poll(() => b.received.flatMap((e) => (e.type === 'role-changed' ? e.documentIds : [])).length, { timeout: 10_000 }).toBe(3_000);
    expect(b.received.flatMap((e) => (e.type === 'role-changed' ? e.documentIds : []))).toEqual(documentIds);
    for (const payload of payloadsOf('big-a', { type: 'role-changed', documentIds: documentIds.slice(0, 500), userId: 'u1', role: null })) {
      expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
    }
  });

  it('ignore what is not ours, and refuse to send what is malformed', async () => {
    const b = await processNamed('strict-b');
    for (const payload of ['not json', '{}', JSON.stringify({ from: 'x', event: { type: 'drop-tables' } }), JSON.stringify({ from: 'x', event: { type: 'document-closed', documentId: 'd', code: 99 } })]) {
      await sql('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
    }
    await sql('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ from: 'x', event: { type: 'session-ended', sessionId: 'last' } })]);
    await expect.poll(() => b.received.length, { timeout: 10_000 }).toBe(1);
    expect(b.received).toEqual([{ type: 'session-ended', sessionId: 'last' }]);
    await expect(b.events.publish({ type: 'document-closed', documentId: '', code: 4404 })).rejects.toThrow();
  });

  it('report a lost connection, since events sent meanwhile are missed', async () => {
    const b = await processNamed('lost-b');
    const lost = new Promise<Error>((resolve) => b.events.onLost(resolve));
    await sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'samplan-events lost-b'`);
    expect((await lost).message).toBeTruthy();
    expect(b.events.isLost).toBe(true);
  });
});
