/**
 * `storeLater`: the local copy gets every update, merged into one write per slot, never
 * during the update itself, never what it read itself, nothing once closed.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storeLater, type LocalCopy } from './local-writes.js';

function setUp() {
  const doc = new Y.Doc();
  const written: Uint8Array[] = [];
  const local: LocalCopy = { _destroyed: false, _storeUpdate: (update, origin) => void (origin !== local && written.push(update)) };
  doc.on('update', local._storeUpdate);
  const slots: Array<() => void> = [];
  const flush = storeLater(local, doc, (run) => void slots.push(run));
  const runSlots = () => slots.splice(0).forEach((run) => run());
  return { doc, local, written, slots, runSlots, flush };
}

/** What a document holds (its text `t` and map `m`). */
const contents = (doc: Y.Doc) => ({ t: doc.getText('t').toString(), m: doc.getMap('m').toJSON() });

/** The document the written updates make. */
function replay(written: Uint8Array[]): unknown {
  const copy = new Y.Doc();
  written.forEach((update) => Y.applyUpdate(copy, update));
  return contents(copy);
}

describe('storeLater', () => {
  it('writes nothing during the update, then one merged write for a burst of updates', () => {
    const { doc, written, slots, runSlots } = setUp();
    for (const ch of 'abc') doc.getText('t').insert(doc.getText('t').length, ch);
    expect(written).toHaveLength(0);
    expect(slots).toHaveLength(1);
    runSlots();
    expect(written).toHaveLength(1);
    expect(replay(written)).toEqual(contents(doc));
  });

  it('does not write back what the copy itself applied', () => {
    const { doc, local, written, slots } = setUp();
    const other = new Y.Doc();
    other.getText('t').insert(0, 'from disk');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), local);
    expect(slots).toHaveLength(0);
    expect(written).toHaveLength(0);
  });

  it('flush writes what waits at once; a flush after closing writes nothing', () => {
    const { doc, local, written, runSlots, flush } = setUp();
    doc.getText('t').insert(0, 'x');
    flush();
    expect(written).toHaveLength(1);
    doc.getText('t').insert(0, 'y');
    local._destroyed = true;
    runSlots();
    expect(written).toHaveLength(1);
  });

  it('random edits in random slots: the writes always rebuild the document', () => {
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    for (let run = 0; run < 40; run += 1) {
      const { doc, written, runSlots } = setUp();
      for (let step = 0; step < 30; step += 1) {
        const text = doc.getText('t');
        const action = random(4);
        if (action === 0 && text.length > 0) text.delete(random(text.length), 1);
        else if (action === 1) doc.getMap('m').set(`k${random(5)}`, random(100));
        else if (action === 2) runSlots();
        else text.insert(random(text.length + 1), 'ab'.slice(random(2)));
      }
      runSlots();
      expect(replay(written)).toEqual(contents(doc));
    }
  });
});
