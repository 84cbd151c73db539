/** The update a client's provider would send for an edit: what the update-scan unit tests feed the server. */
import * as Y from 'yjs';

export interface ReplicaOptions {
  /** The replica's Yjs client id (default: a random one, as a new browser tab gets). */
  clientID?: number;
  /** Runs on the empty replica before the document arrives (to type a root otherwise). */
  prepare?: (replica: Y.Doc) => void;
  /** Runs `edit` in one transaction (one update, as a model writer makes); default: as called. */
  transact?: boolean;
}

/**
 * `edit` made on a replica of `doc` (which stays untouched), as the one update a provider
 * sends for it: the replica's state after the edit, from its state vector before.
 *
 * @example const update = editOfReplica(plan, (replica) => replica.getMap('meta').set('x', 1));
 */
export function editOfReplica(doc: Y.Doc, edit: (replica: Y.Doc) => void, options: ReplicaOptions = {}): Uint8Array {
  const replica = new Y.Doc();
  if (options.clientID !== undefined) replica.clientID = options.clientID;
  options.prepare?.(replica);
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(replica);
  if (options.transact) replica.transact(() => edit(replica));
  else edit(replica);
  return Y.encodeStateAsUpdate(replica, before);
}
