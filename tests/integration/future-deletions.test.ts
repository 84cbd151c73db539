/**
 * A deletion of content the document does not hold yet is refused (red team x13): an editor
 * sent an update of deletions only, aimed at another person's next clocks (every member sees
 * every client id and clock); Yjs kept it waiting and deleted that person's next writes when
 * they came — a protected title, the server's priorities, others' new goals — with the
 * history blaming the victim. Now the socket closes 1008, nothing is stored or relayed, and
 * the victim's next write arrives whole. Deleting what the document holds stays open.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionPlanToJSON, addGoal } from '../../shared/model/action-plan.js';
import { SyncStep, syncMessage } from '../../server/sync/protocol.js';
import { openRaw } from '../support/raw-socket.js';
import { sqlCount } from '../support/sql.js';
import { useTeamRoom } from '../support/team-room.js';
import { until, type Peer } from '../support/yclient.js';

const room = useTeamRoom('Framtida raderingar');

/** An update with no structs and one deleted range [clock, clock + length) of `client`. */
function deletionOnly(client: number, clock: number, length: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarUint(encoder, length);
  return encoding.toUint8Array(encoder);
}

const updatesOf = (documentId: string) => sqlCount(room.server.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', documentId);

describe("a deletion of another person's next writes", () => {
  const clockOf = (p: Peer) => Y.getState(p.doc.store, p.doc.clientID);
  it.each([
    ['from their next clock on', (next: number) => [next, 100] as const],
    ['far ahead of it', (next: number) => [next + 1_000, 1] as const],
    ['reaching from what is there into what is not', (next: number) => [next - 1, 5] as const],
  ])('%s is refused 1008; their next goal arrives', async (_what, range) => {
    const documentId = await room.newPlan();
    const victim = await room.peer(room.anna, documentId);
    victim.doc.getMap('meta').set('note', 'Anna skrev'); // a key nobody protects: her client's last clock
    const reader = await room.peer(room.erik, documentId);
    await until(() => reader.doc.getMap('meta').get('note') === 'Anna skrev', 10_000, 'her edit relayed');
    const stored = await updatesOf(documentId);
    const [clock, length] = range(clockOf(victim));
    const raw = await openRaw(room.server.url, documentId, room.erik.sessionCookie);
    raw.ws.send(syncMessage(SyncStep.Update, deletionOnly(victim.doc.clientID, clock, length)));
    expect(await raw.closed).toBe(1008);
    expect(await updatesOf(documentId)).toBe(stored);
    addGoal(victim.doc, { number: '9', title: 'Efter attacken', description: '' });
    await until(() => actionPlanToJSON(reader.doc).goals.some((goal) => goal.title === 'Efter attacken'), 10_000, 'her next goal at the reader');
    const late = await room.peer(room.erik, documentId);
    expect(actionPlanToJSON(late.doc).goals.map((goal) => goal.title)).toContain('Efter attacken');
  });

  it('deleting what the document holds still works, the socket stays open', async () => {
    const documentId = await room.newPlan();
    const victim = await room.peer(room.anna, documentId);
    victim.doc.getMap('meta').set('note', 'Ta bort mig');
    const editor = await room.peer(room.erik, documentId);
    await until(() => editor.doc.getMap('meta').get('note') === 'Ta bort mig', 10_000, 'note relayed');
    editor.doc.getMap('meta').delete('note');
    await until(() => victim.doc.getMap('meta').get('note') === undefined, 10_000, 'the deletion relayed');
    expect(editor.provider.wsconnected).toBe(true);
  });
});
