/** Workspaces, members and invitations, documents and plan-table import. */
import { Hono } from 'hono';
import { z } from 'zod';
import { DOCUMENT_KINDS, CURRENCIES } from '../../shared/model/kinds.js';
import { Limits } from '../../shared/limits.js';
import { importPlanTable } from '../../shared/table/import.js';
import { ImportError } from '../../shared/table/errors.js';
import { requireUser } from '../auth/middleware.js';
import { workspaceAccess } from '../access.js';
import type { AppEnv, Deps } from '../context.js';
import { createStoredDocument } from '../create-document.js';
import { documentsOf } from '../db/documents.js';
import { findUserByEmail } from '../db/users.js';
import {
  addMember,
  countCoordinators,
  createWorkspace,
  invitationsOf,
  membersOf,
  removeMember,
  roleOf,
  setMemberRole,
  upsertInvitation,
} from '../db/workspaces.js';
import { AppError, notFound } from '../errors.js';
import { limitBody } from '../http-guards.js';
import { EmailSchema, NameSchema, parseJson, parseWith, RoleSchema } from '../validation.js';

const CreateWorkspace = z.object({ name: NameSchema, country: z.enum(['SE', 'NO']).default('SE') });
const AddMember = z.object({ email: EmailSchema, role: RoleSchema });
const ChangeRole = z.object({ role: RoleSchema });
const CreateDocument = z.object({ kind: z.enum(DOCUMENT_KINDS), title: NameSchema });
const ImportQuery = z.object({ title: NameSchema.optional(), currency: z.enum(CURRENCIES).optional() });
const TABLE_TYPES = ['text/tab-separated-values', 'text/csv', 'text/plain'];

export function workspaceRoutes(deps: Deps) {
  const { db, clock, rooms } = deps;
  const app = new Hono<AppEnv>();

  app.post('/workspaces', async (c) => {
    const user = requireUser(c);
    const input = await parseJson(c, CreateWorkspace);
    const workspace = createWorkspace(db, input.name, user.id, clock.now(), input.country);
    return c.json({ id: workspace.id, name: workspace.name }, 201);
  });

  app.get('/workspaces/:ws', (c) => {
    const user = requireUser(c);
    const { workspace, role } = workspaceAccess(db, c.req.param('ws'), user.id, 'viewer');
    return c.json({
      id: workspace.id,
      name: workspace.name,
      country: workspace.country,
      role,
      members: membersOf(db, workspace.id),
      invitations: role === 'coordinator' ? invitationsOf(db, workspace.id) : [],
      documents: documentsOf(db, workspace.id),
    });
  });

  app.post('/workspaces/:ws/members', async (c) => {
    const user = requireUser(c);
    const { workspace } = workspaceAccess(db, c.req.param('ws'), user.id, 'coordinator');
    const input = await parseJson(c, AddMember);
    const existing = findUserByEmail(db, input.email);
    if (!existing) {
      upsertInvitation(db, workspace.id, input.email, input.role, user.id, clock.now());
      return c.json({ invitation: { email: input.email, role: input.role } }, 201);
    }
    if (roleOf(db, workspace.id, existing.id)) throw new AppError(409, 'already-member', 'Personen är redan medlem i arbetsytan.');
    addMember(db, workspace.id, existing.id, input.role, clock.now());
    return c.json({ member: { id: existing.id, name: existing.name, email: existing.email, role: input.role } }, 201);
  });

  /** Changing or removing a member; the last coordinator cannot be demoted or removed. */
  const memberChange = (workspaceId: string, userId: string, next: 'remove' | z.infer<typeof RoleSchema>) => {
    const current = roleOf(db, workspaceId, userId);
    if (!current) throw notFound('Personen är inte medlem i arbetsytan.');
    if (current === 'coordinator' && next !== 'coordinator' && countCoordinators(db, workspaceId) === 1) {
      throw new AppError(409, 'last-coordinator', 'Arbetsytan måste ha minst en samordnare.');
    }
    if (next === 'remove') removeMember(db, workspaceId, userId);
    else setMemberRole(db, workspaceId, userId, next);
    const documentIds = documentsOf(db, workspaceId).map((d) => d.id);
    void rooms.updateRole(documentIds, userId, next === 'remove' ? null : next);
  };

  app.patch('/workspaces/:ws/members/:userId', async (c) => {
    const user = requireUser(c);
    const { workspace } = workspaceAccess(db, c.req.param('ws'), user.id, 'coordinator');
    const { role } = await parseJson(c, ChangeRole);
    memberChange(workspace.id, c.req.param('userId'), role);
    const member = membersOf(db, workspace.id).find((m) => m.id === c.req.param('userId'));
    return c.json({ member });
  });

  app.delete('/workspaces/:ws/members/:userId', (c) => {
    const user = requireUser(c);
    const { workspace } = workspaceAccess(db, c.req.param('ws'), user.id, 'coordinator');
    memberChange(workspace.id, c.req.param('userId'), 'remove');
    return c.body(null, 204);
  });

  app.post('/workspaces/:ws/documents', async (c) => {
    const user = requireUser(c);
    const { workspace } = workspaceAccess(db, c.req.param('ws'), user.id, 'editor');
    const input = await parseJson(c, CreateDocument);
    const row = await createStoredDocument(deps, workspace.id, input.kind, { title: input.title }, user.id);
    return c.json({ id: row.id, kind: row.kind, title: row.title }, 201);
  });

  app.post('/workspaces/:ws/import', limitBody(Limits.maxImportBytes), async (c) => {
    const user = requireUser(c);
    const { workspace } = workspaceAccess(db, c.req.param('ws'), user.id, 'editor');
    const query = parseWith(ImportQuery, c.req.query());
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!TABLE_TYPES.includes(type)) {
      throw new AppError(415, 'unsupported-media-type', 'Skicka plantabellen som text/tab-separated-values eller text/csv.');
    }
    const text = new TextDecoder('utf-8').decode(await c.req.arrayBuffer());
    let imported;
    try {
      imported = importPlanTable(text, query.currency ? { currency: query.currency } : {});
    } catch (error) {
      if (error instanceof ImportError) throw new AppError(400, error.code, error.message);
      throw error;
    }
    const title = query.title ?? (imported.plan.title.trim().slice(0, Limits.maxNameLength) || 'Importerad handlingsplan');
    const row = await createStoredDocument(deps, workspace.id, 'action-plan', { ...imported.plan, title }, user.id);
    return c.json({ id: row.id, kind: row.kind, title: row.title, report: imported.report }, 201);
  });

  return app;
}
