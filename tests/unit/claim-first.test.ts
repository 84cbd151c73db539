/**
 * Many processes (docs/cluster.md): a change a process may not make — the document's lease
 * is held by another process, 503 `document.elsewhere` — is refused before anything is
 * written, so the client's retry of that answer (client/api.ts) repeats nothing. To-plan
 * writes two documents: whichever of them is elsewhere, neither is written.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { actionPlanToJSON, addGoal } from '../../shared/model/action-plan.js';
import { AGENDA_COLLECTIONS } from '../../shared/model/agenda.js';
import { addItem } from '../../shared/model/collections.js';
import { AppError } from '../../server/errors.js';
import { actionToPlan } from '../../server/facilitation/to-plan.js';
import { changeableHere } from '../../server/sync/room-lease.js';

const elsewhere = () => new AppError(503, 'document.elsewhere', 'Dokumentet är öppet på en annan server just nu.');

/** Rooms over live documents where `ownedElsewhere` throws as a non-owner's claim does. */
function fakeRooms(docs: Record<string, Y.Doc>, ownedElsewhere: string | null) {
  const edits: string[] = [];
  return {
    edits,
    read: async (id: string) => docs[id] ?? new Y.Doc(),
    readOnlyOf: async () => null,
    change: async (id: string, edit: (doc: Y.Doc) => void) => {
      if (id === ownedElsewhere) throw elsewhere();
      const doc = docs[id] ?? new Y.Doc();
      const before = Y.encodeStateVector(doc);
      doc.transact(() => edit(doc));
      if (Y.encodeStateAsUpdate(doc, before).length > 2) edits.push(id);
      return true;
    },
  };
}

describe('a change refused elsewhere writes nothing first', () => {
  it.each(['plan', 'agenda', null] as const)('to-plan with the %s owned by another process', async (elsewhereDoc) => {
    const plan = new Y.Doc();
    const goal = addGoal(plan, { number: '1', title: 'Mål' });
    const agenda = new Y.Doc();
    const action = addItem(agenda, AGENDA_COLLECTIONS.actions, { itemId: 'i', text: 'Skicka', owner: 'Anna', due: null, done: false });
    const rooms = fakeRooms({ plan, agenda }, elsewhereDoc);
    const done = actionToPlan({ rooms } as never, 'agenda', action, 'plan', goal, 'u1');
    if (elsewhereDoc === null) {
      await done;
      expect(rooms.edits).toEqual(['plan', 'agenda']);
      return;
    }
    await expect(done).rejects.toMatchObject({ status: 503, code: 'document.elsewhere' });
    expect(rooms.edits).toEqual([]);
    expect(actionPlanToJSON(plan).goals[0]?.activities).toEqual([]);
  });

  it('changeableHere claims every document and changes none', async () => {
    const doc = new Y.Doc();
    const rooms = fakeRooms({ a: doc, b: new Y.Doc() }, 'b');
    await expect(changeableHere(rooms, ['a', 'b'])).rejects.toMatchObject({ code: 'document.elsewhere' });
    expect(rooms.edits).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc).length).toBe(2);
  });
});
