/**
 * Accounts, on the async layer (server/db/kysely.ts), so SQLite and PostgreSQL alike.
 * Emails are compared case-insensitively: the column is COLLATE NOCASE on SQLite and uses
 * the `nocase` collation on PostgreSQL (server/db/migrations-pg.ts).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Kdb } from './kysely.js';
import { precompiled } from './precompiled.js';
import { isUniqueViolation } from './unique-violation.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
}

export interface UserWithHash extends UserRow {
  passwordHash: string;
}

/** 409 `email-taken`: sign-up's check, and the unique index when two sign-ups race past it. */
export const emailTaken = () => new AppError(409, 'email-taken', 'Det finns redan ett konto med den e-postadressen.');

/** Adds an account; its id is a new UUID. 409 `email-taken` on an address already taken (any case), on both dialects. */
export async function createUser(kdb: Kdb, input: { email: string; name: string; passwordHash: string }, now: number): Promise<UserRow> {
  const id = randomUUID();
  try {
    await kdb.insertInto('users').values({ id, email: input.email, name: input.name, password_hash: input.passwordHash, created_at: now }).execute();
  } catch (error) {
    throw isUniqueViolation(error) ? emailTaken() : error;
  }
  return { id, email: input.email, name: input.name };
}

/** The account with this address (in any case), with its password hash, for log-in and sign-up checks. */
export async function findUserByEmail(kdb: Kdb, email: string): Promise<UserWithHash | undefined> {
  return kdb.selectFrom('users').select(['id', 'email', 'name', 'password_hash as passwordHash']).where('email', '=', email).executeTakeFirst();
}

/** Every request's user after its session (server/auth/middleware.ts): built once. */
const userById = precompiled(1, (kdb, id: string) => kdb.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', id));

/** The account with this id (a deleted one too, as its tombstone), or undefined. */
export async function findUserById(kdb: Kdb, id: string): Promise<UserRow | undefined> {
  return userById.first(kdb, id);
}

/** How many accounts exist (tombstones included): the demo is seeded only into none. */
export async function countUsers(kdb: Kdb): Promise<number> {
  const row = await kdb.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The account's password hash (for re-authentication), or undefined for a missing or deleted account. */
export async function passwordHashOf(kdb: Kdb, id: string): Promise<string | undefined> {
  const row = await kdb.selectFrom('users').select('password_hash').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.password_hash;
}

/** Replaces the account's password hash (the caller ends its other sessions). */
export async function setPasswordHash(kdb: Kdb, id: string, passwordHash: string): Promise<void> {
  await kdb.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

/** Renames the account. */
export async function setUserName(kdb: Kdb, id: string, name: string): Promise<void> {
  await kdb.updateTable('users').set({ name }).where('id', '=', id).execute();
}

/** The name every edit of a deleted account is attributed to (DESIGN "Accounts": `DELETE /api/me`). */
export const DELETED_USER_NAME = 'Borttagen användare';

/**
 * Turns the account into an anonymous tombstone: the row (and so its id, which edits,
 * versions and history rows point at) stays, named "Borttagen användare", with an address
 * and a password hash that name no one and open nothing. Deleting the row instead would
 * cascade into whatever tables point at users, history included. Runs inside erase-account.ts's
 * one transaction (`kdb` is then that transaction).
 */
export async function tombstoneUser(kdb: Kdb, id: string, now: number): Promise<void> {
  await kdb
    .updateTable('users')
    .set({ email: `${id}@deleted.invalid`, name: DELETED_USER_NAME, password_hash: '', created_at: 0, deleted_at: now })
    .where('id', '=', id)
    .execute();
}
