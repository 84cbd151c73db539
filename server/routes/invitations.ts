/**
 * Invitation links (DESIGN "Invitations are links"; error codes in README "Contract notes").
 * Inviting never looks an account up, so its answer is the same for every address; the
 * token travels only in the link, and only its hash is stored.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/middleware.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { workspaceAccess } from '../access.js';
import type { AppEnv, Deps } from '../context.js';
import { creationBudgetOf } from '../http/creation-budget.js';
import { AuditAction, recordAudit } from '../audit/index.js';
import { documentsOf } from '../db/documents.js';
import { acceptInvitation, createInvitation, findInvitationLink, revokeInvitation, type InvitationLink } from '../db/invitations.js';
import { AppError, notFound } from '../errors.js';
import { linkOrigin } from '../http/own-origin.js';
import { createMailer } from '../mail/mailer.js';
import { EmailSchema, parseJson, RoleSchema } from '../validation.js';

const Invite = z.strictObject({ email: EmailSchema, role: RoleSchema });

/** What `newToken()` makes (base64url); anything else cannot be a link of ours. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

const GONE = {
  expired: ['invitation.expired', 'Inbjudan har gått ut. Be samordnaren om en ny länk.'],
  used: ['invitation.used', 'Inbjudan har redan använts. Be samordnaren om en ny länk om du behöver en.'],
  revoked: ['invitation.revoked', 'Inbjudan har återkallats av samordnaren.'],
} as const;

const unknownLink = () => new AppError(404, 'invitation.not-found', 'Inbjudan finns inte. Kontrollera att hela länken kom med.');

function goneError(state: keyof typeof GONE): AppError {
  const [code, message] = GONE[state];
  return new AppError(410, code, message);
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Routes:
 * - `POST /workspaces/:ws/members {email, role}` (coordinator) → 201
 *   `{invitation: {id, email, role, url, expiresAt}, mailed}`; `mailed` is true when SMTP
 *   accepted the mail. 400 `validation`, 401, 403, 404 as for every workspace route.
 * - `DELETE /workspaces/:ws/invitations/:id` (coordinator) → 204; 404 when no pending link has that id.
 * - `GET /invitations/:token` (anyone holding the link) → `{workspace: {name}, role, expiresAt}`.
 * - `POST /invitations/:token/accept` (signed in) → 200 `{workspace: {id, name, role}}`;
 *   a member keeps the higher of their role and the invited one.
 * A link that is unknown answers 404 `invitation.not-found`; one that expired (14 days),
 * was used or was revoked 410 `invitation.expired` / `invitation.used` / `invitation.revoked`.
 */
export function invitationRoutes(deps: Deps) {
  const { kdb, clock, config, rooms } = deps;
  const mailer = createMailer(config);
  const app = new Hono<AppEnv>();
  // Each invitation is a row and maybe a mail (server/http/creation-budget.ts).
  const budget = creationBudgetOf(deps);

  const liveLink = async (token: string): Promise<InvitationLink> => {
    const link = TOKEN.test(token) ? await findInvitationLink(kdb, hashToken(token), clock.now()) : undefined;
    if (!link) throw unknownLink();
    if (link.state !== 'pending') throw goneError(link.state);
    return link;
  };

  app.post('/workspaces/:ws/members', async (c) => {
    const user = requireUser(c);
    const { workspace } = await workspaceAccess(deps.kdb, c.req.param('ws'), user.id, 'coordinator');
    const { email, role } = await parseJson(c, Invite);
    await budget.charge(user.id);
    const token = newToken();
    const { id, expiresAt } = await createInvitation(kdb, { workspaceId: workspace.id, email, role, tokenHash: hashToken(token), invitedBy: user.id, now: clock.now() });
    const url = `${linkOrigin(c, config)}/invite/${token}`;
    const mail = { url, workspaceName: workspace.name, inviterName: user.name, role, expiresAt };
    const mailed = mailer ? await mailer.sendInvitation(email, mail) : false;
    await recordAudit(deps.kdb, { workspaceId: workspace.id, actorId: user.id, action: AuditAction.InvitationCreated, target: { type: 'invitation', id, label: email }, details: { role, mailed } }, clock.now());
    return c.json({ invitation: { id, email, role, url, expiresAt: iso(expiresAt) }, mailed }, 201);
  });

  app.delete('/workspaces/:ws/invitations/:id', async (c) => {
    const user = requireUser(c);
    const { workspace } = await workspaceAccess(deps.kdb, c.req.param('ws'), user.id, 'coordinator');
    if (!(await revokeInvitation(kdb, workspace.id, c.req.param('id'), clock.now()))) {
      throw notFound('Inbjudan finns inte, eller har redan använts eller återkallats.');
    }
    await recordAudit(deps.kdb, { workspaceId: workspace.id, actorId: user.id, action: AuditAction.InvitationRevoked, target: { type: 'invitation', id: c.req.param('id') } }, clock.now());
    return c.body(null, 204);
  });

  app.get('/invitations/:token', async (c) => {
    const link = await liveLink(c.req.param('token'));
    return c.json({ workspace: { name: link.workspaceName }, role: link.role, expiresAt: iso(link.expiresAt) });
  });

  app.post('/invitations/:token/accept', async (c) => {
    const user = requireUser(c);
    const token = c.req.param('token');
    const result = TOKEN.test(token) ? await acceptInvitation(kdb, hashToken(token), user.id, clock.now()) : ({ ok: false, state: 'unknown' } as const);
    if (!result.ok) throw result.state === 'unknown' ? unknownLink() : goneError(result.state);
    await recordAudit(deps.kdb, { workspaceId: result.workspaceId, actorId: user.id, action: AuditAction.InvitationAccepted, target: { type: 'member', id: user.id, label: user.name }, details: { role: result.role } }, clock.now());
    // A member whose role the link raised edits in their open documents at once.
    if (result.changed) void rooms.updateRole((await documentsOf(deps.kdb, result.workspaceId)).map((d) => d.id), user.id, result.role);
    return c.json({ workspace: { id: result.workspaceId, name: result.workspaceName, role: result.role } });
  });

  return app;
}
