/**
 * DESIGN "Limits every boundary enforces", awareness row ("the server rewrites or drops it;
 * never relays it raw"), through real y-websocket clients: a field holding a character no
 * text may hold (shared/strings.ts `hasForbiddenCharacter`) in a key, a nested key, a
 * string or an array element, or nested past MAX_NESTING, never reaches a peer; the
 * field goes, the person's presence (and their other fields) stays. The class of
 * characters × places as a table of every case is tests/unit/awareness-fields.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { usePeers } from '../support/peers.js';
import { until, type Peer } from '../support/yclient.js';

let server: TestServer;
let anna: ApiClient;
let erik: ApiClient;
let documentId: string;

beforeAll(async () => {
  server = await startTestServer({ signupsPerMinute: 1000 });
  anna = new ApiClient(server.url);
  await anna.signup(email('anna'), 'Anna Samordnare');
  const ws = (await anna.json<{ id: string }>('POST', '/api/workspaces', { name: 'Närvaro' }, 201)).id;
  documentId = (await anna.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Plan' }, 201)).id;
  erik = new ApiClient(server.url);
  await erik.signup(email('erik'), 'Erik Redaktör');
  await joinWorkspace(anna, erik, ws, 'editor');
});

afterAll(async () => {
  await server.stop();
});

const openPeer = usePeers(() => server.url);
const peer = (api: ApiClient) => openPeer(api, documentId);

/** What `observer` holds of `sender`'s state once the state carrying `marker` arrived (it comes whole). */
async function received(observer: Peer, sender: Peer, marker: number): Promise<Record<string, unknown>> {
  const stateOf = () => observer.provider.awareness.getStates().get(sender.doc.clientID);
  await until(() => stateOf()?.marker === marker, 5_000, `state ${marker} relayed`);
  return stateOf() ?? {};
}

const FORBIDDEN: ReadonlyArray<readonly [string, string]> = [
  ['NUL', '\u0000'],
  ['ESC (a terminal CSI)', '\u001b[2J'],
  ['DEL', '\u007f'],
  ['C1 NEL', '\u0085'],
  ['RLO (bidi override)', '\u202e'],
  ['a lone high surrogate', '\ud800'],
  ['a lone low surrogate', '\udc00'],
];

describe('awareness fields with forbidden characters', () => {
  it.each(FORBIDDEN.map(([what, bad], i) => [what, bad, i + 1] as const))('drops every field holding %s, keeps the rest of the state', async (_what, bad, marker) => {
    const [sender, observer] = [await peer(erik), await peer(anna)];
    sender.provider.awareness.setLocalState({
      marker,
      [`key${bad}`]: 1,
      nested: { [`a${bad}`]: true },
      text: `x${bad}y`,
      list: ['fine', `x${bad}`],
      deepText: { a: [{ b: `x${bad}` }] },
      editing: `goals:1:${bad}`,
      cursor: { anchor: { tname: `t${bad}` }, head: { tname: 't' } },
      handRaisedAt: `2027-03-15T09:00:00.000Z${bad}`,
      lowerHands: [`u@${bad}`],
      plain: { tab: 'a\tb', lines: 'a\r\nb', swedish: 'Åsa ändrar 🌍', n: 1.5, yes: false, none: null },
      following: false,
    });
    const seen = await received(observer, sender, marker);
    expect(Object.keys(seen).sort()).toEqual(['cursor', 'editing', 'following', 'handRaisedAt', 'lowerHands', 'marker', 'plain', 'user']);
    expect(seen).toMatchObject({ editing: null, cursor: null, handRaisedAt: null, lowerHands: null, following: false });
    expect(seen.plain).toEqual({ tab: 'a\tb', lines: 'a\r\nb', swedish: 'Åsa ändrar 🌍', n: 1.5, yes: false, none: null });
    expect(seen.user).toMatchObject({ name: 'Erik Redaktör' });
  });

  it('relays a field nested 8 deep, drops one nested 9 deep', async () => {
    const [sender, observer] = [await peer(erik), await peer(anna)];
    const nest = (depth: number): unknown => (depth === 0 ? 'bottom' : { d: nest(depth - 1) });
    sender.provider.awareness.setLocalState({ marker: 100, eight: nest(8), nine: nest(9) });
    const seen = await received(observer, sender, 100);
    expect(seen.eight).toEqual(nest(8));
    expect('nine' in seen).toBe(false);
  });

  it('relays what this app’s client writes, well-formed, unchanged', async () => {
    const [sender, observer] = [await peer(erik), await peer(anna)];
    const position = { type: { client: 1, clock: 2 }, tname: null, item: { client: 3, clock: 4 }, assoc: 0 };
    const fields = {
      editing: 'activities:a1:budget',
      cursor: { anchor: position, head: position },
      following: true,
      handRaisedAt: '2027-03-15T09:00:00.000Z',
      lowerHands: ['u-anna@2027-03-15T09:00:00.000Z'],
      votingRound: { id: 'r1', title: 'Vilka mål först?', items: [{ collection: 'goals', id: 'g1' }], dotsPerPerson: 3, maxPerItem: null },
    };
    sender.provider.awareness.setLocalState({ marker: 200, ...fields });
    expect(await received(observer, sender, 200)).toMatchObject(fields);
  });
});
