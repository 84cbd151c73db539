/**
 * server/sync/client-owners.ts: new content under a client id only from the person who first
 * wrote under it; new ids bounded per update, per person and per document (red team x14).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClientOwners } from '../../server/sync/client-owners.js';
import { ClientIdLedger } from '../../server/sync/client-id-ledger.js';
import { RefusedUpdate } from '../../server/sync/scan-errors.js';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.js';

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
    const owners = new ClientOwners(DEFAULT_SYNC_LIMITS);
    if (owner !== null) owners.claim(doc, new Map([[7, 4]]), owner, 0);
    const check = () => owners.check(doc, new Map([[7, end]]), 'erik', 0);
    if (refused) expect(check).toThrow(RefusedUpdate);
    else expect(check).not.toThrow();
  });

  it('a person’s count outlives the room: a new room of the same document goes on from it, for that day', () => {
    const ledger = new ClientIdLedger(1_000);
    const limits = { maxNewClientIdsPerUpdate: 10, maxClientIdsPerPerson: 15, maxClientIdsPerDocument: 40 };
    const first = new ClientOwners(limits, ledger, 'plan');
    first.claim(docWithClient7(), idsFrom(100, 10), 'erik', 0);
    // The room unloaded; the next one of the same document has the person's 10.
    const second = new ClientOwners(limits, ledger, 'plan');
    expect(() => second.check(docWithClient7(), idsFrom(200, 6), 'erik', 500)).toThrow(RefusedUpdate);
    expect(() => second.check(docWithClient7(), idsFrom(200, 5), 'erik', 500)).not.toThrow();
    // Another document, another person: their own counts.
    expect(() => new ClientOwners(limits, ledger, 'other').check(docWithClient7(), idsFrom(200, 10), 'erik', 500)).not.toThrow();
    expect(() => second.check(docWithClient7(), idsFrom(200, 10), 'anna', 500)).not.toThrow();
    // A window after the first id, the count starts again.
    expect(() => second.check(docWithClient7(), idsFrom(200, 10), 'erik', 1_000)).not.toThrow();
  });

  it('the first person to write new content owns the id; content already held claims nothing', () => {
    const doc = docWithClient7();
    const owners = new ClientOwners(DEFAULT_SYNC_LIMITS);
    owners.claim(doc, new Map([[7, 3]]), 'erik', 0); // a copy of what the room holds
    owners.claim(doc, new Map([[7, 5]]), 'anna', 0);
    owners.claim(doc, new Map([[7, 6]]), 'erik', 0); // too late
    expect(() => owners.check(doc, new Map([[7, 6]]), 'erik', 0)).toThrow(RefusedUpdate);
    expect(() => owners.check(doc, new Map([[7, 6]]), 'anna', 0)).not.toThrow();
    expect(() => owners.check(doc, new Map([[8, 1]]), 'erik', 0)).not.toThrow();
  });
});

/** `count` new ids from `first` on, each ending at clock 1. */
const idsFrom = (first: number, count: number) => new Map(Array.from({ length: count }, (_, i) => [first + i, 1] as [number, number]));

describe('new client ids', () => {
  const limits = { maxNewClientIdsPerUpdate: 10, maxClientIdsPerPerson: 25, maxClientIdsPerDocument: 40 };
  // Each row: the updates [person, new ids] admitted one after another; which are refused.
  const rows: Array<{ what: string; updates: Array<[string, number]>; refused: boolean[] }> = [
    { what: 'at the limit of one update', updates: [['erik', 10]], refused: [false] },
    { what: 'one past it', updates: [['erik', 11]], refused: [true] },
    { what: "a person's limit, reached in steps", updates: [['erik', 10], ['erik', 10], ['erik', 5], ['erik', 1]], refused: [false, false, false, true] },
    { what: 'another person is not charged', updates: [['erik', 10], ['erik', 10], ['erik', 5], ['anna', 1]], refused: [false, false, false, false] },
    { what: "the document's limit, across people (one id held)", updates: [['erik', 10], ['erik', 10], ['anna', 10], ['anna', 9], ['olle', 1]], refused: [false, false, false, false, true] },
    { what: 'a refused update claims nothing', updates: [['erik', 11], ['erik', 10], ['erik', 10], ['erik', 5]], refused: [true, false, false, false] },
  ];
  it.each(rows)('$what', ({ updates, refused }) => {
    const doc = docWithClient7();
    const owners = new ClientOwners(limits);
    let next = 100;
    updates.forEach(([person, count], i) => {
      const ends = idsFrom(next, count);
      next += count;
      const admit = () => {
        owners.check(doc, ends, person, 0);
        owners.claim(doc, ends, person, 0);
        const update = new Y.Doc();
        for (const client of ends.keys()) {
          update.clientID = client;
          update.getMap('m').set(String(client), 1);
        }
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(update));
      };
      if (refused[i]) expect(admit).toThrow(RefusedUpdate);
      else expect(admit).not.toThrow();
    });
  });

  it('ids the document holds are not new, whoever brings their content', () => {
    const doc = docWithClient7();
    const owners = new ClientOwners({ maxNewClientIdsPerUpdate: 1, maxClientIdsPerPerson: 1, maxClientIdsPerDocument: 2 });
    expect(() => owners.check(doc, new Map([[7, 9]]), 'erik', 0)).not.toThrow();
    expect(() => owners.check(doc, idsFrom(100, 2), 'erik', 0)).toThrow(RefusedUpdate);
  });
});
