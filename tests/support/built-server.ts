/**
 * The server built to JavaScript for tests that start many processes (tests/support/cluster.ts;
 * issue 21), as `npm run build` builds it for production (scripts/build-server.mjs), once
 * per test process, from the sources as they are now.
 *
 * Why not tsx, as spawnServer runs one: tsx compiles every module at every start. On this
 * shared 2-core machine at load 17–20 a start through tsx took 4–10 s alone and over 60 s
 * three at once beside a cluster under load (the rolling restart failed so, 2026-11-30);
 * the built server started in 0.5–3.5 s at the same load.
 */
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../../scripts/build-server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let built: Promise<string> | null = null;

/**
 * The path of the built `server/main.js`, in a temp directory removed when this process
 * exits. Its `node_modules` is a link to the repository's, so the built files import the
 * same packages. Rejects when the build fails (esbuild's message says where).
 */
export function builtServerMain(): Promise<string> {
  built ??= build();
  return built;
}

/** Builds are named after the process that made them: `samplan-built-<pid>-XXXXXX`. */
const PREFIX = 'samplan-built-';

/** Whether process `pid` still runs (signal 0 only asks). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the builds of test processes that have ended: Vitest may end its workers without
 * their 'exit' handlers (ten builds of 3 MB were left in /tmp after ten runs).
 */
function removeOrphans(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (pid > 0 && pid !== process.pid && !running(pid)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

async function build(): Promise<string> {
  if (process.cwd() !== ROOT.replace(/\/$/, '')) throw new Error(`The server is built from the repository root (${ROOT}), not ${process.cwd()}`);
  removeOrphans();
  const dir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  // buildServer empties its directory first: the link goes in after.
  await buildServer(dir);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return join(dir, 'server', 'main.js');
}
