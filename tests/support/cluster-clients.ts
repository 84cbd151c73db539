/**
 * Clients of a test cluster (tests/support/cluster.ts; issue 21, docs/cluster.md): a person
 * with a plan, y-websocket peers on given processes, and what they and the store hold.
 * Shared by cluster.test.ts and cluster-rolling.test.ts.
 */
import { expect } from 'vitest';
import { actionPlanToJSON } from '../../shared/model/action-plan.js';
import { ApiClient, email } from './api.js';
import { within, type ClusterProcess } from './cluster.js';
import { connectPeer, until, type Peer } from './yclient.js';

/** A person with a workspace and an action plan, made through process `via`. */
export function planOn(via: ClusterProcess): Promise<{ api: ApiClient; plan: string }> {
  return within(30_000, `making a plan through ${via.name}`, newPlan(via));
}

async function newPlan(via: ClusterProcess): Promise<{ api: ApiClient; plan: string }> {
  const api = new ApiClient(via.url);
  await api.signup(email('cluster'));
  const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Kluster' }, 201)).id;
  const plan = (await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  return { api, plan };
}

/** The plan's goal titles as `peer` holds them. */
export const titles = (peer: Peer): string[] => actionPlanToJSON(peer.doc).goals.map((goal) => goal.title);

/** The stored plan's goal titles as process `via` reads them (a non-owner reads PostgreSQL). */
export async function storedTitles(via: ClusterProcess, plan: string, cookie: string): Promise<string[]> {
  // A bounded wait: a process that never answers fails the test instead of hanging it.
  const response = await fetch(`${via.url}/api/documents/${plan}/export.json`, { headers: { cookie }, signal: AbortSignal.timeout(20_000) });
  expect(response.status).toBe(200);
  const stored = (await response.json()) as { goals: Array<{ title: string }> };
  return stored.goals.map((goal) => goal.title);
}

/** Every peer holds `count` goals and all hold the same plan. */
export async function converged(peers: Peer[], count: number, timeoutMs = 30_000): Promise<void> {
  // On failure, where each peer stands: how many goals, connected and synced, to which process.
  const state = () => peers.map((peer) => `${titles(peer).length} goals, ${peer.provider.wsconnected ? 'connected' : 'not connected'}, ${peer.provider.synced ? 'synced' : 'not synced'}, ${peer.provider.url}`).join('; ');
  await until(() => peers.every((peer) => peer.doc.getMap('goals').size === count), timeoutMs, `every peer at ${count} goals`).catch((error: unknown) => {
    throw new Error(`${String(error)}: ${state()}`);
  });
  const first = JSON.stringify(actionPlanToJSON(peers[0]?.doc ?? (() => { throw new Error('no peers'); })()));
  for (const peer of peers) expect(JSON.stringify(actionPlanToJSON(peer.doc))).toBe(first);
}

/** A client and the process it is connected to. */
export interface Writer {
  process: ClusterProcess;
  peer: Peer;
}

/** Moves the clients of `gone` to `to` with their own copies, as the balancer's next upstream would. */
export function moveWriters(writers: Writer[], gone: ClusterProcess, to: ClusterProcess, plan: string, cookie: string): void {
  for (const w of writers) {
    if (w.process !== gone) continue;
    w.peer.provider.destroy();
    w.peer = connectPeer(to.url, plan, { cookie }, w.peer.doc);
    w.process = to;
  }
}
