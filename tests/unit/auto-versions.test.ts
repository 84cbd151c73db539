/**
 * Automatic versions (DESIGN "Versions": after 10 minutes of quiet following edits), on a
 * hand-moved clock and hand-run sweeps: every rule of the quiet period, one row each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/database.js';
import { sqliteKysely, type Kdb } from '../../server/db/kysely.js';
import { insertDocument } from '../../server/db/documents.js';
import { AutoVersions } from '../../server/versions/auto-versions.js';
import { versionsOf } from '../../server/versions/store.js';

const MINUTE = 60_000;
let dir: string;
let db: Db;
let kdb: Kdb;
let now = 0;
const clock = { now: () => now, today: () => '2027-03-15' };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samplan-auto-'));
  db = openDatabase(dir);
  kdb = sqliteKysely(db).kdb;
  db.prepare("INSERT INTO workspaces (id, name, created_at) VALUES ('w', 'W', 0)").run();
  for (const id of ['a', 'b']) await insertDocument(kdb, { id, workspaceId: 'w', kind: 'agenda', title: id }, null, 0, 1000);
  now = Date.parse('2027-03-15T08:00:00Z');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

type Step = ['edit', string] | ['wait', number] | ['sweep', number];

const CASES: Array<{ name: string; steps: Step[]; versions: Record<string, number> }> = [
  { name: 'no edits, no versions', steps: [['wait', 60], ['sweep', 0]], versions: { a: 0, b: 0 } },
  { name: 'quiet for 9 minutes is not enough', steps: [['edit', 'a'], ['wait', 9], ['sweep', 0]], versions: { a: 0 } },
  { name: 'quiet for 10 minutes makes one', steps: [['edit', 'a'], ['wait', 10], ['sweep', 1], ['sweep', 0]], versions: { a: 1 } },
  { name: 'an edit starts the quiet period again', steps: [['edit', 'a'], ['wait', 9], ['edit', 'a'], ['wait', 2], ['sweep', 0], ['wait', 8], ['sweep', 1]], versions: { a: 1 } },
  { name: 'quiet after the version makes no more', steps: [['edit', 'a'], ['wait', 10], ['sweep', 1], ['wait', 60], ['sweep', 0]], versions: { a: 1 } },
  { name: 'new edits after a version make the next', steps: [['edit', 'a'], ['wait', 10], ['sweep', 1], ['edit', 'a'], ['wait', 10], ['sweep', 1]], versions: { a: 2 } },
  { name: 'each document has its own quiet', steps: [['edit', 'a'], ['wait', 5], ['edit', 'b'], ['wait', 5], ['sweep', 1], ['wait', 5], ['sweep', 1]], versions: { a: 1, b: 1 } },
  { name: 'a deleted document is skipped', steps: [['edit', 'gone'], ['wait', 10], ['sweep', 0]], versions: { a: 0 } },
];

describe('AutoVersions', () => {
  it.each(CASES)('$name', async ({ steps, versions }) => {
    const encoded: string[] = [];
    const rooms = { encodeState: async (id: string) => (encoded.push(id), new Uint8Array([0, 0])) };
    const auto = new AutoVersions({ kdb, clock, rooms }, 10 * MINUTE, () => undefined);
    for (const step of steps) {
      if (step[0] === 'edit') auto.touch(step[1], now);
      else if (step[0] === 'wait') now += step[1] * MINUTE;
      else expect(await auto.sweep()).toBe(step[1]);
    }
    for (const [id, count] of Object.entries(versions)) {
      const made = await versionsOf(kdb, id);
      expect(made).toHaveLength(count);
      for (const v of made) expect(v).toMatchObject({ kind: 'auto', createdBy: null, name: expect.stringMatching(/^Automatisk version /) });
    }
  });
});

/** A stored edit of document `id` at `at` (ms): in the update log, or as a compaction's summary. */
async function logEdit(id: string, at: number, where: 'log' | 'summary'): Promise<void> {
  if (where === 'log') await kdb.insertInto('document_updates').values({ document_id: id, data: new Uint8Array([0, 0]), user_id: null, created_at: at }).execute();
  else await kdb.insertInto('document_edits').values({ document_id: id, user_id: null, first_at: at, last_at: at, updates: 1 }).execute();
}

type Stored = ['log' | 'summary', number] | ['version', number];

const RESTARTS: Array<{ name: string; stored: Stored[]; noted: number; versions: number }> = [
  { name: 'an edit in the log and no version', stored: [['log', 0]], noted: 1, versions: 1 },
  { name: 'an edit only a compaction summary holds', stored: [['summary', 0]], noted: 1, versions: 1 },
  { name: 'an edit after an older version', stored: [['version', -5], ['log', 0]], noted: 1, versions: 2 },
  { name: 'an edit a newer version covers', stored: [['log', 0], ['version', 1]], noted: 0, versions: 1 },
  { name: "only the document's first content (creation)", stored: [['log', -60]], noted: 0, versions: 0 },
];

describe('AutoVersions after a restart', () => {
  it.each(RESTARTS)('$name: two processes that recover and sweep at once make the version once', async ({ stored, noted, versions }) => {
    const created = now - 60 * MINUTE;
    await kdb.updateTable('documents').set({ created_at: created }).where('id', '=', 'a').execute();
    for (const [what, minutes] of stored) {
      const at = now + minutes * MINUTE;
      if (what === 'version') await kdb.insertInto('document_versions').values({ id: `v${minutes}`, document_id: 'a', kind: 'named', name: 'V', created_at: at, created_by: null, data: new Uint8Array([0, 0]), seq: 1 - minutes }).execute();
      else await logEdit('a', at, what);
    }
    const rooms = { encodeState: async () => new Uint8Array([0, 0]) };
    const processes = [0, 1].map(() => new AutoVersions({ kdb, clock, rooms }, 10 * MINUTE, () => undefined));
    expect(await Promise.all(processes.map((p) => p.recover()))).toEqual([noted, noted]);
    now += 9 * MINUTE;
    expect(await Promise.all(processes.map((p) => p.sweep()))).toEqual([0, 0]);
    now += MINUTE;
    const made = await Promise.all(processes.map((p) => p.sweep()));
    expect(made.reduce((sum, n) => sum + n, 0)).toBe(noted);
    expect(await versionsOf(kdb, 'a')).toHaveLength(versions);
  });
});
