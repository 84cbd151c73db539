/**
 * Issue 17 F1: a document at its 20 000-item cap, flooded with small item-adding updates
 * over many sockets. Each is refused (1008); before the fix each refusal copied the whole
 * document (the content limits' exact check), and the flood held the loop for seconds per
 * second, so people editing other documents on the same server waited.
 */
import * as Y from 'yjs';
import { ContentLimits } from '../../shared/content-limits.js';
import { connectPeer, synced, until } from '../support/yclient.js';
import { wholeItem } from '../support/required-items.js';
import type { Attack, AttackContext, AttackOutcome } from './attack.js';
import { tally } from './attack.js';
import { openRaw, opened, SyncStep, syncMessage, wait, yieldTurn } from './raw-socket.js';

/** Sockets open at once (under the 50 per user), and updates each sends back to back. */
const PARALLEL = 20;
const PER_SOCKET = 5;
const PAYLOAD = 4000;
const FILL_SLICE = 500;
const payload: Uint8Array[] = [];
let fullDocument = '';

/** One small update from a new client adding one goal (what a flood of "add a row" clicks sends). */
function oneMoreGoal(i: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap<unknown>('goals').set(`flood-${i}-${Math.random().toString(36).slice(2)}`, wholeItem('action-plan', 'goals'));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** The attacker's own workspace and plan (any signed-up person may make them), filled to the cap. */
async function fillDocument(context: AttackContext): Promise<string> {
  const headers = { cookie: context.editorCookie, origin: new URL(context.baseUrl).origin, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown): Promise<string> => {
    const response = await fetch(`${context.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };
  const workspace = await post('/api/workspaces', { name: 'Angriparens' });
  const documentId = await post(`/api/workspaces/${workspace}/documents`, { kind: 'action-plan', title: 'Full' });
  const filler = connectPeer(context.baseUrl, documentId, { cookie: context.editorCookie });
  const reader = connectPeer(context.baseUrl, documentId, { cookie: context.editorCookie });
  try {
    await Promise.all([synced(filler, 30_000), synced(reader, 30_000)]);
    // In slices, each stored and relayed before the next: filling is not the attack, and one
    // 20 000-item update would hold the bystanders up by itself.
    for (let slice = 0; slice < ContentLimits.maxItemsPerDocument; slice += FILL_SLICE) {
      filler.doc.transact(() => {
        for (let i = slice; i < slice + FILL_SLICE; i++) filler.doc.getMap<unknown>('goals').set(`g${i}`, wholeItem('action-plan', 'goals'));
      });
      await until(() => reader.doc.getMap('goals').size === slice + FILL_SLICE, 60_000, 'the slice stored and relayed');
    }
  } finally {
    filler.destroy();
    reader.destroy();
  }
  return documentId;
}

export const fullDocumentFlood: Attack = {
  name: 'full-document flood',
  what: `a plan at its ${ContentLimits.maxItemsPerDocument} items, sent one-goal updates from ${PARALLEL} sockets at a time`,
  async prepare(context: AttackContext): Promise<void> {
    fullDocument = await fillDocument(context);
    payload.length = 0;
    while (payload.length < PAYLOAD) {
      for (let i = 0; i < 100; i++) payload.push(syncMessage(SyncStep.Update, oneMoreGoal(payload.length)));
      await yieldTurn();
    }
  },
  async run(context: AttackContext): Promise<AttackOutcome> {
    const end = Date.now() + context.durationMs;
    const codes: Array<number | string> = [];
    let sent = 0;
    const attacker = async () => {
      while (Date.now() < end) {
        const socket = openRaw(context.baseUrl, fullDocument, context.editorCookie);
        if (!(await opened(socket))) {
          codes.push(socket.refusedWith() ?? 'not opened');
          await wait(50);
          continue;
        }
        for (let i = 0; i < PER_SOCKET; i++) socket.send(payload[sent++ % PAYLOAD] ?? new Uint8Array());
        codes.push(await socket.closed);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, attacker));
    const wrong = codes.filter((code) => code !== 1008);
    const problems = wrong.length === 0 ? [] : [`expected every flooding socket closed 1008, saw ${tally(wrong).join(', ')}`];
    return { saw: [`sent ${sent}`, ...tally(codes)], problems };
  },
};
