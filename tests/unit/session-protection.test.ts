/**
 * Who may write the `session` map through the websocket (docs/facilitation.md
 * "Server-owned and coordinator-only state"; server/sync/protected-fields.ts): every kind
 * of write — set, overwrite, delete, nested insert — on `session.rounds` is refused for
 * everyone, on the rest of `session` for all but coordinators; other roots are untouched,
 * and a delete set naming what is already deleted (every reconnect sends one) passes.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../../shared/model/document.js';
import { allowedRootsOf, scanContextOf } from '../../server/sync/protected-fields.js';
import { RefusedUpdate, scanUpdate } from '../../server/sync/update-scan.js';
import { writeOpenRound } from '../../server/facilitation/round-document.js';

/** The server's document: an agenda item, an open round, a spotlight set twice (one deleted value). */
function serverDoc(): Y.Doc {
  const doc = createDocument('agenda', { title: 'Träffar', meetings: [{ title: 'T', date: '2027-03-01', start: '09:00', end: '10:00', location: '', link: '', items: [{ title: 'Punkt' }] }] });
  writeOpenRound(doc, 'round-1', 'Runda');
  doc.getMap('session').set('spotlight', { collection: 'items', id: 'a' });
  doc.getMap('session').set('spotlight', { collection: 'items', id: 'b' });
  return doc;
}

const rounds = (doc: Y.Doc) => doc.getMap('session').get('rounds') as Y.Map<unknown>;

const CASES: Array<[string, (doc: Y.Doc) => void, { facilitator: boolean; other: boolean }]> = [
  ['set session.spotlight', (d) => d.getMap('session').set('spotlight', { collection: 'items', id: 'c' }), { facilitator: true, other: false }],
  ['delete session.spotlight', (d) => d.getMap('session').delete('spotlight'), { facilitator: true, other: false }],
  ['a new session key', (d) => d.getMap('session').set('extra', 1), { facilitator: true, other: false }],
  ['replace session.rounds', (d) => d.getMap('session').set('rounds', new Y.Map()), { facilitator: false, other: false }],
  ['delete session.rounds', (d) => d.getMap('session').delete('rounds'), { facilitator: false, other: false }],
  ['add a round', (d) => rounds(d).set('forged', { title: 'x', status: 'closed', results: [] }), { facilitator: false, other: false }],
  ['overwrite a round', (d) => rounds(d).set('round-1', { title: 'x', status: 'closed', results: [] }), { facilitator: false, other: false }],
  ['delete a round', (d) => rounds(d).delete('round-1'), { facilitator: false, other: false }],
  ['edit an agenda item', (d) => (d.getMap('items').values().next().value as Y.Map<unknown>).set('minutes', 20), { facilitator: true, other: true }],
  // The server's since red-team FA2-7 (server/sync/item-fields.ts): no client ranks an item.
  ['set an item priority', (d) => (d.getMap('items').values().next().value as Y.Map<unknown>).set('priority', 1), { facilitator: false, other: false }],
];

describe.each(CASES)('%s', (_what, edit, allowed) => {
  it.each([
    ['a coordinator', true, allowed.facilitator],
    ['an editor', false, allowed.other],
  ] as const)('from %s: accepted %s', (_who, facilitates, accepted) => {
    const server = serverDoc();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const vector = Y.encodeStateVector(client);
    edit(client);
    // Both what a live client sends (the edit) and a reconnect's full answer (with the whole delete set).
    for (const update of [Y.encodeStateAsUpdate(client, vector), Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))]) {
      const scan = () => scanUpdate(update, scanContextOf(server, 1_000_000, allowedRootsOf(server), { facilitates }));
      if (accepted) expect(scan).not.toThrow();
      else expect(scan).toThrow(RefusedUpdate);
    }
  });
});

it('sees what the server writes after the context was made (a round added later is protected)', () => {
  const server = serverDoc();
  const context = scanContextOf(server, 1_000_000, allowedRootsOf(server), { facilitates: true });
  writeOpenRound(server, 'round-2', 'Senare');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const vector = Y.encodeStateVector(client);
  rounds(client).delete('round-2');
  expect(() => scanUpdate(Y.encodeStateAsUpdate(client, vector), context)).toThrow(RefusedUpdate);
});
