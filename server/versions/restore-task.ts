/**
 * The heavy part of a restore (DESIGN "Versions": restore), as a pure function a compare
 * thread runs (compare-pool.ts; issue 17: walking a 20 000-item plan against a version held
 * every room's edits on the event loop). Yjs and the domain model only.
 */
import * as Y from 'yjs';
import type { DocumentKind } from '../../shared/model/kinds.js';
import { restoreContent } from './restore-doc.js';

/** The live state as encoded when the restore was asked for, and the version's stored state, both Yjs updates. */
export interface RestoreRequest {
  task: 'restore';
  live: Uint8Array;
  version: Uint8Array;
  kind: DocumentKind;
}

/**
 * The update that turns `live` into the version's content (restore-doc.ts `restoreContent`
 * run on a copy of `live`, as one transaction), or null when they already hold the same
 * content. Its structs build on `live`'s, so it applies to any later state of the same
 * document too: edits made after `live` was encoded merge with it as concurrent edits do.
 */
export function buildRestore(request: RestoreRequest): { update: Uint8Array | null } {
  const target = new Y.Doc();
  const source = new Y.Doc();
  try {
    Y.applyUpdate(target, request.live);
    Y.applyUpdate(source, request.version);
    let update: Uint8Array | null = null;
    // Only what this transaction wrote (its structs and deletions), not the whole delete set.
    target.once('update', (written: Uint8Array) => (update = written));
    target.transact(() => restoreContent(target, source, request.kind));
    return { update };
  } finally {
    target.destroy();
    source.destroy();
  }
}
