/**
 * The messages the server writes by hand are byte for byte what lib0's encoder and
 * y-protocols write, for every length of varuint, and read back as sent.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { awarenessMessage, MessageType, parseMessage, SyncStep, syncMessage } from '../../server/sync/protocol.js';

/** Payload lengths at each varuint boundary: 1, 2, 3 and 4 bytes of length. */
const LENGTHS = [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152];

function payload(length: number): Uint8Array {
  return new Uint8Array(length).map((_, i) => (i * 31) % 256);
}

function lib0Message(type: number, step: number | null, bytes: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (step !== null) encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, bytes);
  return encoding.toUint8Array(encoder);
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

describe('message layout', () => {
  for (const length of LENGTHS) {
    it(`lays out a ${length}-byte payload as lib0 does`, () => {
      const bytes = payload(length);
      for (const step of [SyncStep.Step1, SyncStep.Step2, SyncStep.Update]) {
        const ours = syncMessage(step, bytes);
        expect(same(ours, lib0Message(MessageType.Sync, step, bytes))).toBe(true);
        const read = parseMessage(ours);
        expect(read.type === 'sync' && read.step === step && same(read.payload, bytes)).toBe(true);
      }
      expect(same(awarenessMessage(bytes), lib0Message(MessageType.Awareness, null, bytes))).toBe(true);
    });
  }

  it('writes an update and a state vector as y-protocols does', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'Handlingsplan');
    const update = Y.encodeStateAsUpdate(doc);
    const theirs = encoding.createEncoder();
    encoding.writeVarUint(theirs, MessageType.Sync);
    syncProtocol.writeUpdate(theirs, update);
    expect(same(syncMessage(SyncStep.Update, update), encoding.toUint8Array(theirs))).toBe(true);

    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MessageType.Sync);
    syncProtocol.writeSyncStep1(step1, doc);
    expect(same(syncMessage(SyncStep.Step1, Y.encodeStateVector(doc)), encoding.toUint8Array(step1))).toBe(true);
  });

  it('writes an awareness message as y-protocols does', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'Åsa' } });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
    expect(same(awarenessMessage(update), lib0Message(MessageType.Awareness, null, update))).toBe(true);
    awareness.destroy();
  });
});
