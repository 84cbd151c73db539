/**
 * The y-websocket wire format: a varuint message type, then a y-protocols sync or
 * awareness payload. Encoders here build each outgoing message once.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as string from 'lib0/string';

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const;

/** Whether a sync step 1's state vector is the empty one (a joiner holding nothing): one 0 byte. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

export function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  return layOut(MessageType.Sync, step, payload);
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  return layOut(MessageType.Awareness, null, update);
}

/**
 * A message as lib0's encoder lays it out — the varuint type, the varuint sync step if
 * any, the payload with its varuint length — written into one buffer of the right size.
 * Every edit is one such message; a lib0 encoder made two ArrayBuffers of its own for it
 * (its 100-byte scratch and the result), where `Buffer.allocUnsafe` takes a small buffer
 * from Node's shared pool, and on a busy server each ArrayBuffer is work for the garbage
 * collector. A unit test holds the bytes to lib0's and y-protocols' own.
 */
function layOut(type: number, step: number | null, payload: Uint8Array): Uint8Array {
  const size = varUintLength(type) + (step === null ? 0 : varUintLength(step)) + varUintLength(payload.length) + payload.length;
  const out = Buffer.allocUnsafe(size);
  let at = writeVarUint(out, 0, type);
  if (step !== null) at = writeVarUint(out, at, step);
  at = writeVarUint(out, at, payload.length);
  out.set(payload, at);
  return out;
}

function varUintLength(n: number): number {
  let length = 1;
  for (let rest = n; rest > 0x7f; rest = Math.floor(rest / 128)) length++;
  return length;
}

/** lib0's varuint: 7 bits per byte, lowest first, the top bit set on all but the last. */
function writeVarUint(out: Uint8Array, at: number, n: number): number {
  let rest = n;
  let i = at;
  while (rest > 0x7f) {
    out[i++] = 0x80 | (rest & 0x7f);
    rest = Math.floor(rest / 128);
  }
  out[i++] = rest;
  return i;
}

export type IncomingMessage =
  | { type: 'sync'; step: number; payload: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

/** Parses one frame; throws on anything malformed or unknown (the caller closes the socket). */
export function parseMessage(data: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  let message: IncomingMessage;
  switch (type) {
    case MessageType.Sync: {
      const step = decoding.readVarUint(decoder);
      if (step !== SyncStep.Step1 && step !== SyncStep.Step2 && step !== SyncStep.Update) throw new Error(`unknown sync step ${step}`);
      message = { type: 'sync', step, payload: decoding.readVarUint8Array(decoder) };
      break;
    }
    case MessageType.Awareness:
      message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
      break;
    case MessageType.QueryAwareness:
      message = { type: 'query-awareness' };
      break;
    default:
      throw new Error(`unknown message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after message');
  return message;
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text ("null" when the client left). */
  state: string;
}

/** How many states an awareness update names: its first varuint, read before the rest. */
export function awarenessEntryCount(update: Uint8Array): number {
  return decoding.readVarUint(decoding.createDecoder(update));
}

/**
 * The entries of an awareness update (y-protocols awareness.js encoding: count, then client
 * id, clock and state JSON per entry) that `wanted` keeps, called in order on each client id.
 * The states of the others are skipped as bytes, never decoded. Throws when it is malformed.
 */
export function decodeAwarenessEntries(update: Uint8Array, wanted: (clientId: number) => boolean = () => true): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarUint8Array(decoder);
    // The state's JSON is parsed (and refused if broken) by y-protocols when applied.
    if (wanted(clientId)) entries.push({ clientId, clock, state: string.decodeUtf8(state) });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness update');
  return entries;
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
