/**
 * `npm run backup` (scripts/backup.mjs; docs/deploy.md "Backups") copies the live
 * database while people edit: a server started on a copy of the backup opens, the plan
 * loads, and every edit another client had received before the backup started is in it
 * (the server stores an update before anyone receives it, so "received by another client"
 * is "acknowledged"). The class of fault: a backup that misses committed work still in
 * the write-ahead log, or a torn copy — so backups are taken at several moments, before
 * and after compactions, while the edits go on.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionPlanToJSON, addGoal } from '../../shared/model/action-plan.js';
import { newDocument, type ApiClient } from '../support/api.js';
import { usesPostgres } from '../support/database.js';
import { startTestServer, tempDataDir, type TestServer } from '../support/server.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const COMPACT_AFTER_UPDATES = 40;
const WRITE_EVERY_MS = 15;
// Two node processes start per case (the backup, then a server on its copy); on a loaded
// two-core machine a start alone has taken 3 s.
const SLOW_MACHINE_MS = 90_000;

/** Runs the backup script as operators do, against `dataDir`; resolves with its output. */
async function backup(dataDir: string, target: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, ['scripts/backup.mjs', target], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, ...env } });
  return stdout;
}

/** The ids of the plan's goals in `peer`'s copy (the entry for orphaned activities left out). */
function goalIds(peer: Peer): string[] {
  return actionPlanToJSON(peer.doc).goals.flatMap((goal) => (goal.id === null ? [] : [goal.id]));
}

