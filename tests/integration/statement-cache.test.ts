/**
 * `statement(db, sql)` prepares each SQL text once per database and hands the same
 * statement back after that; it keeps working when the schema changes under it.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, statement } from '../../server/db/database.js';
import { tempDataDir } from '../support/server.js';

const dirs = [tempDataDir(), tempDataDir()];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const [first, second] = dirs.map((dir) => openDatabase(dir));
if (!first || !second) throw new Error('two databases expected');

describe('statement cache', () => {
  it('prepares a statement once per database and SQL text', () => {
    const sql = 'SELECT COUNT(*) AS n FROM users';
    const a = statement(first, sql);
    expect(statement(first, sql)).toBe(a);
    expect(statement(second, sql)).not.toBe(a);
    expect(statement(first, 'SELECT COUNT(*) AS n FROM workspaces')).not.toBe(a);
  });

  it('runs a cached statement again with new parameters', () => {
    const insert = 'INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)';
    statement(first, insert).run('w1', 'Ett', 0);
    statement(first, insert).run('w2', 'Två', 0);
    const names = statement(first, 'SELECT name FROM workspaces WHERE id = ?');
    expect(names.get('w1')).toEqual({ name: 'Ett' });
    expect(statement(first, 'SELECT name FROM workspaces WHERE id = ?').get('w2')).toEqual({ name: 'Två' });
  });

  it('sees a column a migration adds after it was prepared', () => {
    const all = 'SELECT * FROM workspaces WHERE id = ?';
    expect(Object.keys(statement(second, all).get('none') ?? {})).toEqual([]);
    statement(second, 'INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)').run('w', 'W', 0);
    const before = Object.keys(statement(second, all).get('w') as object);
    second.exec('ALTER TABLE workspaces ADD COLUMN note TEXT');
    const after = Object.keys(statement(second, all).get('w') as object);
    expect(after).toEqual([...before, 'note']);
  });
});
