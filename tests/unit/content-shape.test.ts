/**
 * Issue 17, x17 findings 1 and 5a (server/sync/content-shape.ts): a text holds characters
 * only and no keys, a map keyed entries only. Each kind of content Yjs can put in a Y.Text
 * other than a string (embed, format, nested type, Any, Binary, Doc), a key under a text,
 * and content without a key under a map is refused by the update scan and by the exact
 * check (content-trial.ts, for updates the scan cannot place); what the app writes passes both.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../../shared/model/document.js';
import { addStrategyGoal } from '../../shared/model/strategy.js';
import { HOSTILE, LEGITIMATE } from '../support/content-shapes.js';
import { allowedRootsOf, scanContextOf } from '../../server/sync/protected-fields.js';
import { contentOverLimits } from '../../server/sync/content-trial.js';
import { RefusedUpdate, scanUpdate } from '../../server/sync/update-scan.js';
import { editOfReplica } from '../support/replica-edit.js';

/** A strategy with a vision and one goal (its title a Y.Text); returns the goal's id too. */
function strategy(): { doc: Y.Doc; goal: string } {
  const doc = createDocument('strategy', { title: 'Strategi', vision: 'Vision' });
  const goal = addStrategyGoal(doc, null, { number: '1', title: 'Mål' });
  return { doc, goal };
}

/** The update a replica sends for `edit`; `prepare` runs on the empty replica first (to type a root otherwise). */
const editOf = (doc: Y.Doc, edit: (replica: Y.Doc) => void, prepare?: (replica: Y.Doc) => void): Uint8Array => editOfReplica(doc, edit, { prepare });

describe('content shape: texts hold characters, maps keyed entries', () => {
  it.each(HOSTILE)('the scan refuses %s', (_what, edit, prepare) => {
    const { doc, goal } = strategy();
    const update = editOf(doc, (replica) => edit(replica, goal), prepare);
    expect(() => scanUpdate(update, scanContextOf(doc, 1_000_000, allowedRootsOf(doc)))).toThrow(RefusedUpdate);
  });

  it.each(HOSTILE)('the exact check refuses %s', (_what, edit, prepare) => {
    const { doc, goal } = strategy();
    expect(contentOverLimits(doc, editOf(doc, (replica) => edit(replica, goal), prepare))).not.toBeNull();
  });

  it.each(LEGITIMATE)('both let through %s', (_what, edit) => {
    const { doc, goal } = strategy();
    const update = editOf(doc, (replica) => edit(replica, goal));
    expect(() => scanUpdate(update, scanContextOf(doc, 1_000_000, allowedRootsOf(doc)))).not.toThrow();
    expect(contentOverLimits(doc, update)).toBeNull();
  });
});
