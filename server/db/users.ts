/** Accounts. Emails are compared case-insensitively (the column is COLLATE NOCASE). */
import { randomUUID } from 'node:crypto';
import { statement, type Db } from './database.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
}

export interface UserWithHash extends UserRow {
  passwordHash: string;
}

export function createUser(db: Db, input: { email: string; name: string; passwordHash: string }, now: number): UserRow {
  const id = randomUUID();
  statement(db, 'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
    id,
    input.email,
    input.name,
    input.passwordHash,
    now,
  );
  return { id, email: input.email, name: input.name };
}

export function findUserByEmail(db: Db, email: string): UserWithHash | undefined {
  return statement(db, 'SELECT id, email, name, password_hash AS passwordHash FROM users WHERE email = ?').get(email) as
    | UserWithHash
    | undefined;
}

export function findUserById(db: Db, id: string): UserRow | undefined {
  return statement(db, 'SELECT id, email, name FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function countUsers(db: Db): number {
  return (statement(db, 'SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
}
