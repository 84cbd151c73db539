/** A raw websocket to a document, for tests that speak the protocol by hand (hostile clients). */
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { browserHeaders } from './yclient.js';

export interface RawSocket {
  ws: WebSocket;
  /** Resolves with the close code (or 1006 when the connection was cut). */
  closed: Promise<number>;
  /** Messages received so far. */
  received: Uint8Array[];
}

/** Opens `/ws/:doc` with a session cookie (and the app's Origin); resolves once open. */
export async function openRaw(baseUrl: string, documentId: string, cookie: string): Promise<RawSocket> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/ws/${documentId}`;
  const ws = new WebSocket(url, { headers: browserHeaders(url, cookie) });
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, closed, received };
}

/** A state vector with `entries` made-up clients from `firstClient` on (what a sync step 1 carries). */
export function stateVectorOf(entries: number, firstClient = 1_000_000): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries);
  for (let i = 0; i < entries; i++) {
    encoding.writeVarUint(encoder, firstClient + i);
    encoding.writeVarUint(encoder, 1);
  }
  return encoding.toUint8Array(encoder);
}

/** One update of `count` one-unit GC structs from one made-up client, starting at `clock`. */
export function gcStructUpdate(count: number, client = 424_242, clock = 0): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, count);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
  for (let i = 0; i < count; i++) {
    encoding.writeUint8(encoder, 0);
    encoding.writeVarUint(encoder, 1);
  }
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/**
 * One update of a one-unit GC struct under each of `count` made-up client ids from
 * `firstClient` on (red team x14: ~7 bytes a client id, each a new state-vector entry).
 */
export function gcUnderClients(count: number, firstClient = 2_000_000): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, firstClient + i);
    encoding.writeVarUint(encoder, 0);
    encoding.writeUint8(encoder, 0);
    encoding.writeVarUint(encoder, 1);
  }
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}
