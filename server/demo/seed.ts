/**
 * Demo data for a fresh data dir: three people with three roles, one workspace, and one
 * document of each kind, so a new user sees something real at once.
 */
import { readFileSync } from 'node:fs';
import { importPlanTable } from '../../shared/table/import.js';
import { hashPassword } from '../auth/passwords.js';
import type { Deps } from '../context.js';
import { createStoredDocument } from '../create-document.js';
import { countUsers, createUser } from '../db/users.js';
import { addMember, createWorkspace } from '../db/workspaces.js';
import { DEMO_AGENDA, DEMO_STRATEGY } from './content.js';

export const DEMO_PASSWORD = 'samplan-demo';
export const DEMO_USERS = [
  { email: 'anna@demo.samplan.se', name: 'Anna Samordnare', role: 'coordinator' },
  { email: 'erik@demo.samplan.se', name: 'Erik Redaktör', role: 'editor' },
  { email: 'lena@demo.samplan.se', name: 'Lena Politiker', role: 'viewer' },
] as const;

const SAMPLE_PLAN = new URL('../../shared/samples/handlingsplan-smaland.tsv', import.meta.url);

/** Seeds the demo into an empty database; returns false (and does nothing) otherwise. */
export async function seedDemo(deps: Pick<Deps, 'db' | 'rooms' | 'clock'>): Promise<boolean> {
  if (countUsers(deps.db) > 0) return false;
  const now = deps.clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = DEMO_USERS.map((u) => ({ ...createUser(deps.db, { email: u.email, name: u.name, passwordHash }, now), role: u.role }));
  const [coordinator, ...others] = users;
  if (!coordinator) return false;
  const workspace = createWorkspace(deps.db, 'Klimatnätverket Småland', coordinator.id, now);
  for (const user of others) addMember(deps.db, workspace.id, user.id, user.role, now);

  const { plan } = importPlanTable(readFileSync(SAMPLE_PLAN, 'utf8'));
  await createStoredDocument(deps, workspace.id, 'action-plan', plan, coordinator.id);
  await createStoredDocument(deps, workspace.id, 'strategy', DEMO_STRATEGY, coordinator.id);
  await createStoredDocument(deps, workspace.id, 'agenda', DEMO_AGENDA, coordinator.id);
  return true;
}

export function demoLoginText(): string {
  const lines = DEMO_USERS.map((u) => `  ${u.email.padEnd(24)} ${u.role.padEnd(12)} lösenord: ${DEMO_PASSWORD}`);
  return ['Demo: arbetsytan "Klimatnätverket Småland" med en handlingsplan, en strategi och en dagordning.', ...lines].join('\n');
}
