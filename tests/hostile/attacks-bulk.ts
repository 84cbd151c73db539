/**
 * Issue 17 (red team, "one editor's legal bulk writes stall every document"): 40 updates of
 * 500 cost items each, back to back, to the writer's own new plan: 20 000 items, within the
 * cap, nothing refused. The server took ~18 s to take them in, and people editing other
 * documents saw p99 1.2 s (max 6.4 s). Every item must be stored, and the bystanders served
 * between the writer's updates (the work budget's share, work-budget.ts).
 */
import * as Y from 'yjs';
import { ContentLimits } from '../../shared/content-limits.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';
import { wholeItem } from '../support/required-items.js';
import type { Attack, AttackContext, AttackOutcome } from './attack.js';

const PER_UPDATE = 500;
const UPDATES = ContentLimits.maxItemsPerDocument / PER_UPDATE;
/** How long the whole bulk may take to be stored and relayed (it is paced, not refused). */
const INTAKE_LIMIT_MS = 120_000;

let bulkDocument = '';

async function newPlan(context: AttackContext): Promise<string> {
  const headers = { cookie: context.editorCookie, origin: new URL(context.baseUrl).origin, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown): Promise<string> => {
    const response = await fetch(`${context.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };
  const workspace = await post('/api/workspaces', { name: 'Massredaktör' });
  return post(`/api/workspaces/${workspace}/documents`, { kind: 'action-plan', title: 'Massa' });
}

/** The red team's burst.mjs: `UPDATES` transactions of `PER_UPDATE` cost items, each sent at once. */
function sendBulk(writer: Peer): void {
  const costs = writer.doc.getMap<Y.Map<unknown>>('costs');
  for (let u = 0; u < UPDATES; u++) {
    writer.doc.transact(() => {
      for (let i = 0; i < PER_UPDATE; i++) {
        // A whole cost line (every required field, as the client's 'add a cost line' writes it).
        costs.set(`bulk-${u}-${i}`, wholeItem('action-plan', 'costs', { order: 'b', label: 'x' }));
      }
    });
  }
}

export const legalBulkWriter: Attack = {
  name: 'legal bulk writer',
  what: `${UPDATES} updates of ${PER_UPDATE} cost items back to back to one's own new plan (${ContentLimits.maxItemsPerDocument} items, within the cap)`,
  // Open (issue 17, docs/security-hostile.md): history is stored in chunks now, but the intake of
  // each 500-item update and the garbage collection after them still stall the main thread under load.
  latencyOpen: 'issue 17, intake of 500-item updates under load (docs/security-hostile.md)',
  async prepare(context: AttackContext): Promise<void> {
    bulkDocument = await newPlan(context);
  },
  async run(context: AttackContext): Promise<AttackOutcome> {
    const writer = connectPeer(context.baseUrl, bulkDocument, { cookie: context.editorCookie });
    const reader = connectPeer(context.baseUrl, bulkDocument, { cookie: context.editorCookie });
    try {
      await Promise.all([synced(writer, 30_000), synced(reader, 30_000)]);
      const started = Date.now();
      sendBulk(writer);
      const total = UPDATES * PER_UPDATE;
      const stored = () => reader.doc.getMap('costs').size;
      try {
        await until(() => stored() === total, INTAKE_LIMIT_MS, 'every item relayed');
      } catch {
        return { saw: [`${stored()} of ${total} items relayed in ${INTAKE_LIMIT_MS / 1000} s`], problems: [`only ${stored()} of ${total} items stored and relayed`] };
      }
      return { saw: [`${total} items relayed in ${((Date.now() - started) / 1000).toFixed(1)} s`], problems: [] };
    } finally {
      writer.destroy();
      reader.destroy();
    }
  },
};
