/**
 * Compaction never holds up a room's edits: it waits for the history worker (which may lag
 * by seconds on a busy server) and for the database, so it runs beside the room's serial
 * write chain, one at a time, from a state captured when it starts. The store here holds
 * each compaction until the test releases it, so the order is observed, not timed; awaiting
 * the compaction inside the write chain (as room.ts once did) fails the first test.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../../shared/model/document.js';
import { CloseCode } from '../../server/sync/close-codes.js';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.js';
import type { DocumentStore } from '../../server/sync/persistence.js';
import { SyncStep, syncMessage } from '../../server/sync/protocol.js';
import { Room } from '../../server/sync/room.js';
import { recordingClient, settle } from './support/room-clients.js';
import { wholeItem } from '../support/required-items.js';

interface Compaction {
  state: Uint8Array;
  upTo: number;
  finish: () => void;
  fail: (error: Error) => void;
}

/** A store that commits appends at once and holds each compaction until the test ends it. */
function slowCompactionStore(initial: Uint8Array) {
  const log: Array<{ id: number; update: Uint8Array }> = [];
  const compactions: Compaction[] = [];
  let nextId = 1;
  let snapshot = initial;
  const store: DocumentStore = {
    load: async () => ({ snapshot: initial, updates: [], lastUpdateId: 0, snapshotSchemaVersion: null }),
    append: async (_id, update) => {
      log.push({ id: nextId, update });
      return nextId++;
    },
    compact: (_id, state, upTo) =>
      new Promise<void>((resolve, reject) => {
        const finish = () => {
          snapshot = state;
          log.splice(0, log.length, ...log.filter((entry) => entry.id > upTo));
          resolve();
        };
        compactions.push({ state, upTo, finish, fail: reject });
      }),
    pendingUpdates: async () => log.length,
  };
  /** What a fresh load would give: the snapshot with the log left after it. */
  const reload = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    for (const entry of log) Y.applyUpdate(doc, entry.update);
    return doc;
  };
  return { store, compactions, reload };
}

const titles = (doc: Y.Doc) => [...doc.getMap<Y.Map<unknown>>('goals').values()].map((goal) => String(goal.get('title'))).sort();

async function busyRoom(compactAfterUpdates: number) {
  const initial = Y.encodeStateAsUpdate(createDocument('action-plan', { title: 'Plan' }));
  const held = slowCompactionStore(initial);
  const room = await Room.load('plan', { store: held.store, compactAfterUpdates, now: () => 0, limits: DEFAULT_SYNC_LIMITS }, { fastOpen: false });
  const author = recordingClient(1);
  const reader = recordingClient(2, 'viewer');
  room.join(author.client);
  room.join(reader.client);
  const edit = new Y.Doc();
  Y.applyUpdate(edit, initial);
  /** One edit from the author: a goal titled `title`. */
  const addGoal = async (title: string) => {
    const before = Y.encodeStateVector(edit);
    edit.getMap('goals').set(title, wholeItem('action-plan', 'goals', { title: new Y.Text(title) }));
    room.receive(author.client, syncMessage(SyncStep.Update, Y.encodeStateAsUpdate(edit, before)));
    await settle();
  };
  return { room, held, reader, author, addGoal };
}

describe('compaction beside the write chain', () => {
  it('keeps broadcasting while a compaction waits', async () => {
    const { held, reader, addGoal } = await busyRoom(2);
    for (const title of ['a', 'b', 'c', 'd', 'e']) await addGoal(title);
    expect(held.compactions).toHaveLength(1);
    expect(titles(reader.replica)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('runs one compaction at a time, each from the state of the update it covers', async () => {
    const { room, held, addGoal } = await busyRoom(2);
    for (const title of ['a', 'b', 'c', 'd']) await addGoal(title);
    expect(held.compactions.map((c) => c.upTo)).toEqual([2]);
    held.compactions[0]?.finish();
    await settle();
    // The log grew past the limit meanwhile: the next one starts at once, from everything committed.
    expect(held.compactions.map((c) => c.upTo)).toEqual([2, 4]);
    await addGoal('e');
    expect(held.compactions).toHaveLength(2);
    const covered = new Y.Doc();
    Y.applyUpdate(covered, held.compactions[1]?.state ?? new Uint8Array());
    expect(titles(covered)).toEqual(['a', 'b', 'c', 'd']);
    held.compactions[1]?.finish();
    const flushing = room.flush();
    await settle();
    expect(held.compactions.map((c) => c.upTo)).toEqual([2, 4, 5]);
    held.compactions[2]?.finish();
    await flushing;
    expect(titles(held.reload())).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a quiet room whose log outgrew the limit during a compaction is compacted again without another edit', async () => {
    const { held, addGoal } = await busyRoom(3);
    for (const title of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) await addGoal(title);
    held.compactions[0]?.finish();
    await settle();
    expect(held.compactions.map((c) => c.upTo)).toEqual([3, 7]);
  });

  it('flush waits for the running compaction, then compacts what came after it', async () => {
    const { room, held, addGoal } = await busyRoom(2);
    for (const title of ['a', 'b', 'c']) await addGoal(title);
    let flushed = false;
    const flushing = room.flush().then(() => (flushed = true));
    await settle();
    expect(flushed).toBe(false);
    held.compactions[0]?.finish();
    await settle();
    expect(held.compactions).toHaveLength(2);
    expect(held.compactions[1]?.upTo).toBe(3);
    held.compactions[1]?.finish();
    await flushing;
    expect(titles(held.reload())).toEqual(['a', 'b', 'c']);
  });

  it('a failed compaction closes the room (1011) and loses nothing stored', async () => {
    const { room, held, reader, addGoal } = await busyRoom(2);
    for (const title of ['a', 'b', 'c']) await addGoal(title);
    held.compactions[0]?.fail(new Error('disk full'));
    await settle();
    expect(room.isFailed).toBe(true);
    expect(reader.closed).toEqual([CloseCode.LoadFailed]);
    expect(titles(held.reload())).toEqual(['a', 'b', 'c']);
  });
});
