/**
 * How deep a document's types nest, the root counting one (red team x14 (4); the limit is
 * `ContentLimits.maxTypeDepth`). An editor stored a chain of 8 000 maps under a free `meta`
 * key; every recursive reader of the document (toJSON, exports, the client) then had to
 * descend it. The update scan (update-scan.ts) gives each new type of an update the depth of
 * the type it is placed in plus one and refuses one past the limit; the exact check
 * (content-trial.ts) measures what the scan could not place.
 */
import * as Y from 'yjs';
import { ContentLimits } from '../../shared/content-limits.js';
import type { SharedType } from './content-growth.js';
import { RefusedUpdate } from './scan-errors.js';

/** New types of one update (`new:<client>:<clock>`) → their depth. */
export type NewTypeDepths = Map<string, number>;

/**
 * The depth of a type of the document: one for a root, one more for each type it sits in.
 * Stops counting past `stopAt` (a document stored before the limit may hold deeper chains).
 */
export function typeDepth(type: Pick<SharedType, '_item'>, stopAt: number = ContentLimits.maxTypeDepth + 1): number {
  let depth = 1;
  let item = type._item;
  while (item !== null && depth < stopAt) {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) break;
    depth++;
    item = parent._item;
  }
  return depth;
}

/**
 * The depth of a place's type (content-growth.ts `Place.target`): a type of the document,
 * a root not yet in it (`root:<name>`), or a type this update made earlier; null when unknown.
 */
export function depthOfTarget(target: SharedType | string, depths: NewTypeDepths | null | undefined): number | null {
  if (typeof target !== 'string') return typeDepth(target);
  if (target.startsWith('root:')) return 1;
  return depths?.get(target) ?? null;
}

/**
 * Notes the depth of a new type `id` placed in `target` (one deeper); throws `RefusedUpdate`
 * past `ContentLimits.maxTypeDepth`. Returns false when the target's depth is unknown (the
 * exact check then decides).
 */
export function noteNewTypeDepth(depths: NewTypeDepths, target: SharedType | string, id: string): boolean {
  const outer = depthOfTarget(target, depths);
  if (outer === null) return false;
  const depth = outer + 1;
  if (depth > ContentLimits.maxTypeDepth) throw new RefusedUpdate(`nests types deeper than ${ContentLimits.maxTypeDepth}`);
  depths.set(id, depth);
  return true;
}