/** What `PRAGMA integrity_check` says of a database file. */
function integrityOf(file: string): unknown {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

/** Starts a second server on a copy of `file` and returns the plan's goal ids as it serves them. */
async function restoredGoalIds(file: string, plan: string, api: ApiClient): Promise<string[]> {
  const dataDir = tempDataDir();
  copyFileSync(file, join(dataDir, 'samplan.sqlite'));
  const restored = await startTestServer({ dataDir });
  const peer = connectPeer(restored.url, plan, { cookie: api.sessionCookie });
  try {
    await synced(peer);
    return goalIds(peer);
  } finally {
    peer.destroy();
    await restored.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('npm run backup with DATABASE_URL set', () => {
  it('refuses (exit 1), names pg_dump and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samplan-pg-backup-'));
    try {
      const target = join(dir, 'copy.sqlite');
      await expect(backup(dir, target, { DATABASE_URL: 'postgres://samplan@127.0.0.1:5432/samplan' })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/PostgreSQL.*pg_dump/),
      });
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The SQLite file's own backup: on PostgreSQL runs (npm run test:pg) the server's data is not in that file.
describe.skipIf(usesPostgres)('npm run backup while a plan is edited', () => {
  let server: TestServer;
  let api: ApiClient;
  let plan: string;
  let writer: Peer;
  let reader: Peer;
  let editing: ReturnType<typeof setInterval>;
  const targets = mkdtempSync(join(tmpdir(), 'samplan-backups-'));

  beforeAll(async () => {
    server = await startTestServer({ compactAfterUpdates: COMPACT_AFTER_UPDATES });
    ({ api, id: plan } = await newDocument(server.url, 'backup', 'action-plan', 'Säkerhetskopierad plan'));
    writer = connectPeer(server.url, plan, { cookie: api.sessionCookie });
    reader = connectPeer(server.url, plan, { cookie: api.sessionCookie });
    await Promise.all([synced(writer), synced(reader)]);
    // The writer never stops while the backups run. At this pace the server's checkpointer
    // leaves seconds of commits in the write-ahead log (it waits for 256 commits or 5 s),
    // which is what a backup made by copying the database file would lose.
    let n = 0;
    editing = setInterval(() => {
      n += 1;
      addGoal(writer.doc, { number: String(n), title: `Mål ${n}` });
    }, WRITE_EVERY_MS);
  });

  afterAll(async () => {
    clearInterval(editing);
    writer.destroy();
    reader.destroy();
    await server.stop();
    rmSync(targets, { recursive: true, force: true });
  });

  // Moments of one editing session: the first edits (all in the update log and the WAL),
  // past one compaction (a snapshot plus a log), past several.
  const moments = [
    { name: 'the first edits', after: 5 },
    { name: 'past one compaction', after: COMPACT_AFTER_UPDATES + 20 },
    { name: 'past several compactions', after: COMPACT_AFTER_UPDATES * 4 },
  ];

  it.each(moments)('a backup after $name restores every acknowledged edit', async ({ name, after }) => {
    await until(() => goalIds(reader).length >= after, 20_000, `the reader sees ${after} goals`);
    const acknowledged = goalIds(reader);
    const target = join(targets, `${name.replaceAll(' ', '-')}.sqlite`);

    const output = await backup(server.dataDir, target);

    expect(output).toMatch(/^Backup written: .+: \d+ bytes, 1 documents \(0 in the trash\), schema version \d+, integrity ok/);
    expect(existsSync(`${target}.partial`)).toBe(false);
    expect(statSync(target).mode & 0o077).toBe(0); // personal data: the owner's only
    expect(integrityOf(target)).toBe('ok');
    const restored = await restoredGoalIds(target, plan, api);
    expect(restored).toEqual(expect.arrayContaining(acknowledged));
    // Nothing that the writer did not write, nor anything twice.
    expect(new Set(restored).size).toBe(restored.length);
    expect(goalIds(writer)).toEqual(expect.arrayContaining(restored));
  }, SLOW_MACHINE_MS);

  it('never overwrites an existing file, and says why', async () => {
    const target = join(targets, 'existing.sqlite');
    await backup(server.dataDir, target);
    const second = backup(server.dataDir, target);
    await expect(second).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
  }, SLOW_MACHINE_MS);

  it('leaves a stopped server\'s data dir as it found it', async () => {
    const stopped = await startTestServer({ dataDir: tempDataDir() });
    await stopped.stop();
    const before = readdirSync(stopped.dataDir).sort();
    try {
      await backup(stopped.dataDir, join(targets, 'stopped.sqlite'));
      expect(readdirSync(stopped.dataDir).sort()).toEqual(before);
    } finally {
      rmSync(stopped.dataDir, { recursive: true, force: true });
    }
  }, SLOW_MACHINE_MS);

  it('refuses a data dir without a database', async () => {
    const empty = tempDataDir();
    try {
      await expect(backup(empty, join(targets, 'none.sqlite'))).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('no database') });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it.each([
    ['a name ending in a slash (a folder was meant)', (dir: string) => `${join(dir, 'ny')}/`, 'names a folder'],
    ['a symlink pointing nowhere', (dir: string) => (symlinkSync(join(dir, 'nowhere'), join(dir, 'link.sqlite')), join(dir, 'link.sqlite')), 'already exists'],
    ['a symlink to an existing file', (dir: string) => (writeFileSync(join(dir, 'real'), 'x'), symlinkSync(join(dir, 'real'), join(dir, 'link2.sqlite')), join(dir, 'link2.sqlite')), 'already exists'],
  ])('refuses %s and writes nothing', async (_what, targetIn, message) => {
    const dir = mkdtempSync(join(targets, 'refused-'));
    const before = () => readdirSync(dir).sort();
    const target = targetIn(dir);
    const listed = before();
    await expect(backup(server.dataDir, target)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(message) });
    expect(before()).toEqual(listed);
  }, SLOW_MACHINE_MS);

  it('writes a relative name into the folder npm run was started from (INIT_CWD), not the package root', async () => {
    const here = mkdtempSync(join(targets, 'cwd-'));
    const output = await backup(server.dataDir, 'relativ.sqlite', { INIT_CWD: here });
    expect(readdirSync(here)).toEqual(['relativ.sqlite']);
    expect(output).toContain(join(here, 'relativ.sqlite'));
  }, SLOW_MACHINE_MS);
});
