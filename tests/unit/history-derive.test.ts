/**
 * Per-field history as a whole class (docs/history.md): random edits by three people on the
 * Småland plan, derived in random batch sizes by derivers that are now and then replaced
 * (a restart: fresh shadows, only the stored cursor). Whatever the seed, per item and field
 * the entries form one unbroken chain — the first `before` is the value before any edit,
 * each `before` is the previous `after`, the last `after` is the value now — so nothing is
 * lost, nothing counted twice, and every entry names a person who edited that field.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { flatten } from '../../shared/compare/flatten.js';
import { isDerived } from '../../shared/history/entries.js';
import { actionPlanRoots, actionPlanToJSON, removeItem, updateItem } from '../../shared/model/action-plan.js';
import { createDocument, toJSON } from '../../shared/model/document.js';
import { importPlanTable } from '../../shared/table/import.js';
import { openDatabase, type Db } from '../../server/db/database.js';
import { HistoryDeriver } from '../../server/history/deriver.js';
import { readSample } from '../support/samples.js';

const USERS = ['anna', 'erik', 'lena'];

/** A deterministic generator, so a failing seed can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function setUp(db: Db, doc: Y.Doc): void {
  for (const id of USERS) db.prepare('INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, 0)').run(id, `${id}@x.se`, id, 'x');
  db.prepare("INSERT INTO workspaces (id, name, created_at) VALUES ('w', 'W', 0)").run();
  db.prepare("INSERT INTO documents (id, workspace_id, kind, title, created_by, created_at, updated_at) VALUES ('d', 'w', 'action-plan', 'P', NULL, 0, 0)").run();
  db.prepare("INSERT INTO document_snapshots (document_id, data, last_update_id, updated_at) VALUES ('d', ?, 0, 0)").run(Y.encodeStateAsUpdate(doc));
}

type Edit = (doc: Y.Doc, next: () => number, user: string) => string | null;
const activityIds = (doc: Y.Doc) => actionPlanToJSON(doc).goals.flatMap((g) => g.activities.map((a) => a.id));
const pick = <T,>(list: readonly T[], next: () => number): T | undefined => list[Math.floor(next() * list.length)];

/** Each edit returns the `activities:<id>:<field>` it wrote (null: nothing). */
const EDITS: Edit[] = [
  (doc, next, user) => {
    const id = pick(activityIds(doc), next) ?? '';
    updateItem(doc, 'activities', id, { budget: Math.round(next() * 1000) * 100_00 }, user);
    return `activities:${id}:budget`;
  },
  (doc, next, user) => {
    const id = pick(activityIds(doc), next) ?? '';
    const item = actionPlanRoots(doc).activities.get(id);
    const title = item instanceof Y.Map ? item.get('title') : null;
    if (!(title instanceof Y.Text)) return null;
    doc.transact(() => (next() < 0.3 && title.length > 0 ? title.delete(title.length - 1, 1) : title.insert(title.length, 'x')), user);
    return `activities:${id}:title`;
  },
  (doc, next, user) => {
    const id = pick(activityIds(doc), next) ?? '';
    updateItem(doc, 'activities', id, { responsible: pick(['Växjö', 'Kalmar', ''], next) }, user);
    return `activities:${id}:responsible`;
  },
  (doc, next, user) => {
    const ids = activityIds(doc);
    if (ids.length < 4 || next() < 0.8) return null;
    removeItem(doc, 'activities', pick(ids, next) ?? '', user);
    return null;
  },
];

interface Row {
  user: string | null;
  op: string;
  key: string;
  before: string | null;
  after: string | null;
}

async function run(seed: number): Promise<void> {
  const next = random(seed);
  const dir = mkdtempSync(join(tmpdir(), 'samplan-history-'));
  const db = openDatabase(dir);
  try {
    const doc = createDocument('action-plan', importPlanTable(readSample('handlingsplan-smaland.tsv')).plan);
    setUp(db, doc);
    const initial = new Map(flatten(toJSON(doc)).flatMap((item) => Object.entries(item.fields).map(([f, v]) => [`${item.collection}:${item.id}:${f}`, JSON.stringify(v)])));
    let at = 0;
    const insert = db.prepare("INSERT INTO document_updates (document_id, data, user_id, created_at) VALUES ('d', ?, ?, ?)");
    doc.on('update', (update: Uint8Array, origin: unknown) => insert.run(update, typeof origin === 'string' ? origin : null, at));
    const wrote = new Map<string, Set<string>>();
    let deriver = new HistoryDeriver(db, { thread: false, batchSize: 1 + Math.floor(next() * 7) });
    for (let step = 0; step < 150; step++) {
      const user = pick(USERS, next) ?? 'anna';
      at += Math.floor(next() * 90_000);
      const key = pick(EDITS, next)?.(doc, next, user);
      if (key) wrote.set(key, (wrote.get(key) ?? new Set()).add(user));
      if (next() < 0.2) await deriver.catchUp();
      if (next() < 0.05) {
        deriver.stop();
        deriver = new HistoryDeriver(db, { thread: false, batchSize: 1 + Math.floor(next() * 7) });
      }
    }
    await deriver.catchUp();
    deriver.stop();
    const final = new Map(flatten(toJSON(doc)).flatMap((item) => Object.entries(item.fields).map(([f, v]) => [`${item.collection}:${item.id}:${f}`, JSON.stringify(v)])));
    // A null value is stored as SQL NULL: read back as the JSON text the fields compare by.
    const rows = db
      .prepare("SELECT user_id AS user, op, collection || ':' || item_id || ':' || field AS key, COALESCE(before, 'null') AS before, COALESCE(after, 'null') AS after FROM document_history WHERE op = 'changed' ORDER BY id")
      .all() as Row[];
    const chains = new Map<string, Row[]>();
    for (const row of rows) chains.set(row.key, [...(chains.get(row.key) ?? []), row]);
    for (const [key, chain] of chains) {
      const where = `seed ${seed}, ${key}`;
      if (initial.has(key)) expect(chain[0]?.before, where).toBe(initial.get(key));
      chain.slice(1).forEach((row, i) => expect(row.before, where).toBe(chain[i]?.after));
      if (final.has(key)) expect(chain.at(-1)?.after, where).toBe(final.get(key));
      if (key.startsWith('activities:')) for (const row of chain) expect(wrote.get(key)?.has(row.user ?? ''), where).toBe(true);
    }
    // Every field that differs now from before has history, and nothing that never changed has
    // any; computed fields (a goal's budget) have none of their own.
    for (const [key, value] of final) {
      const [collection, , field] = key.split(':');
      if (isDerived(collection ?? '', field)) expect(chains.has(key), `seed ${seed}, ${key}`).toBe(false);
      else if (initial.has(key) && initial.get(key) !== value) expect(chains.has(key), `seed ${seed}, ${key}`).toBe(true);
    }
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('derived history over random edits, batches and restarts', () => {
  it.each(Array.from({ length: 12 }, (_, i) => i + 1))('seed %i: one unbroken chain per field, each entry by someone who edited it', async (seed) => {
    await run(seed);
  });
});
