/**
 * Every call that closes sockets on one process tells the others (server/cluster/
 * cluster-publishing.ts), and what another process told is done here without being told
 * again (no echo between processes). One table: the call, the event it publishes, and
 * which sockets that event then closes on another process, with which code.
 */
import { describe, expect, it } from 'vitest';
import type { ClusterEvent } from '../../server/cluster/cluster-events.js';
import { ClusterLiveSockets, ClusterRooms } from '../../server/cluster/cluster-publishing.js';
import { ARCHIVED } from '../../server/sync/read-only.js';
import { CloseCode } from '../../server/sync/close-codes.js';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.js';
import type { DocumentStore } from '../../server/sync/persistence.js';

const LIMITS = { connectionsPerUser: 50, connectionsPerAddress: 200 };

/** A socket that records its close code. */
function socket(userId: string, sessionId: string | null, shareLinkId: string | null = null, via: string | null = null) {
  const closed: number[] = [];
  return { userId, sessionId, shareLinkId, via, address: '127.0.0.1', closed, close: (code: CloseCode) => void closed.push(code.code) };
}

function processWith(published: ClusterEvent[]) {
  const store: DocumentStore = {
    load: () => Promise.reject(new Error('no store in this test')),
    append: () => Promise.reject(new Error('no store in this test')),
    compact: () => Promise.reject(new Error('no store in this test')),
    pendingUpdates: () => 0,
  } as unknown as DocumentStore;
  const publish = (event: ClusterEvent) => void published.push(event);
  return {
    sockets: new ClusterLiveSockets(LIMITS, publish),
    rooms: new ClusterRooms({ store, compactAfterUpdates: 100, idleMs: 1000, now: () => 0, limits: DEFAULT_SYNC_LIMITS }, publish),
  };
}

type Process = ReturnType<typeof processWith>;

const socketCases: Array<[string, (p: Process) => void, ClusterEvent, Array<[string, string | null, string | null, number[]]>]> = [
  ['log-out', (p) => p.sockets.closeSession('s1'), { type: 'session-ended', sessionId: 's1' }, [['anna', 's1', null, [4401]], ['anna', 's2', null, []]]],
  ['log out everywhere but here', (p) => p.sockets.closeUser('anna', 's2'), { type: 'user-signed-out', userId: 'anna', keepSessionId: 's2' }, [['anna', 's1', null, [4401]], ['anna', 's2', null, []], ['erik', 's3', null, []]]],
  ['account deletion', (p) => p.sockets.closeUser('anna'), { type: 'user-signed-out', userId: 'anna', keepSessionId: null }, [['anna', 's1', null, [4401]], ['anna', null, null, [4401]]]],
  ['revoked share link', (p) => p.sockets.closeShareLink('l1'), { type: 'share-link-revoked', shareLinkId: 'l1' }, [['share:l1', null, 'l1', [4401]], ['share:l2', null, 'l2', []]]],
];

describe('closing sockets on every process', () => {
  it.each(socketCases)('%s: publishes once, and the event closes the same sockets elsewhere, unpublished', (_name, call, event, sockets) => {
    const sent: ClusterEvent[] = [];
    call(processWith(sent));
    expect(sent).toEqual([event]);

    const echoed: ClusterEvent[] = [];
    const other = processWith(echoed);
    const held = sockets.map(([userId, sessionId, shareLinkId]) => socket(userId, sessionId, shareLinkId));
    for (const s of held) other.sockets.add(s);
    other.sockets.applyHere(event);
    expect(held.map((s) => s.closed)).toEqual(sockets.map(([, , , codes]) => codes));
    expect(echoed).toEqual([]);
  });

  const roomCases: Array<[string, (p: Process) => Promise<void>, ClusterEvent[]]> = [
    ['role change', (p) => p.rooms.updateRole(['d1', 'd2'], 'anna', 'viewer'), [{ type: 'role-changed', documentIds: ['d1', 'd2'], userId: 'anna', role: 'viewer' }]],
    ['removal from a workspace of 1 001 documents (events of at most 500)', (p) => p.rooms.updateRole(Array.from({ length: 1001 }, (_, i) => `d${i}`), 'anna', null), [500, 500, 1].map((n, i) => ({ type: 'role-changed' as const, documentIds: Array.from({ length: n }, (_, j) => `d${i * 500 + j}`), userId: 'anna', role: null }))],
    ['archive', (p) => p.rooms.setReadOnly('d1', ARCHIVED), [{ type: 'read-only-changed', documentId: 'd1', reason: ARCHIVED }]],
    ['unarchive', (p) => p.rooms.setReadOnly('d1', null), [{ type: 'read-only-changed', documentId: 'd1', reason: null }]],
    ['delete', (p) => p.rooms.closeDocument('d1', CloseCode.NotFound), [{ type: 'document-closed', documentId: 'd1', code: 4404 }]],
  ];

  it.each(roomCases)('%s: publishes what happened, and applying it elsewhere publishes nothing', async (_name, call, events) => {
    const sent: ClusterEvent[] = [];
    await call(processWith(sent));
    expect(sent).toEqual(events);
    const echoed: ClusterEvent[] = [];
    const other = processWith(echoed);
    for (const event of sent) await other.rooms.applyHere(event);
    expect(echoed).toEqual([]);
  });

  // Published by Cluster.drain (cluster-drain.test.ts runs it across processes).
  it('a process draining: the sockets it passed on close 1012 at their owner, no other, and nothing is published', async () => {
    const echoed: ClusterEvent[] = [];
    const owner = processWith(echoed);
    const held = [socket('anna', 's1', null, '127.0.0.1:3101'), socket('share:l1', null, 'l1', '127.0.0.1:3101'), socket('anna', 's1', null, '127.0.0.1:3102'), socket('anna', 's1'), socket('erik', 's2', null, '127.0.0.1:31011')];
    for (const s of held) owner.sockets.add(s);
    const event: ClusterEvent = { type: 'forwarder-draining', address: '127.0.0.1:3101' };
    owner.sockets.applyHere(event);
    await owner.rooms.applyHere(event);
    expect(held.map((s) => s.closed)).toEqual([[1012], [1012], [], [], []]);
    expect(echoed).toEqual([]);
  });
});
