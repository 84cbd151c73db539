/**
 * The servers under test, each in its own process pinned to core 0 (the load generator
 * runs on core 1): Samplan as it ships (auth on: clients use tickets; persistence on), and
 * the peers with the same SQLite persistence.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiClient } from '../support/api.js';
import { serverNodeFlags } from '../../scripts/server-flags.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type Protocol = 'y-websocket' | 'hocuspocus';

export interface Target {
  name: string;
  protocol: Protocol;
  pid: number;
  /** Every server process, when there are several (a cluster): CPU and RSS are summed over them. */
  pids?: number[];
  /** Room names to use; Samplan's are document ids created through its API. */
  rooms(count: number): Promise<string[]>;
  /** The websocket URL for one new connection to `room`. */
  connectUrl(room: string): Promise<string>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface Process {
  child: ChildProcess;
  url: string;
}

export function startProcess(script: string[], env: Record<string, string>, flags: string[] = []): Promise<Process> {
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each server, written when it exits.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const child = spawn('taskset', ['-c', '0', process.execPath, ...profile, ...flags, '--import', 'tsx', ...script], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If the generator dies (an uncaught error), the server must not live on, pinned to core 0.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script.join(' ')} did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.:]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // BENCH_SERVER_LOG=<file>: everything the servers print (with --trace-gc, say) goes there too.
    const log = process.env.BENCH_SERVER_LOG;
    if (log) for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
    child.on('exit', (code) => reject(new Error(`${script.join(' ')} exited (${code}):\n${output}`)));
  });
}

export function stopProcess(p: Process): Promise<void> {
  if (p.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    p.child.once('exit', () => resolve());
    p.child.kill('SIGTERM');
    setTimeout(() => p.child.kill('SIGKILL'), 10_000).unref();
  });
}

const ws = (url: string) => url.replace(/^http/, 'ws');

/**
 * Every bench client is one user on 127.0.0.1: per-address and per-user limits (tickets,
 * sockets) opened wide, as a deployment behind a proxy sees thousands of addresses.
 */
export const SAMPLAN_BENCH_ENV = {
  DEMO_DATA: 'false',
  MAX_MESSAGE_BYTES: String(64 * 1024 * 1024),
  TICKETS_PER_MINUTE: '1000000',
  TICKETS_PER_USER: '100000',
  SIGNUPS_PER_MINUTE: '1000',
  CONNECTIONS_PER_USER: '1000000',
  CONNECTIONS_PER_ADDRESS: '1000000',
  OPEN_CONNECTIONS_PER_ADDRESS: '1000000',
  CLIENT_IDS_PER_PERSON: '1000000',
};

/** Samplan's node flags: as `npm start` runs it on a machine with the one CPU the server is pinned to here. */
export const samplanFlags = (): string[] => [...serverNodeFlags(1), ...(process.env.BENCH_SAMPLAN_FLAGS ?? '').split(' ').filter(Boolean)];

export async function startSamplan(): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samplan-bench-'));
  const env = { DATA_DIR: dataDir, ...SAMPLAN_BENCH_ENV };
  const flags = samplanFlags();
  let proc = await startProcess(['server/main.ts'], env, flags);
  let api = new ApiClient(proc.url);
  const email = `bench.${Date.now()}@bench.samplan.se`;
  await api.signup(email, 'Bench', 'bench-password');
  const workspace = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Bench' }, 201)).id;
  const relogin = async () => {
    api = new ApiClient(proc.url);
    await api.json('POST', '/api/auth/login', { email, password: 'bench-password' }, 200);
  };
  return {
    name: 'samplan',
    protocol: 'y-websocket',
    get pid() {
      return proc.child.pid ?? 0;
    },
    rooms: async (count) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        ids.push((await api.json<{ id: string }>('POST', `/api/workspaces/${workspace}/documents`, { kind: 'agenda', title: `Rum ${i}` }, 201)).id);
      }
      return ids;
    },
    connectUrl: async (room) => {
      const { ticket } = await api.json<{ ticket: string }>('POST', `/api/documents/${room}/ticket`, undefined, 200);
      return `${ws(proc.url)}/ws/${room}?ticket=${ticket}`;
    },
    restart: async () => {
      await stopProcess(proc);
      proc = await startProcess(['server/main.ts'], env, flags);
      await relogin();
    },
    stop: async () => {
      await stopProcess(proc);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startPeer(name: string, script: string, protocol: Protocol): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), `${name}-bench-`));
  // BENCH_PEER_FLAGS: node flags for the peers, e.g. the same tracer as Samplan's.
  const flags = (process.env.BENCH_PEER_FLAGS ?? '').split(' ').filter(Boolean);
  let proc = await startProcess([script], { DATA_DIR: dataDir }, flags);
  let counter = 0;
  return {
    name,
    protocol,
    get pid() {
      return proc.child.pid ?? 0;
    },
    rooms: async (count) => Array.from({ length: count }, () => `room-${++counter}-${Date.now()}`),
    connectUrl: async (room) => (protocol === 'hocuspocus' ? ws(proc.url) : `${ws(proc.url)}/${room}`),
    restart: async () => {
      await stopProcess(proc);
      proc = await startProcess([script], { DATA_DIR: dataDir }, flags);
    },
    stop: async () => {
      await stopProcess(proc);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const TARGETS: Record<string, () => Promise<Target>> = {
  samplan: startSamplan,
  'y-websocket-server': () => startPeer('y-websocket-server', 'tests/bench/peers/y-websocket-server.ts', 'y-websocket'),
  hocuspocus: () => startPeer('hocuspocus', 'tests/bench/peers/hocuspocus.ts', 'hocuspocus'),
  floor: () => startPeer('floor', 'tests/bench/peers/floor-relay.ts', 'y-websocket'),
};

/**
 * Targets that are references, not peers: never the "best peer" of a ratio, measured on
 * the fan-out workloads only. `floor` keeps no state, so late joiners cannot converge
 * there and it is not checked for it.
 */
export const REFERENCES = new Set(['floor']);
