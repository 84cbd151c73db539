/**
 * The signed-in person's own account (DESIGN "Accounts, sessions, the browser boundary";
 * issue 16 "GDPR and account pages"): name, sessions, the export of every personal datum
 * held on them, and deleting the account. `GET /api/me` itself is in auth.ts.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { Limits } from '../../shared/limits.js';
import { confirmPassword } from '../auth/confirm-password.js';
import { clearSessionCookie, currentSessionId, requireUser } from '../auth/middleware.js';
import type { AppEnv, Deps } from '../context.js';
import { eraseAccount } from '../db/erase-account.js';
import { personalData } from '../db/personal-data.js';
import { findUserById, setUserName } from '../db/users.js';
import { NameSchema, parseJson } from '../validation.js';
import { CloseCode } from '../sync/close-codes.js';

const NameChangeSchema = z.strictObject({ name: NameSchema });
const DeleteSchema = z.strictObject({ password: z.string().max(Limits.maxPasswordLength) });

export function meRoutes(deps: Deps) {
  const { clock, sessions } = deps;
  const app = new Hono<AppEnv>();

  /** The user's live sessions, this one marked (never a token or id); times in ms. */
  const sessionsOf = async (userId: string, current: string | null) =>
    (await sessions.listOf(userId)).map(({ id, createdAt, lastUsedAt, expiresAt }) => ({ createdAt, lastUsedAt, expiresAt, current: id === current }));

  /** `PATCH /api/me {name}` → 200 `{user}`; 400 `validation`; 401 signed out. */
  app.patch('/me', async (c) => {
    const user = requireUser(c);
    const { name } = await parseJson(c, NameChangeSchema);
    await setUserName(deps.kdb, user.id, name);
    return c.json({ user: (await findUserById(deps.kdb, user.id)) ?? { ...user, name } });
  });

  /**
   * `GET /api/me/export` → 200 JSON download (`Content-Disposition: attachment`) of every
   * personal datum held on the user: account, memberships, sessions (no tokens),
   * invitations sent and received, documents created, edits per document, and the rows of
   * any other table that point at them (server/db/personal-data.ts). 401 signed out.
   */
  app.get('/me/export', async (c) => {
    const user = requireUser(c);
    const data = await personalData(deps.kdb, user.id, await sessionsOf(user.id, currentSessionId(c)), clock.now());
    c.header('Content-Disposition', 'attachment; filename="samplan-mina-uppgifter.json"');
    c.header('Cache-Control', 'no-store');
    return c.json(data);
  });

  /**
   * `DELETE /api/me {password}` → 204, cookie cleared: the account, its sessions and personal
   * data go, every socket of theirs closes with 4401; their edits stay, attributed to
   * "Borttagen användare" (server/db/erase-account.ts). 400 `wrong-password`, 429
   * `rate-limited`, 409 `last-coordinator` while they are the last coordinator of a
   * workspace others are in; a workspace they are alone in is deleted with them.
   */
  app.delete('/me', async (c) => {
    const user = requireUser(c);
    const { password } = await parseJson(c, DeleteSchema);
    await confirmPassword(deps, c, user, password);
    const { deletedDocuments } = await eraseAccount(deps.kdb, user.id, clock.now());
    deps.sockets.closeUser(user.id);
    // Documents gone with a workspace they were alone in: guests' sockets close, rooms dropped unstored.
    await Promise.all(deletedDocuments.map((id) => deps.rooms.closeDocument(id, CloseCode.NotFound, true)));
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  return app;
}
