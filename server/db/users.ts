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

/** The account's password hash (for re-authentication), or undefined for a missing or deleted account. */
export function passwordHashOf(db: Db, id: string): string | undefined {
  const row = statement(db, 'SELECT password_hash AS passwordHash FROM users WHERE id = ? AND deleted_at IS NULL').get(id) as { passwordHash: string } | undefined;
  return row?.passwordHash;
}

export function setPasswordHash(db: Db, id: string, passwordHash: string): void {
  statement(db, 'UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
}

export function setUserName(db: Db, id: string, name: string): void {
  statement(db, 'UPDATE users SET name = ? WHERE id = ?').run(name, id);
}

/** The name every edit of a deleted account is attributed to (DESIGN "Accounts": `DELETE /api/me`). */
export const DELETED_USER_NAME = 'Borttagen användare';

/**
 * Turns the account into an anonymous tombstone: the row (and so its id, which edits,
 * versions and history rows point at) stays, named "Borttagen användare", with an address
 * and a password hash that name no one and open nothing. Deleting the row instead would
 * cascade into whatever tables point at users, history included.
 */
export function tombstoneUser(db: Db, id: string, now: number): void {
  statement(db, 'UPDATE users SET email = ?, name = ?, password_hash = ?, created_at = 0, deleted_at = ? WHERE id = ?').run(
    `${id}@deleted.invalid`,
    DELETED_USER_NAME,
    '',
    now,
    id,
  );
}
