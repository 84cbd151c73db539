/** server/sync/client-owners.ts: new content under a client id only from the person who first wrote under it. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClientOwners } from '../../server/sync/client-owners.js';
import { RefusedUpdate } from '../../server/sync/scan-errors.js';

/** A document holding clocks [0, 3) of client 7. */
function docWithClient7(): Y.Doc {
  const source = new Y.Doc();
  source.clientID = 7;
  source.getText('t').insert(0, 'abc');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

describe('ClientOwners', () => {
  // owner of client 7 (none, Anna, Erik) × the update's end clock for it (held, at the clock, past it), written by Erik.
  const cases: Array<[string | null, number, boolean]> = [];
  for (const owner of [null, 'anna', 'erik']) for (const end of [2, 3, 4, 40]) cases.push([owner, end, owner === 'anna' && end > 3]);
  it.each(cases)('owned by %s, ends at %i: refused %s', (owner, end, refused) => {
    const doc = docWithClient7();
    const owners = new ClientOwners();
    if (owner !== null) owners.claim(doc, new Map([[7, 4]]), owner);
    const check = () => owners.check(doc, new Map([[7, end]]), 'erik');
    if (refused) expect(check).toThrow(RefusedUpdate);
    else expect(check).not.toThrow();
  });

  it('the first person to write new content owns the id; content already held claims nothing', () => {
    const doc = docWithClient7();
    const owners = new ClientOwners();
    owners.claim(doc, new Map([[7, 3]]), 'erik'); // a copy of what the room holds
    owners.claim(doc, new Map([[7, 5]]), 'anna');
    owners.claim(doc, new Map([[7, 6]]), 'erik'); // too late
    expect(() => owners.check(doc, new Map([[7, 6]]), 'erik')).toThrow(RefusedUpdate);
    expect(() => owners.check(doc, new Map([[7, 6]]), 'anna')).not.toThrow();
    expect(() => owners.check(doc, new Map([[8, 1]]), 'erik')).not.toThrow();
  });
});
