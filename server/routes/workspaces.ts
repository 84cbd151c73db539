/** Workspaces, members, documents and plan-table import (inviting: `invitations.ts`). */
import { Hono, type Handler } from 'hono';
import { z } from 'zod';
import { COUNTRIES } from '../../shared/country.js';
import { DOCUMENT_KINDS } from '../../shared/model/kinds.js';
import { requireUser } from '../auth/middleware.js';
import { workspaceAccess } from '../access.js';
import type { AppEnv, Deps } from '../context.js';
import { createStoredDocument } from '../create-document.js';
import { AuditAction, recordAudit } from '../audit/index.js';
import { documentListing, documentsOf } from '../db/documents.js';
import { pendingInvitationsOf } from '../db/invitations.js';
import { findUserById } from '../db/users.js';
import { changeMember, coordinatedBy, createWorkspace, membersOf, workspaceLimit } from '../db/workspaces.js';
import { AppError, notFound } from '../errors.js';
import { creationBudgetOf, type CreationBudget } from '../http/creation-budget.js';
import { assertRoomForDocument } from '../db/documents.js';
import { ImportPool } from '../import/import-pool.js';
import { importBodyLimit, importTable } from '../import/import-route.js';
import { NameSchema, parseJson, RoleSchema } from '../validation.js';

const CreateWorkspace = z.strictObject({ name: NameSchema, country: z.enum(COUNTRIES).default('SE') });
const ChangeRole = z.strictObject({ role: RoleSchema });
const CreateDocument = z.strictObject({ kind: z.enum(DOCUMENT_KINDS), title: NameSchema });

/**
 * `POST /workspaces {name, country?}` → 201 `{id, name}`, the caller its coordinator; 409
 * `workspace.limit` when they coordinate WORKSPACES_PER_ACCOUNT already (checked before the
 * budget is charged, and again where it is stored), 429 past CREATIONS_PER_HOUR.
 */
function newWorkspace(deps: Deps, budget: CreationBudget): Handler<AppEnv> {
  const max = deps.config.limits.workspacesPerAccount;
  return async (c) => {
    const user = requireUser(c);
    const input = await parseJson(c, CreateWorkspace);
    if ((await coordinatedBy(deps.kdb, user.id)) >= max) throw workspaceLimit(max);
    await budget.charge(user.id);
    const workspace = await createWorkspace(deps.kdb, input.name, user.id, deps.clock.now(), input.country, max);
    return c.json({ id: workspace.id, name: workspace.name }, 201);
  };
}

export function workspaceRoutes(deps: Deps) {
  const { kdb, clock, rooms } = deps;
  // Plan-table imports run in worker threads, one at a time per server (import-pool.ts).
  const imports = new ImportPool();
  const app = new Hono<AppEnv>();
  // What one account may make the server store (server/http/creation-budget.ts).
  const budget = creationBudgetOf(deps);
  const { documentsPerWorkspace } = deps.config.limits;

  app.post('/workspaces', newWorkspace(deps, budget));

  app.get('/workspaces/:ws', async (c) => {
    const user = requireUser(c);
    const { workspace, role } = await workspaceAccess(deps.kdb, c.req.param('ws'), user.id, 'viewer');
    return c.json({
      id: workspace.id,
      name: workspace.name,
      country: workspace.country,
      role,
      members: await membersOf(kdb, workspace.id),
      invitations: role === 'coordinator' ? await pendingInvitationsOf(kdb, workspace.id, clock.now()) : [],
      // `documents` as before; archived ones apart in `archived` (DESIGN "Audit and exports").
      ...(await documentListing(deps.kdb, workspace.id)),
    });
  });

  /** Changing or removing a member; the last coordinator cannot be demoted or removed. */
  const memberChange = async (workspaceId: string, userId: string, next: 'remove' | z.infer<typeof RoleSchema>, actorId: string) => {
    const label = (await findUserById(kdb, userId))?.name ?? null;
    // Check and change in one transaction under the workspace's lock (server/db/workspaces.ts).
    const change = await changeMember(kdb, workspaceId, userId, next);
    if (!change.ok && change.reason === 'not-member') throw notFound('Personen är inte medlem i arbetsytan.');
    if (!change.ok) throw new AppError(409, 'last-coordinator', 'Arbetsytan måste ha minst en samordnare.');
    const current = change.previous;
    // Setting the role a member holds changes nothing: answered as usual, not audited.
    if (current !== next) await recordAudit(kdb, { workspaceId, actorId, action: next === 'remove' ? AuditAction.MemberRemoved : AuditAction.MemberRoleChanged, target: { type: 'member', id: userId, label }, details: next === 'remove' ? { role: current } : { from: current, to: next } }, clock.now());
    const documentIds = (await documentsOf(kdb, workspaceId)).map((d) => d.id);
    void rooms.updateRole(documentIds, userId, next === 'remove' ? null : next);
  };

  app.patch('/workspaces/:ws/members/:userId', async (c) => {
    const user = requireUser(c);
    const { workspace } = await workspaceAccess(deps.kdb, c.req.param('ws'), user.id, 'coordinator');
    const { role } = await parseJson(c, ChangeRole);
    await budget.charge(user.id);
    await memberChange(workspace.id, c.req.param('userId'), role, user.id);
    const member = (await membersOf(kdb, workspace.id)).find((m) => m.id === c.req.param('userId'));
    return c.json({ member });
  });

  app.delete('/workspaces/:ws/members/:userId', async (c) => {
    const user = requireUser(c);
    const { workspace } = await workspaceAccess(deps.kdb, c.req.param('ws'), user.id, 'coordinator');
    await budget.charge(user.id);
    await memberChange(workspace.id, c.req.param('userId'), 'remove', user.id);
    return c.body(null, 204);
  });

  app.post('/workspaces/:ws/documents', async (c) => {
    const user = requireUser(c);
    const { workspace } = await workspaceAccess(deps.kdb, c.req.param('ws'), user.id, 'editor');
    const input = await parseJson(c, CreateDocument);
    await assertRoomForDocument(kdb, workspace.id, documentsPerWorkspace);
    await budget.charge(user.id);
    const row = await createStoredDocument(deps, workspace, input.kind, { title: input.title }, user.id);
    return c.json({ id: row.id, kind: row.kind, title: row.title }, 201);
  });

  app.post('/workspaces/:ws/import', importBodyLimit(), importTable(deps, imports, budget));

  return app;
}
