/**
 * `npm run cluster` (issue 21, docs/cluster.md, docs/deploy.md "Many processes on one
 * machine"): Samplan as three processes on one machine, to try and to test by hand.
 *
 * - PostgreSQL from Debian's `postgresql` package: a throwaway cluster under /tmp on
 *   127.0.0.1 and a free port (tests/support/postgres.ts: fsync off, deleted at the end);
 * - three processes of the built server (`npm run build`'s output, rebuilt when older
 *   than its sources, or always with `--build`), plain `node`, each with its own PORT and DATA_DIR and the same
 *   DATABASE_URL; the first seeds the demo data, the others start after it;
 * - nginx (Debian's package, installed with apt-get when missing, as `.ci/run` does) on
 *   127.0.0.1: `/ws/<document>` and `/api/documents/<document>/…` by `hash $document
 *   consistent`, everything else round-robin.
 *
 * Prints the URL. Ctrl+C or SIGTERM stops nginx, the processes (SIGTERM: they drain) and
 * PostgreSQL, each by its process id. Options: `--port N` (nginx, default 8780), `--build`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverNodeFlags } from './server-flags.mjs';
import { freePort, startPostgres, type PostgresServer } from '../tests/support/postgres.js';

const PROCESSES = 3;
const SERVER_MAIN = 'dist/node/server/main.js';
const NGINX = '/usr/sbin/nginx';

/** The newest modification time under `dir`, ms. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether `built` is missing or older than a file under `sources` (as scripts/start.mjs decides). */
function stale(built: string, sources: string[]): boolean {
  return !existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

/** Builds what is missing or older than its sources (`--build`: everything). */
function ensureBuilt(force: boolean): void {
  const steps: Array<[boolean, string[]]> = [
    [force || stale('dist/client/index.html', ['client', 'shared']), ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']],
    [force || stale(SERVER_MAIN, ['server', 'shared']), ['scripts/build-server.mjs']],
  ];
  for (const [needed, args] of steps) {
    if (!needed) continue;
    console.log(`Bygger: ${args.join(' ')}`);
    const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed`);
  }
}

/** nginx from Debian's package, installed when missing (needs root, as .ci/run). */
function ensureNginx(): void {
  if (existsSync(NGINX)) return;
  console.log('nginx saknas: apt-get install -y nginx-light …');
  for (const args of [['update'], ['install', '-y', 'nginx-light']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed: install nginx yourself (apt-get install nginx-light)`);
  }
}

/**
 * The nginx configuration: the document id taken from the URI by a `map`, consistent
 * hashing on it for websockets and the document's API (a document's sockets meet at one
 * process; when the ring changes, the process they land on forwards them to the owner),
 * round-robin for the rest.
 */
export function nginxConfig(dir: string, port: number, upstreams: number[]): string {
  const servers = upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${join(dir, name)};`).join('\n');
  const proxied = `proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_503;`;
  return `daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
${temp}
  map $uri $samplan_document { ~^/(?:ws|api/documents)/(?<id>[^/]+) $id; default ""; }
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream samplan_documents {
    hash $samplan_document consistent;
${servers}
  }
  upstream samplan_any {
${servers}
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 6m;
    large_client_header_buffers 4 64k;
    location /ws/ {
      proxy_pass http://samplan_documents;
      ${proxied}
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 120s;
    }
    # A document's API requests meet its sockets: a restore or a rename changes the live room there.
    location /api/documents/ {
      proxy_pass http://samplan_documents;
      ${proxied}
    }
    location / {
      proxy_pass http://samplan_any;
      ${proxied}
    }
  }
}
`;
}

/** One Samplan process as the script keeps it: its name, port and settings, and the process running now. */
interface Member {
  name: string;
  port: number;
  env: NodeJS.ProcessEnv;
  child: ChildProcess;
}

/**
 * Starts a member again whenever it ends while the cluster is not stopping, on its port with
 * its settings, as a service manager would (systemd `Restart=always`; docs/deploy.md): a
 * rolling restart is a SIGTERM to each process in turn, and a process that crashed (or lost
 * its database) comes back.
 */
function supervise(member: Member, stopping: () => boolean): void {
  member.child.once('exit', (code, signal) => {
    if (stopping()) return;
    console.error(`[${member.name}] avslutades (${signal ?? `kod ${code}`}); startas om på port ${member.port}.`);
    restartLater(member, stopping, 1_000);
  });
}

/** Starts `member` after `delayMs`; while it keeps failing to start, again after twice as long (at most 30 s). */
function restartLater(member: Member, stopping: () => boolean, delayMs: number): void {
  setTimeout(() => {
    if (stopping()) return;
    startProcess(member.name, member.port, member.env).then(
      (child) => {
        member.child = child;
        // Stopped while it started: it goes too.
        if (stopping()) return void child.kill('SIGTERM');
        console.log(`[${member.name}] startad igen (pid ${child.pid}, port ${member.port}).`);
        supervise(member, stopping);
      },
      () => restartLater(member, stopping, Math.min(delayMs * 2, 30_000)),
    );
  }, delayMs);
}

/** Starts one Samplan process; resolves once it listens. Its output is shown prefixed with its name. */
function startProcess(name: string, port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...serverNodeFlags(), SERVER_MAIN], { env: { ...process.env, ...env, PORT: String(port), SAMPLAN_PROCESS: name }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const show = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        console.log(`[${name}] ${line}`);
        if (line.includes('listening on')) resolve(child);
      }
    };
    child.stdout.on('data', show);
    child.stderr.on('data', show);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const publicPort = portAt >= 0 ? Number(args[portAt + 1]) : 8780;
  ensureBuilt(args.includes('--build'));
  ensureNginx();
  const dir = mkdtempSync(join(tmpdir(), 'samplan-cluster-'));
  // nginx's workers (another user when started as root) reach their temp paths through it.
  chmodSync(dir, 0o711);
  const members: Member[] = [];
  let nginx: ChildProcess | null = null;
  let postgres: PostgresServer | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('Stoppar nginx, Samplan-processerna och PostgreSQL …');
    // Only those still running (one may be between a stop and its restart).
    const running = [nginx, ...members.map((m) => m.child)].filter((child): child is ChildProcess => child !== null && child.exitCode === null && child.signalCode === null);
    const exits = running.map((child) => new Promise((resolve) => child.once('exit', resolve)));
    for (const child of running) child.kill('SIGTERM');
    await Promise.all(exits);
    try {
      postgres?.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      process.exit(code);
    }
  };
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));
  try {
    postgres = await startPostgres();
    console.log(`PostgreSQL på 127.0.0.1:${postgres.port} (pid ${postgres.pid})`);
    members.push(...(await startMembers(postgres.url, dir)));
    const conf = join(dir, 'nginx.conf');
    writeFileSync(conf, nginxConfig(dir, publicPort, members.map((m) => m.port)));
    nginx = spawn(NGINX, ['-c', conf, '-e', join(dir, 'error.log')], { stdio: 'inherit' });
    nginx.once('exit', (code) => void stop(code ?? 1));
    for (const member of members) supervise(member, () => stopping);
    for (const m of members) console.log(`${m.name}: http://127.0.0.1:${m.port} (pid ${m.child.pid})`);
    console.log(`\nSamplan (${PROCESSES} processer bakom nginx): http://127.0.0.1:${publicPort}\nEn process som avslutas (kill -TERM <pid>) startas om på samma port.\nCtrl+C stoppar allt.`);
  } catch (error) {
    console.error(error);
    await stop(1);
  }
}

/** The Samplan processes on one database: the first runs the migrations and seeds the demo (once), the others start after it. */
async function startMembers(databaseUrl: string, dir: string): Promise<Member[]> {
  const ports = await Promise.all(Array.from({ length: PROCESSES }, () => freePort()));
  const common = { HOST: '127.0.0.1', DATABASE_URL: databaseUrl, TRUST_PROXY: 'true', DEMO_DATA: 'false' };
  const envs = ports.map((port, i) => ({ port, name: `p${i}`, env: { ...common, DATA_DIR: join(dir, `p${i}`) } }));
  const [first, ...rest] = envs;
  if (!first) throw new Error('no processes');
  const seeded = { ...first, child: await startProcess(first.name, first.port, { ...first.env, DEMO_DATA: 'true' }) };
  const others = await Promise.all(rest.map(async (m) => ({ ...m, child: await startProcess(m.name, m.port, m.env) })));
  return [seeded, ...others];
}

await main();
