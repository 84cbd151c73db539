/**
 * DESIGN "Durable means durable for everyone": no client — a receiver of a broadcast or a
 * joiner — gets document content before the store has committed it. The store here holds
 * each commit until the test releases it, so the order is observed, not timed; moving the
 * broadcast before `store.append` in room.ts, or answering a joiner from memory while a
 * commit is pending, fails these tests.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../../shared/model/document.js';
import type { RoomClient } from '../../server/sync/client.js';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.js';
import type { DocumentStore } from '../../server/sync/persistence.js';
import { SyncStep, syncMessage } from '../../server/sync/protocol.js';
import { Room } from '../../server/sync/room.js';
import { recordingClient, settle } from './support/room-clients.js';
import { wholeItem } from '../support/required-items.js';

/** A store whose appends wait until `release()`; it remembers what it committed. */
function heldStore(initial: Uint8Array) {
  const committed: Uint8Array[] = [];
  const waiting: Array<() => void> = [];
  const store: DocumentStore = {
    load: async () => ({ snapshot: initial, updates: [], lastUpdateId: 0, snapshotSchemaVersion: null }),
    append: (_id, update) =>
      new Promise<number>((resolve) =>
        waiting.push(() => {
          committed.push(update);
          resolve(committed.length);
        }),
      ),
    compact: async () => undefined,
    pendingUpdates: async () => 0,
  };
  return { store, committed, release: () => waiting.splice(0).forEach((commit) => commit()) };
}

const flush = settle;
const titles = (doc: Y.Doc) => [...doc.getMap<Y.Map<unknown>>('goals').values()].map((goal) => String(goal.get('title')));

/** A room in which an editor has just made an edit; `early` clients joined before it. */
async function roomWithEdit(early: RoomClient[] = []) {
  const initial = Y.encodeStateAsUpdate(createDocument('action-plan', { title: 'Plan' }));
  const held = heldStore(initial);
  const room = await Room.load('plan', { store: held.store, compactAfterUpdates: 1000, now: () => 0, limits: DEFAULT_SYNC_LIMITS }, { fastOpen: false });
  const author = recordingClient(1);
  room.join(author.client);
  for (const client of early) room.join(client);
  const edit = new Y.Doc();
  Y.applyUpdate(edit, initial);
  const before = Y.encodeStateVector(edit);
  edit.getMap('goals').set('g1', wholeItem('action-plan', 'goals', { title: new Y.Text('Ny') }));
  room.receive(author.client, syncMessage(SyncStep.Update, Y.encodeStateAsUpdate(edit, before)));
  await flush();
  return { room, held };
}

describe('durable before anyone sees it', () => {
  it('broadcasts an update only once it is committed', async () => {
    const reader = recordingClient(2, 'viewer');
    const { held } = await roomWithEdit([reader.client]);
    expect(titles(reader.replica)).toEqual([]);
    held.release();
    await flush();
    expect(held.committed).toHaveLength(1);
    expect(titles(reader.replica)).toEqual(['Ny']);
  });

  it.each([
    ['an empty joiner (cached full state)', new Uint8Array([0])],
    ['a joiner with content (diff from its state vector)', Y.encodeStateVector(createDocument('action-plan', { title: 'x' }))],
  ])('answers %s only once what it holds is committed', async (_what, stateVector) => {
    const { room, held } = await roomWithEdit();
    const joiner = recordingClient(3, 'viewer');
    room.join(joiner.client);
    room.receive(joiner.client, syncMessage(SyncStep.Step1, stateVector));
    await flush();
    expect(titles(joiner.replica)).toEqual([]);
    held.release();
    await flush();
    expect(titles(joiner.replica)).toEqual(['Ny']);
  });
});
