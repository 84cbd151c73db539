/**
 * Sessions on a real database: a session is created, checked and ended, and checking it
 * again does not prepare Lucia's SQL again (the adapter goes through the statement cache).
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createSessions } from '../../server/auth/sessions.js';
import { openDatabase } from '../../server/db/database.js';
import { createUser } from '../../server/db/users.js';
import { tempDataDir } from '../support/server.js';

const dir = tempDataDir();
const db = openDatabase(dir);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sessions', () => {
  const user = createUser(db, { email: 'anna@example.se', name: 'Anna', passwordHash: 'x' }, Date.now());
  const sessions = createSessions(db);

  it('finds the user of a live session and nobody once it is ended', async () => {
    const token = await sessions.create(user.id);
    expect(await sessions.validate(token)).toEqual({ userId: user.id, refreshed: false });
    expect(await sessions.validate(`${token}x`)).toBeNull();
    await sessions.invalidate(token);
    expect(await sessions.validate(token)).toBeNull();
  });

  it('prepares the session lookup once, not on every check', async () => {
    const token = await sessions.create(user.id);
    await sessions.validate(token);
    const prepare = vi.spyOn(db, 'prepare');
    try {
      for (let i = 0; i < 5; i++) expect(await sessions.validate(token)).not.toBeNull();
      expect(prepare).not.toHaveBeenCalled();
    } finally {
      prepare.mockRestore();
    }
  });
});
