/**
 * An open room keeps its live Y.Doc, not the stored bytes it was loaded from: for a big
 * plan those are megabytes, held for as long as anyone has the document open.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/model/kinds.js';
import type { DocumentStore, StoredDocument } from '../../server/sync/persistence.js';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.js';
import { Room } from '../../server/sync/room.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A store that hands out `stored` once and keeps nothing of it itself. */
function storeOnce(stored: StoredDocument): DocumentStore {
  let next: StoredDocument | null = stored;
  return {
    async load() {
      const out = next;
      next = null;
      if (!out) throw new Error('loaded twice');
      return out;
    },
    async append() {
      return 1;
    },
    async compact() {},
    async pendingUpdates() {
      return 0;
    },
  };
}

/** About `kilobytes` KB of stored content, as one encoded state. */
function content(kilobytes: number): Uint8Array {
  const doc = new Y.Doc();
  const meta = doc.getMap('meta');
  doc.transact(() => {
    for (let i = 0; i < kilobytes * 10; i++) meta.set(`k${i}`, 'x'.repeat(90));
  });
  return Y.encodeStateAsUpdate(doc);
}

/** Whether `ref`'s target is gone after garbage collection (a WeakRef holds it to the end of the job). */
async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 5 && ref.deref(); i++) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
  }
  return ref.deref() === undefined;
}

const options = { compactAfterUpdates: 1000, now: () => 0, limits: DEFAULT_SYNC_LIMITS };

describe('room memory', () => {
  it('lets go of the loaded snapshot and updates once they are applied', async () => {
    const refs: Array<WeakRef<Uint8Array>> = [];
    const room = await (async () => {
      const snapshot = content(200);
      const update = content(50);
      refs.push(new WeakRef(snapshot), new WeakRef(update));
      const store = storeOnce({ snapshot, updates: [update], lastUpdateId: 1, snapshotSchemaVersion: SCHEMA_VERSION });
      return Room.load('plan', { ...options, store }, { fastOpen: false });
    })();
    for (const ref of refs) expect(await collected(ref)).toBe(true);
    expect(room.doc.getMap('meta').get('k0')).toBe('x'.repeat(90));
    room.destroy();
  });

  it('lets go of a fast-opened snapshot once it is applied', async () => {
    const refs: Array<WeakRef<Uint8Array>> = [];
    const room = await (async () => {
      const snapshot = content(200);
      refs.push(new WeakRef(snapshot));
      const store = storeOnce({ snapshot, updates: [], lastUpdateId: 0, snapshotSchemaVersion: SCHEMA_VERSION });
      return Room.load('plan', { ...options, store }, { fastOpen: true });
    })();
    expect(room.doc.getMap('meta').get('k0')).toBe('x'.repeat(90));
    expect(await collected(refs[0] as WeakRef<Uint8Array>)).toBe(true);
    room.destroy();
  });
});
