/**
 * Demo data for a fresh data dir: three people with three roles, one workspace, and one
 * document of each kind, so a new user sees something real at once.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { importPlanTable } from '../../shared/table/import.js';
import { hashPassword } from '../auth/passwords.js';
import type { Config } from '../config.js';
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

/** `localhost`, 127.0.0.0/8, `::1` (also IPv4-mapped): only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(bare)) return true;
  const v4 = bare.replace(/^::ffff:/, '');
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/**
 * Whether to seed the demo (whose passwords are published in the README), and the start-up
 * line that says so (DESIGN "Accounts, sessions, the browser boundary"): DEMO_DATA unset
 * seeds only on a loopback HOST and without TRUST_PROXY (a proxy makes loopback public), so
 * a server others reach never gets known passwords by default; `DEMO_DATA=true` seeds
 * anywhere, `false` never.
 */
export function demoDecision(config: Pick<Config, 'demoData' | 'host' | 'trustProxy'> & Partial<Pick<Config, 'databaseUrl'>>): { seed: boolean; reason: string } {
  // A shared database (many processes, docs/cluster.md) gets published passwords only when
  // asked: `npm run cluster` asks its first process.
  if (config.databaseUrl && config.demoData !== true) return { seed: false, reason: 'Demodata: av med DATABASE_URL (en delad databas); DEMO_DATA=true sår den.' };
  if (config.demoData === true) return { seed: true, reason: 'Demodata: på (DEMO_DATA=true).' };
  if (config.demoData === false) return { seed: false, reason: 'Demodata: av (DEMO_DATA=false).' };
  // Behind a proxy a loopback HOST is reached by everyone the proxy serves.
  if (config.trustProxy) {
    return { seed: false, reason: 'Demodata: av, eftersom TRUST_PROXY är på och servern nås genom en proxy (DEMO_DATA=true slår på).' };
  }
  if (isLoopbackHost(config.host)) {
    return { seed: true, reason: `Demodata: på, eftersom HOST=${config.host} bara nås från den här datorn (DEMO_DATA=false stänger av).` };
  }
  return {
    seed: false,
    reason: `Demodata: av, eftersom HOST=${config.host} inte är en loopback-adress och demokontonas lösenord är publicerade (DEMO_DATA=true slår på).`,
  };
}

/** Seeds the demo into an empty database; returns false (and does nothing) otherwise. */
export async function seedDemo(deps: Pick<Deps, 'kdb' | 'rooms' | 'clock' | 'config'>): Promise<boolean> {
  if ((await countUsers(deps.kdb)) > 0) return false;
  const now = deps.clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = [];
  for (const u of DEMO_USERS) users.push({ ...(await createUser(deps.kdb, { email: u.email, name: u.name, passwordHash }, now)), role: u.role });
  const [coordinator, ...others] = users;
  if (!coordinator) return false;
  const workspace = await createWorkspace(deps.kdb, 'Klimatnätverket Småland', coordinator.id, now);
  for (const user of others) await addMember(deps.kdb, workspace.id, user.id, user.role, now);

  const { plan } = importPlanTable(readFileSync(SAMPLE_PLAN, 'utf8'));
  await createStoredDocument(deps, workspace, 'action-plan', plan, coordinator.id);
  await createStoredDocument(deps, workspace, 'strategy', DEMO_STRATEGY, coordinator.id);
  await createStoredDocument(deps, workspace, 'agenda', DEMO_AGENDA, coordinator.id);
  return true;
}

export function demoLoginText(): string {
  const lines = DEMO_USERS.map((u) => `  ${u.email.padEnd(24)} ${u.role.padEnd(12)} lösenord: ${DEMO_PASSWORD}`);
  return ['Demo: arbetsytan "Klimatnätverket Småland" med en handlingsplan, en strategi och en dagordning.', ...lines].join('\n');
}
