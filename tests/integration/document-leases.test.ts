/**
 * One owner per document across processes (server/cluster/document-leases.ts): two lease
 * holders standing for two processes on one PostgreSQL. Only one owns a document at a
 * time, the other learns the owner's address; the lease passes on when the owner releases
 * it, closes, or its connection dies (the case of a SIGKILLed process), and the loser of a
 * dead connection is told. Needs PostgreSQL's binaries; fails, never skips, without them.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentLeases } from '../../server/cluster/document-leases.js';
import { createPostgresDatabase } from '../support/database.js';
import { postgresForTest } from '../support/postgres-for-test.js';

let server: { url: string; release(): void };
let database: { url: string; drop(): Promise<void> };
const opened: DocumentLeases[] = [];

beforeAll(async () => {
  server = await postgresForTest();
  database = await createPostgresDatabase(server.url);
}, 60_000);

afterAll(async () => {
  await Promise.all(opened.map((leases) => (leases.isLost ? undefined : leases.close())));
  await database?.drop();
  server?.release();
});

async function processAt(address: string): Promise<DocumentLeases> {
  const leases = await DocumentLeases.open(database.url, address);
  opened.push(leases);
  return leases;
}

/** Ends the lease connection of `address` from outside, as a dead process's connection ends. */
async function terminate(address: string): Promise<void> {
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  try {
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [`samplan-lease ${address}`]);
  } finally {
    await admin.end();
  }
}

describe('document leases (one owning process per document)', () => {
  it('give a document to one process; the other learns who owns it', async () => {
    const [a, b] = [await processAt('127.0.0.1:3101'), await processAt('127.0.0.1:3102')];
    expect(await a.acquire('doc-1')).toEqual({ owned: true });
    expect(await b.acquire('doc-1')).toEqual({ owned: false, owner: '127.0.0.1:3101' });
    expect(await b.acquire('doc-2')).toEqual({ owned: true });
    expect(await a.ownerOf('doc-2')).toBe('127.0.0.1:3102');
    expect(await a.ownerOf('doc-nobody')).toBeNull();
    await a.release('doc-1');
    expect(await b.acquire('doc-1')).toEqual({ owned: true });
    expect(b.heldDocuments().sort()).toEqual(['doc-1', 'doc-2']);
  });

  it("of one database never name another database's owner (a restored copy beside the original)", async () => {
    const copy = await createPostgresDatabase(server.url);
    const there = await DocumentLeases.open(copy.url, '127.0.0.1:3201');
    try {
      expect(await there.acquire('doc-shared-id')).toEqual({ owned: true });
      const here = await processAt('127.0.0.1:3202');
      expect(await here.ownerOf('doc-shared-id')).toBeNull();
      expect(await here.acquire('doc-shared-id')).toEqual({ owned: true });
    } finally {
      await there.close();
      await copy.drop();
    }
  });

  it('taken twice at once by one process, are released by one release', async () => {
    const [a, b] = [await processAt('127.0.0.1:3103'), await processAt('127.0.0.1:3104')];
    const both = await Promise.all([a.acquire('doc-3'), a.acquire('doc-3'), a.acquire('doc-3')]);
    expect(both).toEqual([{ owned: true }, { owned: true }, { owned: true }]);
    await a.release('doc-3');
    expect(await b.acquire('doc-3')).toEqual({ owned: true });
  });

  it('pass on when the owner closes, and when its connection dies, which the owner is told', async () => {
    const [a, b, c] = [await processAt('127.0.0.1:3105'), await processAt('127.0.0.1:3106'), await processAt('127.0.0.1:3107')];
    await a.acquire('doc-4');
    await b.acquire('doc-5');
    await a.close();
    expect(await c.acquire('doc-4')).toEqual({ owned: true });
    const lost = new Promise<Error>((resolve) => b.onLost(resolve));
    await terminate('127.0.0.1:3106');
    expect((await lost).message).toBeTruthy();
    expect(b.isLost).toBe(true);
    await expect(b.acquire('doc-6')).rejects.toThrow(/lost/);
    await expect.poll(async () => (await c.acquire('doc-5')).owned, { timeout: 10_000 }).toBe(true);
  });

  it('are never held by two processes, whatever the race (20 processes × 10 documents at once)', async () => {
    const processes = await Promise.all(Array.from({ length: 20 }, (_, i) => processAt(`127.0.0.1:${4000 + i}`)));
    const documents = Array.from({ length: 10 }, (_, i) => `race-${i}`);
    const results = await Promise.all(processes.flatMap((p) => documents.map(async (d) => ({ p: p.address, d, lease: await p.acquire(d) }))));
    for (const d of documents) {
      const owners = results.filter((r) => r.d === d && r.lease.owned).map((r) => r.p);
      expect(owners).toHaveLength(1);
      const told = results.filter((r) => r.d === d && !r.lease.owned).map((r) => (r.lease.owned ? null : r.lease.owner));
      // Each loser was told the owner, or nobody when it asked as the owner was between lock and lookup: never someone else.
      for (const owner of told) expect([owners[0], null]).toContain(owner);
    }
    await Promise.all(processes.map((p) => p.close()));
  });
});
