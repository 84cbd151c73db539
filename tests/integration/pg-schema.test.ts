/**
 * The migrations on both dialects (server/db/migrations-pg.ts): the same tables, columns,
 * types, keys, foreign keys and indexes on PostgreSQL as on SQLite; migrating twice is a
 * no-op; a construct the translation does not know stops it. Needs PostgreSQL's binaries
 * (Debian's `postgresql`): without them this file fails, it never skips.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/database.js';
import { openPostgres, type AsyncDatabase } from '../../server/db/kysely.js';
import { MIGRATIONS } from '../../server/db/migrations.js';
import { migratePostgres, postgresMigrations, toPostgres } from '../../server/db/migrations-pg.js';
import { createPostgresDatabase } from '../support/database.js';
import { postgresForTest } from '../support/postgres-for-test.js';
import { postgresShape, sqliteShape } from '../support/schema-shape.js';

let server: { url: string; release(): void };
let database: { url: string; drop(): Promise<void> };
let postgres: AsyncDatabase;
let sqlite: Db;
const dir = mkdtempSync(join(tmpdir(), 'samplan-schema-'));

beforeAll(async () => {
  server = await postgresForTest();
  database = await createPostgresDatabase(server.url);
  postgres = await openPostgres(database.url);
  sqlite = openDatabase(dir);
}, 60_000);

afterAll(async () => {
  await postgres?.close();
  await database?.drop();
  server?.release();
  sqlite?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the same schema on SQLite and PostgreSQL', () => {
  it('has the same tables with the same columns, types, NOT NULLs and defaults', async () => {
    const [lite, pg] = [sqliteShape(sqlite), await postgresShape(postgres.kdb)];
    expect(Object.keys(pg.tables).sort()).toEqual(Object.keys(lite.tables).sort());
    for (const table of Object.keys(lite.tables)) expect({ table, columns: pg.tables[table] }).toEqual({ table, columns: lite.tables[table] });
    expect(pg.primaryKeys).toEqual(lite.primaryKeys);
  });

  it('has the same foreign keys and indexes, the partial one included', async () => {
    const [lite, pg] = [sqliteShape(sqlite), await postgresShape(postgres.kdb)];
    expect(pg.foreignKeys).toEqual(lite.foreignKeys);
    expect(pg.indexes).toEqual(lite.indexes);
    expect(pg.indexes).toContain('documents_deleted on documents(deleted_at) partial');
  });

  it('records every version, and a second run applies nothing', async () => {
    expect(await migratePostgres(postgres.kdb)).toBe(MIGRATIONS.length);
    const { rows } = await sql<{ n: number; top: number }>`SELECT COUNT(*) AS n, MAX(version) AS top FROM schema_migrations`.execute(postgres.kdb);
    expect(rows[0]).toEqual({ n: MIGRATIONS.length, top: MIGRATIONS.length });
  });

  it('compares emails without case, as COLLATE NOCASE does on SQLite', async () => {
    const row = { id: 'u1', email: 'Anna.Berg@Kommun.SE', name: 'Anna', password_hash: 'x', created_at: 1 };
    await postgres.kdb.insertInto('users').values(row).execute();
    const found = await postgres.kdb.selectFrom('users').select('id').where('email', '=', 'anna.berg@kommun.se').execute();
    expect(found).toEqual([{ id: 'u1' }]);
    await expect(postgres.kdb.insertInto('users').values({ ...row, id: 'u2', email: 'ANNA.BERG@kommun.se' }).execute()).rejects.toThrow(/unique/i);
  });
});

describe('the translation', () => {
  it('keeps SQLite’s texts and translates every one of them', () => {
    const pg = postgresMigrations();
    expect(pg).toHaveLength(MIGRATIONS.length);
    expect(pg.join('\n')).not.toMatch(/\bINTEGER\b|\bBLOB\b|AUTOINCREMENT/);
  });

  it.each(['INSERT OR IGNORE INTO users (id) VALUES (1);', 'CREATE TABLE t (id TEXT) WITHOUT ROWID;', 'PRAGMA foreign_keys = OFF;', 'UPDATE document_versions SET seq = rowid;'])(
    'refuses to guess at %s',
    (text) => expect(() => toPostgres(99, text)).toThrow(/Migration 99/),
  );
});
