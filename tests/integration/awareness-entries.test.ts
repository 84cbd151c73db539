/**
 * An awareness message is bounded before it is read (red team x14 (3)): messages of 50 000–
 * 200 000 states were decoded whole (every state's JSON text made a string) before the
 * server dropped all but the sender's own. Now a message naming more states than a room
 * could echo is dropped unread, the states of others are skipped without being decoded,
 * and the states a socket may name are paced (entries a second), so a flood costs its
 * sender and nobody else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { awarenessMessage } from '../../server/sync/protocol.js';
import { MAX_AWARENESS_ENTRIES } from '../../server/sync/room-presence.js';
import { openRaw } from '../support/raw-socket.js';
import { useTeamRoom } from '../support/team-room.js';
import { until, type Peer } from '../support/yclient.js';

const room = useTeamRoom('Närvarons gränser');
let documentId: string;
beforeAll(async () => {
  documentId = await room.newPlan();
});

/** An awareness update: the sender's own state (`own`, its clock `clock`) first, then `others` states of made-up clients. */
function statesUpdate(own: number, clock: number, marker: string, others: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, others + 1);
  encoding.writeVarUint(encoder, own);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify({ user: { name: 'x', color: '#112233' }, marker }));
  const junk = JSON.stringify({ user: { name: 'y', color: '#445566' } });
  for (let i = 0; i < others; i++) {
    encoding.writeVarUint(encoder, 5_000_000 + i);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, junk);
  }
  return encoding.toUint8Array(encoder);
}

const statesMessage = (own: number, clock: number, marker: string, others: number) => awarenessMessage(statesUpdate(own, clock, marker, others));

const watcher = (): Promise<Peer> => room.peer(room.anna, documentId);

const markerOf = (observer: Peer, clientId: number) => observer.provider.awareness.getStates().get(clientId)?.marker;

describe('awareness messages of many states', () => {
  it('one naming more states than allowed is dropped unread, its own state too; a small one still arrives', async () => {
    const observer = await watcher();
    const seenMarkers: unknown[] = [];
    observer.provider.awareness.on('change', () => seenMarkers.push(markerOf(observer, 777)));
    const raw = await openRaw(room.server.url, documentId, room.erik.sessionCookie);
    raw.ws.send(statesMessage(777, 1, 'in the big one', MAX_AWARENESS_ENTRIES));
    raw.ws.send(statesMessage(777, 2, 'in a small one', 30));
    await until(() => markerOf(observer, 777) === 'in a small one', 10_000, 'the small message relayed');
    raw.ws.send(statesMessage(777, 3, 'in the big one', MAX_AWARENESS_ENTRIES));
    raw.ws.send(statesMessage(777, 4, 'after it', 0));
    await until(() => markerOf(observer, 777) === 'after it', 10_000, 'the message after the big one relayed');
    expect(seenMarkers).not.toContain('in the big one');
    raw.ws.close();
  });

  it('one naming more states than allowed is not read at all: cut short, it still leaves the socket open', async () => {
    const observer = await watcher();
    const raw = await openRaw(room.server.url, documentId, room.erik.sessionCookie);
    const big = statesUpdate(999, 1, 'never', 200_000);
    // Cut mid-state: read, it is malformed and the socket closed 1007.
    raw.ws.send(awarenessMessage(big.subarray(0, big.length - 5)));
    raw.ws.send(statesMessage(999, 2, 'after it', 1));
    await until(() => markerOf(observer, 999) === 'after it', 10_000, 'the message after it relayed');
    raw.ws.close();
    expect(await raw.closed).toBe(1005);
  });

  it('states a socket names are paced: of 40 messages of 1 000 at once, about 4 and 2 a second more are read', async () => {
    const observer = await watcher();
    const seen = new Set<unknown>();
    observer.provider.awareness.on('change', () => seen.add(markerOf(observer, 555)));
    const raw = await openRaw(room.server.url, documentId, room.erik.sessionCookie);
    const started = performance.now();
    for (let i = 1; i <= 40; i++) raw.ws.send(statesMessage(555, i, `burst ${i}`, MAX_AWARENESS_ENTRIES - 1));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    raw.ws.send(statesMessage(555, 41, 'probe', 0));
    await until(() => markerOf(observer, 555) === 'probe', 10_000, 'the probe relayed');
    const seconds = (performance.now() - started) / 1000;
    const read = [...seen].filter((marker) => typeof marker === 'string' && marker.startsWith('burst')).length;
    expect(read).toBeGreaterThanOrEqual(1);
    expect(read).toBeLessThanOrEqual(4 + Math.ceil(seconds * 2) + 1);
    raw.ws.close();
  });
});
