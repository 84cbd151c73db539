/**
 * Writes to a document's `meta` map (title, network, vision, …) for the editors, so
 * components never reach into the Y.Doc themselves (README: Yjs through client/sync).
 */
import type * as Y from 'yjs';
import { writeFields } from '../../shared/model/ymap.js';
import { LOCAL_ORIGIN } from './open-document.js';

/**
 * `metaWriter(doc)('title')('Ny titel')` writes one meta field as a local edit (its own
 * undo step, LOCAL_ORIGIN). Text-valued meta fields are plain strings, not `Y.Text`.
 */
export function metaWriter(doc: Y.Doc): (field: string) => (value: unknown) => void {
  const meta = doc.getMap<unknown>('meta');
  return (field) => (value) => doc.transact(() => writeFields(meta, { [field]: value }), LOCAL_ORIGIN);
}
