/**
 * The server under attack, as `npm start` runs it: the built JavaScript (built here first
 * with scripts/build-server.mjs, as start.mjs does) under plain `node` with the flags of
 * scripts/server-flags.mjs — not TypeScript through tsx, whose loader and compiled sources
 * in the main thread and each worker add ~60 MB that no deployment carries. A fixed free port, so that a restart after a crash keeps the
 * bystanders' URLs, and a memory watch that samples its RSS.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serverNodeFlags } from '../../scripts/server-flags.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_MAIN = 'dist/node/server/main.js';

/** Builds the server to dist/node (esbuild, file by file; well under a second). */
function buildServer(): void {
  const result = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the server did not build:\n${result.stdout}${result.stderr}`);
}
/**
 * Past this the harness kills the server itself: today's server can be driven to 7 GB
 * and more, and this machine is shared. Far above the 600 MB the run asserts.
 */
export const RSS_KILL_MB = 3000;

export interface ServerProcess {
  url: string;
  pid(): number;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Whether it answers an HTTP request within `timeoutMs`. */
  answers(timeoutMs: number): Promise<boolean>;
  /** Highest RSS sampled since `resetPeak` (MB). */
  peakMb(): number;
  /** Highest RSS sampled over the whole run (MB). */
  overallPeakMb(): number;
  resetPeak(): void;
  /** Whether the harness killed it for passing RSS_KILL_MB (since the last restart). */
  killedForMemory(): boolean;
  /** Starts it again on the same port and data dir after it died. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** RSS of `pid` in MB from /proc (NaN when it is gone). */
export function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

function launch(port: number, dataDir: string): Promise<ChildProcess> {
  // HOSTILE_CPU_PROF=<dir> profiles the server (as BENCH_CPU_PROF does for the bench).
  const profile = process.env.HOSTILE_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.HOSTILE_CPU_PROF}`] : [];
  // HOSTILE_SERVER_FLAGS adds node flags, e.g. `--import ./tests/bench/trace-server.mjs` to find stalls.
  profile.push(...(process.env.HOSTILE_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []));
  const child = spawn(process.execPath, [...serverNodeFlags(), ...profile, SERVER_MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The harness never leaves a server behind, even when it dies of an uncaught error.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on http/.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** Starts the server in `dataDir` and samples its RSS every 50 ms until stopped. */
export async function startServerProcess(dataDir: string): Promise<ServerProcess> {
  buildServer();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child = await launch(port, dataDir);
  let peak = 0;
  let overall = 0;
  let killed = false;
  const sampler = setInterval(() => {
    const pid = child.pid ?? 0;
    const rss = rssOf(pid);
    if (!(rss > 0)) return;
    peak = Math.max(peak, rss);
    overall = Math.max(overall, rss);
    if (rss > RSS_KILL_MB && child.exitCode === null) {
      killed = true;
      child.kill('SIGKILL');
    }
  }, 50);
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    url,
    pid: () => child.pid ?? 0,
    alive,
    answers: async (timeoutMs) => alive() && (await fetch(`${url}/api/me`, { signal: AbortSignal.timeout(timeoutMs) }).then(() => true, () => false)),
    peakMb: () => peak,
    overallPeakMb: () => overall,
    resetPeak: () => (peak = 0),
    killedForMemory: () => killed,
    restart: async () => {
      if (alive()) await stopChild(child);
      killed = false;
      child = await launch(port, dataDir);
    },
    stop: async () => {
      clearInterval(sampler);
      await stopChild(child);
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}
