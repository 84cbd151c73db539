/**
 * A cheap protocol-level client for the load generator: it speaks y-websocket or
 * Hocuspocus framing, syncs, sends edits carrying a unique marker, and spots markers in
 * incoming bytes without decoding them.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { mapSetUpdate } from './edit-bytes.js';
import type { Protocol } from './targets.js';

export const MARKER = Buffer.from('MK#');
const MARKER_DIGITS = 10;

export function markerText(id: number): string {
  return `MK#${String(id).padStart(MARKER_DIGITS, '0')}`;
}

/** The marker's number, read from its ASCII digits without making a string; -1 if cut off. */
function readDigits(data: Buffer, from: number): number {
  if (from + MARKER_DIGITS > data.length) return -1;
  let id = 0;
  for (let i = from; i < from + MARKER_DIGITS; i++) {
    const digit = (data[i] ?? 0) - 48;
    if (digit < 0 || digit > 9) return -1;
    id = id * 10 + digit;
  }
  return id;
}

export interface RawClientEvents {
  onMarker?(id: number, at: number): void;
  onClose?(code: number): void;
}

export class RawClient {
  readonly doc = new Y.Doc();
  private ws: WebSocket;
  private syncedResolve: (() => void) | null = null;
  readonly synced: Promise<void>;
  readonly openedAt = performance.now();
  syncedAt = 0;
  closed = false;

  constructor(
    url: string,
    private readonly room: string,
    private readonly protocol: Protocol,
    private readonly events: RawClientEvents = {},
  ) {
    this.synced = new Promise((resolve) => (this.syncedResolve = resolve));
    this.ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('open', () => this.handshake());
    this.ws.on('message', (data: Buffer) => this.receive(data));
    this.ws.on('close', (code) => {
      this.closed = true;
      events.onClose?.(code);
    });
    this.ws.on('error', () => undefined);
  }

  private frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    if (this.protocol === 'hocuspocus') encoding.writeVarString(encoder, this.room);
    write(encoder);
    return encoding.toUint8Array(encoder);
  }

  private handshake(): void {
    if (this.protocol === 'hocuspocus') {
      this.send(this.frame((e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, ''))));
    }
    this.send(this.frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc)))));
  }

  private receive(data: Buffer): void {
    const at = performance.now();
    if (this.events.onMarker) {
      let from = 0;
      for (;;) {
        const index = data.indexOf(MARKER, from);
        if (index < 0) break;
        const id = readDigits(data, index + MARKER.length);
        if (id >= 0) this.events.onMarker(id, at);
        from = index + MARKER.length;
      }
    }
    if (this.syncedAt === 0) this.readSync(data, at);
  }

  /** Watches for the server's sync step 2 (full state received) and answers its step 1. */
  private readSync(data: Buffer, at: number): void {
    try {
      const decoder = decoding.createDecoder(data);
      if (this.protocol === 'hocuspocus') decoding.readVarString(decoder);
      if (decoding.readVarUint(decoder) !== 0) return;
      const step = decoding.readVarUint(decoder);
      if (step === 0) {
        this.send(this.frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(this.doc)))));
      } else if (step === 1) {
        this.syncedAt = at;
        this.syncedResolve?.();
      }
    } catch {
      // Not a sync message this client needs to read.
    }
  }

  /** Clock of this writer's next struct; its edits are its only structs. */
  private clock = 0;
  /** The text of this writer's last edit: what every other client should end up with. */
  lastEdit: string | null = null;

  /** One edit carrying marker `id`; every other client in the room should see it. */
  edit(id: number): void {
    const text = markerText(id);
    this.lastEdit = text;
    if (this.clock > 0) {
      this.sendUpdate(mapSetUpdate(this.doc.clientID, this.clock++, text));
      return;
    }
    // The first edit creates the key, through Yjs; the rest only replace its value.
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    this.doc.on('update', collect);
    // In `session`, a root every document kind has (Samplan refuses roots its schema does not
    // name, and keys `meta` does not name; the bench user is a coordinator, who may write
    // `session`). One key per writer: concurrent writers to one key would make the loser's content be
    // garbage-collected out of the broadcast update, and its marker would never arrive.
    this.doc.getMap('session').set(`w${this.doc.clientID}`, text);
    this.doc.off('update', collect);
    this.clock = Y.getState(this.doc.store, this.doc.clientID);
    for (const update of updates) this.sendUpdate(update);
  }

  /** A raw update (e.g. a large seed document). */
  sendUpdate(update: Uint8Array): void {
    this.send(this.frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update))));
  }

  private awarenessClock = 0;
  awareness(): void {
    const state = JSON.stringify({ user: { name: `bench ${this.doc.clientID}`, color: '#1f6feb' }, cursor: null });
    this.send(
      this.frame((e) => {
        encoding.writeVarUint(e, 1);
        const inner = encoding.createEncoder();
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, this.doc.clientID);
        encoding.writeVarUint(inner, ++this.awarenessClock);
        encoding.writeVarString(inner, state);
        encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      }),
    );
  }

  private send(message: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  close(): void {
    this.ws.terminate();
    this.doc.destroy();
  }
}
