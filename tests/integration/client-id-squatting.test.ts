/**
 * Content under another person's Yjs client id is refused (red team x13 (a)): every member
 * sees each client id and its clock, so an editor could write a struct at a victim's next
 * clock; the victim's own write at that clock was then ignored as already held, her copy
 * and everyone else's diverged for good, and the history named her for the attacker's text.
 * Now a client id belongs to the first person who writes under it in the room: new content
 * under another's closes the socket 1008, nothing stored or relayed. Content already held (a sync step 2 of a peer's copy) stays free.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionPlanToJSON, addGoal } from '../../shared/model/action-plan.js';
import { SyncStep, syncMessage } from '../../server/sync/protocol.js';
import { openRaw } from '../support/raw-socket.js';
import { sqlCount } from '../support/sql.js';
import { useTeamRoom } from '../support/team-room.js';
import { until } from '../support/yclient.js';

const room = useTeamRoom('Lånade klient-id');

/** An update writing `edit` into a copy of `source` under client id `clientId`, from that id's current clock on. */
function writtenAs(source: Y.Doc, clientId: number, edit: (doc: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
  copy.clientID = clientId;
  const before = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

const updatesOf = (documentId: string) => sqlCount(room.server.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', documentId);
const note = (text: string) => (doc: Y.Doc) => doc.getMap('meta').set('note', text);
const goal = (title: string) => (doc: Y.Doc) => addGoal(doc, { number: '8', title, description: '' });

describe("content under another person's client id", () => {
  it.each([
    ['a meta value', note('Eriks text i Annas namn')],
    ['a goal', goal('Eriks mål i Annas namn')],
  ])('%s at her next clock is refused 1008; her next goal arrives everywhere', async (_what, edit) => {
    const documentId = await room.newPlan();
    const victim = await room.peer(room.anna, documentId);
    victim.doc.getMap('meta').set('note', 'Anna skrev');
    const attacker = await room.peer(room.erik, documentId);
    await until(() => attacker.doc.getMap('meta').get('note') === 'Anna skrev', 10_000, 'her edit relayed');
    const stored = await updatesOf(documentId);
    const raw = await openRaw(room.server.url, documentId, room.erik.sessionCookie);
    raw.ws.send(syncMessage(SyncStep.Update, writtenAs(attacker.doc, victim.doc.clientID, edit)));
    expect(await raw.closed).toBe(1008);
    expect(await updatesOf(documentId)).toBe(stored);
    addGoal(victim.doc, { number: '9', title: 'Efter attacken', description: '' });
    await until(() => actionPlanToJSON(attacker.doc).goals.some((g) => g.title === 'Efter attacken'), 10_000, 'her next goal at a reader');
    const late = await room.peer(room.erik, documentId);
    expect(actionPlanToJSON(late.doc).goals.map((g) => g.title)).toEqual(['Efter attacken']);
    expect(late.doc.getMap('meta').get('note')).toBe('Anna skrev');
  });

  it('a person who reconnects keeps writing under the id they wrote under', async () => {
    const documentId = await room.newPlan();
    const a = await room.peer(room.anna, documentId);
    addGoal(a.doc, { number: '1', title: 'Annas mål', description: '' });
    const e = await room.peer(room.erik, documentId);
    addGoal(e.doc, { number: '2', title: 'Eriks mål', description: '' });
    await until(() => actionPlanToJSON(a.doc).goals.length === 2, 10_000, 'his goal at Anna');
    e.provider.disconnect();
    addGoal(e.doc, { number: '3', title: 'Eriks mål offline', description: '' });
    addGoal(a.doc, { number: '4', title: 'Annas mål medan han var borta', description: '' });
    e.provider.connect();
    await until(() => actionPlanToJSON(a.doc).goals.length === 4 && actionPlanToJSON(e.doc).goals.length === 4, 10_000, 'both ways after the reconnect');
    addGoal(e.doc, { number: '5', title: 'Eriks mål efter', description: '' });
    await until(() => actionPlanToJSON(a.doc).goals.length === 5, 10_000, 'his next goal at Anna');
    expect(e.provider.wsconnected).toBe(true);
  });
});
