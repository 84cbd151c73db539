/**
 * Undo and redo never send a character the server refuses (issue 17; shared/strings.ts
 * `hasForbiddenCharacter`). A document written before the server refused them can hold such
 * characters; deleting that text here and pressing undo re-inserts it as this browser's own
 * change, which the server refuses with 1008 — and the page would resend it on every
 * reconnect. Table: every kind of forbidden character, in a co-edited text, a plain string
 * value, a nested value and a whole deleted activity; each update sent is decoded and no
 * inserted string may hold one, and what people see is the text without them.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionPlanRoots, removeItem } from '../../shared/model/action-plan.js';
import { createDocument } from '../../shared/model/document.js';
import { ROOTS } from '../../shared/model/kinds.js';
import { hasForbiddenCharacter, valueHasForbiddenCharacter } from '../../shared/strings.js';
import { createUndoManager, LOCAL_ORIGIN } from './undo.js';

const REMOTE = { remote: true };
const PLAN_ROOTS = ROOTS['action-plan'].maps;

/** One of each kind `hasForbiddenCharacter` names: C0, DEL, C1, bidi embedding/override/isolate, lone surrogates. */
const FORBIDDEN = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f', '\u202a', '\u202e', '\u2066', '\u2069', '\ud800', '\udfff'];

/** Strings an update inserts (texts, values, legacy JSON), as the server's scan reads them. */
function insertedContent(update: Uint8Array): unknown[] {
  const found: unknown[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (content instanceof Y.ContentString) found.push(content.str);
    else if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) found.push(...content.arr);
  }
  return found;
}

function refusedBy(update: Uint8Array): boolean {
  return insertedContent(update).some((value) => (typeof value === 'string' ? hasForbiddenCharacter(value) : valueHasForbiddenCharacter(value)));
}

/**
 * A plan on the "server" whose activity a1 holds `bad` in its title (a Y.Text), its
 * responsible (a string) and a nested value, written before the rule (remote origin, no
 * writer's filter); `local` is this browser's copy, with the undo manager.
 */
function planWith(bad: string) {
  const server = createDocument('action-plan', {
    title: 'Plan',
    goals: [{ id: 'g1', number: '1', title: 'Mål', description: '', activities: [{ id: 'a1', number: '1.1', title: 'A', budget: 1 }] }],
  });
  server.transact(() => {
    const activity = actionPlanRoots(server).activities.get('a1') as Y.Map<unknown>;
    (activity.get('title') as Y.Text).insert(1, `x${bad}y`);
    activity.set('responsible', `Anna${bad}`);
    activity.set('extra', { note: `n${bad}`, list: [`l${bad}`] });
  }, REMOTE);
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(server), REMOTE);
  const undo = createUndoManager(local, PLAN_ROOTS);
  const sent: Uint8Array[] = [];
  local.on('update', (update: Uint8Array, origin: unknown) => origin !== REMOTE && sent.push(update));
  const relay = () => sent.splice(0).forEach((update) => Y.applyUpdate(server, update, REMOTE));
  return { server, local, undo, sent, relay };
}

function activity(doc: Y.Doc): Y.Map<unknown> | undefined {
  const map = actionPlanRoots(doc).activities.get('a1');
  return map instanceof Y.Map ? (map as Y.Map<unknown>) : undefined;
}

function shown(doc: Y.Doc) {
  const map = activity(doc);
  return map && { title: String(map.get('title')), responsible: map.get('responsible'), extra: map.get('extra') };
}

/**
 * What people see after the undo: the texts without `bad`. A lone surrogate never reaches a
 * browser as one (Yjs writes strings as UTF-8, which turns it into U+FFFD, an allowed
 * character), so for those the U+FFFD stays.
 */
function clean(bad: string) {
  const arrived = new TextDecoder().decode(new TextEncoder().encode(bad));
  const kept = hasForbiddenCharacter(arrived) ? '' : arrived;
  return { title: `Ax${kept}y`, responsible: `Anna${kept}`, extra: { note: `n${kept}`, list: [`l${kept}`] } };
}

describe.each(FORBIDDEN.map((bad) => ({ bad, code: bad.charCodeAt(0).toString(16).padStart(4, '0') })))('U+$code stored before the rule', ({ bad }) => {
  it('deleting the texts and undoing re-inserts them without it; redo and undo again too', () => {
    const { server, local, undo, sent, relay } = planWith(bad);
    local.transact(() => {
      const map = activity(local);
      const title = map?.get('title') as Y.Text;
      title.delete(0, title.length);
      map?.set('responsible', 'Erik');
      map?.delete('extra');
    }, LOCAL_ORIGIN);
    expect(sent.some(refusedBy)).toBe(false);
    relay();
    for (const step of ['undo', 'redo', 'undo'] as const) {
      undo[step]();
      expect(sent.some(refusedBy), step).toBe(false);
      relay();
    }
    expect(shown(local)).toEqual(clean(bad));
    expect(shown(server)).toEqual(clean(bad));
  });

  it('undoing the removal of the whole activity brings it back without it', () => {
    const { server, local, undo, sent, relay } = planWith(bad);
    removeItem(local, 'activities', 'a1', LOCAL_ORIGIN);
    relay();
    undo.undo();
    expect(sent.some(refusedBy)).toBe(false);
    relay();
    expect(shown(local)).toEqual(clean(bad));
    expect(shown(server)).toEqual(clean(bad));
  });
});

describe('allowed characters', () => {
  it.each(['\t', '\n', '\r', 'ع', 'ש', '\u200e', '👨‍👩‍👧', 'é'])('%j comes back as it was', (good) => {
    const { local, undo, sent } = planWith(good);
    const before = shown(local);
    removeItem(local, 'activities', 'a1', LOCAL_ORIGIN);
    undo.undo();
    expect(shown(local)).toEqual(before);
    expect(sent.some(refusedBy)).toBe(false);
  });
});
