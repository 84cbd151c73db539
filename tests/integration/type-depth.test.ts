/**
 * Types nest at most `ContentLimits.maxTypeDepth` deep, the root counting one (red team x14
 * (4): an editor stored a chain of 8 000 maps under a free `meta` key, which every reader's
 * recursive walk — toJSON, exports, the client's views — then had to descend). The deepest
 * the model writes is 4 (a strategy's root → indicator → measurements → a year's entry).
 * Through the real server with real y-websocket peers, for every way to build a chain — in
 * one update, a level per update on top of what is stored, in a sequence, under `session`
 * — one level past the limit is refused 1008 and nothing stored; at the limit it is stored.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentLimits } from '../../shared/content-limits.js';
import { sqlCount } from '../support/sql.js';
import { useTeamRoom } from '../support/team-room.js';
import { until, type Peer } from '../support/yclient.js';

/** The nested types a chain is made of. */
type Nested = Y.Map<unknown> | Y.Array<unknown>;

const room = useTeamRoom('Djup');
const storedUpdates = (documentId: string) => sqlCount(room.server.deps.kdb, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', documentId);

/** A chain of `levels` nested types, the outermost returned (maps, or arrays when `arrays`). */
function chain(levels: number, arrays = false): Nested {
  const outer: Nested = arrays ? new Y.Array<unknown>() : new Y.Map<unknown>();
  let inner = outer;
  for (let level = 1; level < levels; level++) {
    const next: Nested = arrays ? new Y.Array<unknown>() : new Y.Map<unknown>();
    if (inner instanceof Y.Array) inner.push([next]);
    else (inner as Y.Map<unknown>).set('deeper', next);
    inner = next;
  }
  return outer;
}

/** How deep `root`'s deepest type sits, the root counting one. */
function depthIn(type: Nested): number {
  let deepest = 1;
  const values = type instanceof Y.Map ? [...type.values()] : type instanceof Y.Array ? type.toArray() : [];
  for (const value of values) if (value instanceof Y.Map || value instanceof Y.Array) deepest = Math.max(deepest, 1 + depthIn(value));
  return deepest;
}

/** Builds a chain under `root` whose deepest type is at `depth` (the root counting one). */
type Build = (doc: Y.Doc, depth: number) => void;

const builds: Array<[string, Build]> = [
  ['maps in one update under a free meta key', (doc, depth) => doc.getMap('meta').set('nest', chain(depth - 1))],
  ['arrays in one update under a free meta key', (doc, depth) => doc.getMap('meta').set('nest', chain(depth - 1, true))],
  [
    'a map a level per update, on top of what is stored',
    (doc, depth) => {
      let holder: Y.Map<unknown> = doc.getMap('meta');
      for (let level = 2; level <= depth; level++) {
        const next = new Y.Map<unknown>();
        holder.set(level === 2 ? 'nest' : 'deeper', next);
        holder = next;
      }
    },
  ],
];

/** A new plan, a writer (Anna for `session`, which only coordinators write; else editor Erik) who builds in it. */
async function attempt(build: Build, depth: number, root = 'meta'): Promise<{ closed: Promise<number>; documentId: string; before: number; writer: Peer }> {
  const documentId = await room.newPlan();
  const writer = await room.peer(root === 'session' ? room.anna : room.erik, documentId);
  const before = await storedUpdates(documentId);
  const closed = new Promise<number>((resolve) => writer.provider.ws?.addEventListener('close', (event) => resolve(event.code)));
  build(writer.doc, depth);
  return { closed, documentId, before, writer };
}

describe('types nested deeper than allowed', () => {
  const limit = ContentLimits.maxTypeDepth;

  it.each(builds)('%s: one level past the limit is refused 1008, nothing stored', async (_how, build) => {
    const { closed, documentId, before, writer } = await attempt(build, limit + 1);
    expect(await closed).toBe(1008);
    writer.destroy();
    const reader = await room.peer(room.anna, documentId);
    expect(depthIn(reader.doc.getMap('meta'))).toBeLessThanOrEqual(limit);
    // A level-per-update chain keeps what it stored before the level that went too deep.
    if (_how.includes('per update')) expect(await storedUpdates(documentId)).toBeLessThanOrEqual(before + limit - 1);
    else expect(await storedUpdates(documentId)).toBe(before);
  });

  it.each(builds)('%s: at the limit it is stored and relayed', async (_how, build) => {
    const { documentId } = await attempt(build, limit);
    const reader = await room.peer(room.anna, documentId);
    await until(() => depthIn(reader.doc.getMap('meta')) === limit, 5_000, 'the chain arrives');
    const late = await room.peer(room.anna, documentId);
    expect(depthIn(late.doc.getMap('meta'))).toBe(limit);
  });

  it('under session, by a coordinator, the same', async () => {
    const deep = await attempt((doc, depth) => doc.getMap('session').set('nest', chain(depth - 1)), limit + 1, 'session');
    expect(await deep.closed).toBe(1008);
    deep.writer.destroy();
    const reader = await room.peer(room.anna, deep.documentId);
    expect(depthIn(reader.doc.getMap('session'))).toBeLessThanOrEqual(limit);
    expect(await storedUpdates(deep.documentId)).toBe(deep.before);
  });
});
