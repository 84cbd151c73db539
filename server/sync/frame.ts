/**
 * Outgoing messages framed once. A broadcast goes to every client in a room; framing it
 * per receiver (what `ws.send` does) allocated a header, a cork buffer and a writev request
 * per socket — the largest share of the server's garbage under load. A `Frame` is the
 * complete WebSocket frame, written as-is to each receiver's socket. `ws` exposes
 * `Sender.frame` for exactly this; its types do not declare it, hence the declaration below.
 */
import { Sender } from 'ws';

declare module 'ws' {
  export class Sender {
    static frame(data: Buffer, options: { fin: boolean; rsv1: boolean; opcode: number; mask: boolean; readOnly: boolean }): Buffer[];
  }
}

const BINARY = 0x02;

/** One complete, unmasked binary WebSocket frame (server to client). */
export type Frame = Buffer & { readonly __frame: true };

export function frame(message: Uint8Array): Frame {
  const data = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  const parts = Sender.frame(data, { fin: true, rsv1: false, opcode: BINARY, mask: false, readOnly: true });
  return (parts.length === 1 ? parts[0] : Buffer.concat(parts)) as Frame;
}
