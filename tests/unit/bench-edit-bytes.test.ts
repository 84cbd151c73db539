import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mapSetUpdate } from '../bench/edit-bytes.js';
import { markerText } from '../bench/raw-client.js';

describe('benchmark edit bytes', () => {
  it('are what Yjs encodes for the same map set, edit after edit', () => {
    for (const client of [1, 127, 128, 123_456, 2 ** 31 - 1]) {
      const doc = new Y.Doc();
      doc.clientID = client;
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      const markers = [7, 42, 1_000_000, 9_999_999_999];
      for (const id of markers) doc.getMap('meta').set(`w${client}`, markerText(id));
      markers.slice(1).forEach((id, i) => expect(mapSetUpdate(client, i + 1, markerText(id))).toEqual(updates[i + 1]));
    }
  });

  it('leave a receiving document with the last value only', () => {
    const writer = new Y.Doc();
    const reader = new Y.Doc();
    writer.getMap('meta').set(`w${writer.clientID}`, markerText(1));
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(writer));
    for (let clock = 1; clock < 50; clock++) Y.applyUpdate(reader, mapSetUpdate(writer.clientID, clock, markerText(clock + 1)));
    expect(reader.getMap('meta').toJSON()).toEqual({ [`w${writer.clientID}`]: markerText(50) });
  });
});
