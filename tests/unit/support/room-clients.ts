/** Test clients for a Room without sockets: each decodes what it is sent into a replica. */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { RoomClient } from '../../../server/sync/client.js';
import type { Frame } from '../../../server/sync/frame.js';
import type { CloseCode } from '../../../server/sync/close-codes.js';
import { TokenBucket } from '../../../server/sync/limits.js';
import { SyncStep } from '../../../server/sync/protocol.js';

/** A client that decodes what it is sent into a replica of the document; `closed` holds its close codes. */
export function recordingClient(id: number, role: RoomClient['role'] = 'editor') {
  const replica = new Y.Doc();
  const closed: CloseCode[] = [];
  const client: RoomClient = {
    id,
    userId: `u${id}`,
    userName: `User ${id}`,
    role,
    awarenessIds: new Set(),
    awarenessBudget: new TokenBucket(10, 20, 0),
    syncBudget: new TokenBucket(10, 20, 0),
    send: (message: Frame, written?: () => void) => {
      applyIfSync(replica, message);
      written?.();
    },
    close: (code: CloseCode) => void closed.push(code),
  };
  return { client, replica, closed };
}

/** The payload of a server frame (2-byte header for the small frames here) if it carries content. */
function applyIfSync(replica: Y.Doc, message: Frame): void {
  const decoder = decoding.createDecoder(message.subarray(message[1] === 126 ? 4 : 2));
  if (decoding.readVarUint(decoder) !== 0) return;
  const step = decoding.readVarUint(decoder);
  if (step === SyncStep.Step2 || step === SyncStep.Update) Y.applyUpdate(replica, decoding.readVarUint8Array(decoder));
}

/** Lets every queued promise callback and immediate run. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));
