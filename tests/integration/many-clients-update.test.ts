/**
 * Red team X13 ("one 171 KB update keeps the server busy for minutes"): an update that
 * overwrites one map key 9 000 times, each struct from a different client id and built on
 * the one before, was cut into one piece per client id (split-update.ts), each applied in
 * its own turn and transaction: minutes of work, a half-applied document for every joiner,
 * and part of it lost when the room ended. An update's pieces are bounded by its weight,
 * not its client ids, so it is applied whole in a few turns, whatever the order of its groups.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { PIECE_WEIGHT } from '../../server/sync/client-updates.js';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.js';
import { newDocument } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';

let server: TestServer;
const peers: Peer[] = [];

beforeAll(async () => {
  // Splitting by weight is what is tested here, so the limits on new client ids (x14,
  // client-id-cap.test.ts: 256 an update by default) are raised past the chain's.
  server = await startTestServer({ sync: { ...DEFAULT_SYNC_LIMITS, maxNewClientIdsPerUpdate: 10_000, maxClientIdsPerPerson: 20_000 } });
});

afterEach(() => {
  for (const peer of peers.splice(0)) peer.destroy();
});

afterAll(async () => {
  await server.stop();
}, 60_000);

/** A sync update message: `n` overwrites of meta.subtitle, each from its own client id, each on the one before. */
function chainOfOverwrites(origin: Y.ID, n: number, descending: boolean): Uint8Array {
  // Fixed ids (tests draw from no unseeded randomness): each case writes to a document of its own.
  const base = 1_000_000;
  const structs: Uint8Array[] = [];
  let previous = origin;
  for (let i = 0; i < n; i++) {
    const s = encoding.createEncoder();
    encoding.writeVarUint(s, 1);
    encoding.writeVarUint(s, base + i);
    encoding.writeVarUint(s, 0);
    encoding.writeUint8(s, 8 | 128); // ContentAny with a left origin (parent and key from it)
    encoding.writeVarUint(s, previous.client);
    encoding.writeVarUint(s, previous.clock);
    encoding.writeVarUint(s, 1);
    encoding.writeAny(s, `s${i}`);
    structs.push(encoding.toUint8Array(s));
    previous = Y.createID(base + i, 0);
  }
  if (descending) structs.reverse();
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 0); // sync
  encoding.writeVarUint(message, 2); // update
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, n);
  for (const struct of structs) encoding.writeUint8Array(update, struct);
  encoding.writeVarUint(update, 0); // no deletes
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

const clientsOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc)).size;
const subtitleOf = (doc: Y.Doc) => doc.getMap('meta').get('subtitle');

async function peer(cookie: string, id: string): Promise<Peer> {
  const p = connectPeer(server.url, id, { cookie });
  peers.push(p);
  await synced(p);
  return p;
}

describe('an update of many client ids, each struct on the one before', () => {
  const n = Number(process.env.X13_N ?? 4_500);
  it.each([{ order: 'ascending' }, { order: 'descending' }])('$order: applied in a few pieces, stored whole', async ({ order }) => {
    const { api, id } = await newDocument(server.url, `x13-${order}`, 'action-plan', 'Kedja');
    const [sender, watcher] = [await peer(api.sessionCookie, id), await peer(api.sessionCookie, id)];
    const subtitle = sender.doc.getMap('meta')._map.get('subtitle');
    if (!subtitle) throw new Error('a new action plan has a subtitle');
    const before = clientsOf(watcher.doc);
    const seen = new Set<unknown>();
    watcher.doc.getMap('meta').observe(() => seen.add(subtitleOf(watcher.doc)));
    const started = performance.now();
    (sender.provider.ws as unknown as { send(data: Uint8Array): void }).send(chainOfOverwrites(subtitle.id, n, order === 'descending'));
    await until(() => subtitleOf(watcher.doc) === `s${n - 1}`, 120_000, 'the last overwrite');
    const ms = performance.now() - started;
    console.log(`x13 ${order} n=${n}: applied in ${Math.round(ms)} ms, watcher saw ${seen.size} values`);
    expect(clientsOf(watcher.doc) - before).toBe(n);
    // One transaction per piece, and pieces are bounded by weight: 9 000 client ids were 9 000 (the watcher saw each).
    expect(seen.size).toBeLessThanOrEqual(Math.ceil(n / PIECE_WEIGHT));
    sender.destroy();
    const reopened = await peer(api.sessionCookie, id);
    expect(subtitleOf(reopened.doc)).toBe(`s${n - 1}`);
    expect(clientsOf(reopened.doc) - before).toBe(n);
  }, 180_000);
});
