/**
 * A database's schema in one neutral shape, read from SQLite's PRAGMAs or PostgreSQL's
 * catalogs, so tests/integration/pg-schema.test.ts can compare the two dialects.
 */
import { sql } from 'kysely';
import type { Db } from '../../server/db/database.js';
import type { Kdb } from '../../server/db/kysely.js';

export interface ColumnShape {
  name: string;
  /** text, bigint or bytea (SQLite's TEXT, INTEGER and BLOB). */
  type: string;
  notNull: boolean;
  /** Default expression without casts, or null. */
  default: string | null;
}

export interface SchemaShape {
  /** Table → its columns in order. */
  tables: Record<string, ColumnShape[]>;
  /** Table → primary-key columns in order. */
  primaryKeys: Record<string, string[]>;
  /** `table.column → table.column on-delete`, sorted. */
  foreignKeys: string[];
  /** `index on table(columns)`, `partial` when it has a WHERE; sorted. Key constraints' own indexes are left out. */
  indexes: string[];
}

const SQLITE_TYPES: Record<string, string> = { TEXT: 'text', INTEGER: 'bigint', BLOB: 'bytea' };
const ON_DELETE: Record<string, string> = { a: 'NO ACTION', c: 'CASCADE', n: 'SET NULL', r: 'RESTRICT', d: 'SET DEFAULT' };

interface PragmaColumn { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }
interface PragmaForeignKey { table: string; from: string; to: string; on_delete: string }
interface PragmaIndex { name: string; origin: string; partial: number }

/** The shape of the SQLite database `db`. */
export function sqliteShape(db: Db): SchemaShape {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
  const shape: SchemaShape = { tables: {}, primaryKeys: {}, foreignKeys: [], indexes: [] };
  for (const table of names) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as PragmaColumn[];
    // A PRIMARY KEY column is NOT NULL on PostgreSQL by definition; SQLite's rowid key is too.
    shape.tables[table] = columns.map((c) => ({ name: c.name, type: SQLITE_TYPES[c.type] ?? c.type, notNull: c.notnull === 1 || c.pk > 0, default: c.dflt_value }));
    shape.primaryKeys[table] = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    for (const fk of db.prepare(`PRAGMA foreign_key_list(${table})`).all() as PragmaForeignKey[]) {
      shape.foreignKeys.push(`${table}.${fk.from} → ${fk.table}.${fk.to} ${fk.on_delete}`);
    }
    for (const index of db.prepare(`PRAGMA index_list(${table})`).all() as PragmaIndex[]) {
      if (index.origin !== 'c') continue;
      const cols = (db.prepare(`PRAGMA index_info(${index.name})`).all() as Array<{ name: string }>).map((c) => c.name);
      shape.indexes.push(`${index.name} on ${table}(${cols.join(', ')})${index.partial ? ' partial' : ''}`);
    }
  }
  shape.foreignKeys.sort();
  shape.indexes.sort();
  return shape;
}

interface PgColumn { table: string; name: string; type: string; nullable: string; default: string | null; identity: string }

async function pgTables(kdb: Kdb): Promise<Pick<SchemaShape, 'tables' | 'primaryKeys'>> {
  const columns = await sql<PgColumn>`
    SELECT table_name AS table, column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS default, is_identity AS identity
    FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`.execute(kdb);
  const keys = await sql<{ table: string; name: string }>`
    SELECT k.table_name AS table, k.column_name AS name FROM information_schema.table_constraints c
    JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
    WHERE c.table_schema = 'public' AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.table_name, k.ordinal_position`.execute(kdb);
  const tables: SchemaShape['tables'] = {};
  const primaryKeys: SchemaShape['primaryKeys'] = {};
  for (const c of columns.rows) {
    const column = { name: c.name, type: c.type, notNull: c.nullable === 'NO', default: c.default?.replace(/::[a-z ]+$/, '') ?? null };
    (tables[c.table] ??= []).push(column);
    primaryKeys[c.table] ??= [];
  }
  for (const k of keys.rows) primaryKeys[k.table]?.push(k.name);
  return { tables, primaryKeys };
}

/** The shape of the PostgreSQL database behind `kdb` (schema `public`). */
export async function postgresShape(kdb: Kdb): Promise<SchemaShape> {
  const { tables, primaryKeys } = await pgTables(kdb);
  const fks = await sql<{ table: string; from: string; ref: string; to: string; action: string }>`
    SELECT cl.relname AS table, a.attname AS from, rt.relname AS ref, ra.attname AS to, c.confdeltype AS action
    FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class rt ON rt.oid = c.confrelid
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
    WHERE c.contype = 'f'`.execute(kdb);
  const indexes = await sql<{ name: string; table: string; columns: string[]; partial: boolean }>`
    SELECT i.relname AS name, t.relname AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns, ix.indpred IS NOT NULL AS partial
    FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid)
    GROUP BY i.relname, t.relname, ix.indpred`.execute(kdb);
  return {
    tables,
    primaryKeys,
    foreignKeys: fks.rows.map((f) => `${f.table}.${f.from} → ${f.ref}.${f.to} ${ON_DELETE[f.action] ?? f.action}`).sort(),
    indexes: indexes.rows.map((i) => `${i.name} on ${i.table}(${i.columns.join(', ')})${i.partial ? ' partial' : ''}`).sort(),
  };
}
