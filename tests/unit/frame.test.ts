/** Frames built once for a broadcast read back, through `ws`'s own parser, as the message sent. */
import type { Writable } from 'node:stream';
import { Receiver } from 'ws';
import { describe, expect, it } from 'vitest';
import { frame } from '../../server/sync/frame.js';

// `ws`'s frame parser, which its types do not declare.
declare module 'ws' {
  export class Receiver extends Writable {
    constructor(options: { isServer: boolean; binaryType: 'nodebuffer'; maxPayload: number });
  }
}

function parse(bytes: Buffer): Promise<{ data: Buffer; isBinary: boolean }> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false, binaryType: 'nodebuffer', maxPayload: 0 });
    receiver.on('message', (data: Buffer, isBinary: boolean) => resolve({ data, isBinary }));
    receiver.on('error', reject);
    receiver.write(bytes);
  });
}

describe('frame', () => {
  // The length field takes 7 bits, 7 + 16 bits or 7 + 64 bits: each boundary once.
  for (const size of [1, 125, 126, 65_535, 65_536, 300_000]) {
    it(`round-trips a ${size}-byte binary message`, async () => {
      const message = new Uint8Array(size).map((_, i) => (i * 7) % 251);
      const framed = frame(message.subarray(0));
      const { data, isBinary } = await parse(framed);
      expect(isBinary).toBe(true);
      expect(Buffer.compare(data, Buffer.from(message))).toBe(0);
    });
  }

  it('frames a view into a larger buffer without its neighbours', async () => {
    const backing = new Uint8Array([9, 9, 1, 2, 3, 9]);
    const { data } = await parse(frame(backing.subarray(2, 5)));
    expect([...data]).toEqual([1, 2, 3]);
  });
});
