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
  const children: ChildProcess[] = [];
  let postgres: PostgresServer | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('Stoppar nginx, Samplan-processerna och PostgreSQL …');
    // Only those still running: a process stopped by hand (a rolling restart) is gone already.
    const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
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
    const ports = await Promise.all(Array.from({ length: PROCESSES }, () => freePort()));
    const common = { HOST: '127.0.0.1', DATABASE_URL: postgres.url, TRUST_PROXY: 'true' };
    const [first, ...rest] = ports.map((port, i) => ({ port, name: `p${i}`, dataDir: join(dir, `p${i}`) }));
    if (!first) throw new Error('no processes');
    // The first runs the migrations and seeds the demo (once); the others start after it.
    children.push(await startProcess(first.name, first.port, { ...common, DATA_DIR: first.dataDir, DEMO_DATA: 'true' }));
    children.push(...(await Promise.all(rest.map((p) => startProcess(p.name, p.port, { ...common, DATA_DIR: p.dataDir, DEMO_DATA: 'false' })))));
    const conf = join(dir, 'nginx.conf');
    writeFileSync(conf, nginxConfig(dir, publicPort, ports));
    const nginx = spawn(NGINX, ['-c', conf, '-e', join(dir, 'error.log')], { stdio: 'inherit' });
    children.unshift(nginx);
    nginx.once('exit', (code) => void stop(code ?? 1));
    for (const child of children.slice(1)) child.once('exit', () => stopping || console.error('En Samplan-process avslutades; de andra tar över dess dokument.'));
    console.log(`\nSamplan (${PROCESSES} processer bakom nginx): http://127.0.0.1:${publicPort}\nCtrl+C stoppar allt.`);
  } catch (error) {
    console.error(error);
    await stop(1);
  }
}

await main();
