// `npm run backup -- <target-file>`: an online, consistent copy of the server's SQLite
// database (DATA_DIR/samplan.sqlite, DATA_DIR as the server reads it, default ./data),
// safe while the server runs and writes. Plain node and better-sqlite3 (a runtime
// dependency), so it works on a production install (`npm ci --omit=dev`) without tsx.
// How to restore, and how often: docs/deploy.md "Backups". With DATABASE_URL set it refuses
// and points at pg_dump: the data is in PostgreSQL then.
import { closeSync, existsSync, fsyncSync, lstatSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

const USAGE = 'Usage: DATA_DIR=<data dir> npm run backup -- <target-file>   (DATA_DIR defaults to ./data)';

// Pages per backup step. SQLite's backup API restarts a copy whenever another connection
// (the server) writes between two steps, so a copy made in small steps may never finish
// on a busy server. One step copies every page inside one read transaction: a consistent
// snapshot of every commit up to that moment, and in WAL mode readers never block the
// server's writers.
const ALL_PAGES = 0x7fffffff;

/** Fails the run with a message and exit code 1. */
function fail(message) {
  console.error(`backup: ${message}`);
  process.exit(1);
}

/**
 * Copies `source` to `partial` with SQLite's online backup API (better-sqlite3's
 * `db.backup()`, never a file copy: a live WAL database is the main file plus its -wal,
 * and copying those two apart gives a torn or stale database).
 */
async function copyOnline(source, partial) {
  // Read-write although it only reads: a read-only connection to a stopped server's
  // database leaves a -wal and -shm behind, owned by whoever ran the backup (often root),
  // and the server's own user then cannot open its database. A read-write connection
  // removes them again when it is the last one to close; it never writes otherwise.
  const db = new Database(source, { fileMustExist: true });
  try {
    // The server's checkpoints briefly lock the log; wait for them like the server does.
    db.pragma('busy_timeout = 5000');
    await db.backup(partial, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
}

/**
 * Makes the copy one self-contained file (rollback journal, not WAL: the server switches
 * it back to WAL when it opens it) and checks it. Returns what it holds.
 */
function checkCopy(partial) {
  const db = new Database(partial, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check of the copy says: ${String(integrity)}`);
    const counts = db.prepare('SELECT COUNT(*) AS documents, COUNT(deleted_at) AS trashed FROM documents').get();
    const schema = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get();
    return { documents: counts.documents, trashed: counts.trashed, schemaVersion: schema.version };
  } finally {
    db.close();
  }
}

/** Flushes the file to disk, so the rename never publishes a copy a power cut can undo. */
function syncFile(path) {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Backs up DATA_DIR's database to `target`; refuses to overwrite anything. */
async function main(args) {
  // With DATABASE_URL the data is in PostgreSQL (docs/database.md): a copy of the SQLite
  // file beside it would look like a backup and hold none of it.
  if (process.env.DATABASE_URL) {
    fail('DATABASE_URL is set: the data is in PostgreSQL, not in DATA_DIR. Back it up with PostgreSQL\'s own tools, e.g. pg_dump --format=custom --file=samplan-$(date +%F-%H%M).dump "$DATABASE_URL" (docs/deploy.md "Backups").');
  }
  if (args.length !== 1 || args[0].startsWith('-')) fail(USAGE);
  const source = join(resolve(process.env.DATA_DIR || './data'), 'samplan.sqlite');
  // `npm run` starts scripts in the package's folder; a relative name means the caller's folder.
  const target = resolve(process.env.INIT_CWD || process.cwd(), args[0]);
  if (/[/\\]$/.test(args[0])) fail(`${args[0]} names a folder; give the backup file's name (e.g. ${args[0]}samplan-backup.sqlite).`);
  if (!existsSync(source)) fail(`no database at ${source} (set DATA_DIR to the server's data dir).`);
  // lstat, not exists: a symlink (even one pointing nowhere) is something a backup must not replace.
  if (lstatSync(target, { throwIfNoEntry: false })) fail(`${target} already exists; choose a new file name (a backup never overwrites one).`);
  // Written beside the target and renamed at the end: a run that dies halfway leaves no
  // file under the target's name that looks like a backup.
  const partial = `${target}.partial`;
  // The copy holds names, e-mail addresses, password hashes and sessions: readable by its
  // owner only, from the moment it is created.
  process.umask(0o077);
  rmSync(partial, { force: true });
  const started = Date.now();
  try {
    await copyOnline(source, partial);
    const held = checkCopy(partial);
    syncFile(partial);
    renameSync(partial, target);
    const bytes = statSync(target).size;
    console.log(
      `Backup written: ${target}: ${bytes} bytes, ${held.documents} documents (${held.trashed} in the trash), ` +
        `schema version ${held.schemaVersion}, integrity ok, from ${source} in ${Date.now() - started} ms.`,
    );
  } catch (error) {
    rmSync(partial, { force: true });
    fail(error instanceof Error ? error.message : String(error));
  }
}

await main(process.argv.slice(2));
