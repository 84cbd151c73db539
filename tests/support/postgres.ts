/**
 * A throwaway PostgreSQL server for tests (docs/database.md "Tests on PostgreSQL"): Debian's
 * `postgresql` package, a fresh cluster under /tmp, listening on a free loopback port with a
 * password, fsync off. Run as root (CI), the server runs as the `postgres` user the package
 * creates. No binaries: a clear error, never a skip.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  /** `postgres://…/postgres` as the cluster's superuser; tests create their databases from it. */
  url: string;
  port: number;
  /** The postmaster's process id. */
  pid: number;
  /** Stops the server (fast shutdown) and deletes its cluster. */
  stop(): void;
}

const USER = 'samplan';

/** The directory holding initdb and pg_ctl: PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin. */
export function postgresBinDir(): string {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`)
      : [];
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error('PostgreSQL server binaries not found (initdb, pg_ctl). Install them: apt-get update && apt-get install -y postgresql (or set PG_BIN).');
  }
  return found;
}

/** A port free on 127.0.0.1 now (the OS picks it), for a server started next. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs `bin/cmd args`, as the `postgres` user when we are root (initdb refuses root). */
function run(bin: string, cmd: string, args: string[]): string {
  const asRoot = userInfo().uid === 0;
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A new cluster directory under /tmp, owned by whoever will run the server. */
function clusterDir(password: string): { dir: string; pwfile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'samplan-pg-'));
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  chmodSync(dir, 0o700);
  return { dir, pwfile };
}

/** Starts a fresh PostgreSQL on 127.0.0.1 and a free port; throws with the server's log if it cannot. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const password = randomBytes(18).toString('hex');
  const { dir, pwfile } = clusterDir(password);
  const data = join(dir, 'data');
  const log = join(dir, 'log');
  const port = await freePort();
  try {
    run(bin, 'initdb', ['-D', data, '-U', USER, '--pwfile', pwfile, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=32MB`;
    run(bin, 'pg_ctl', ['start', '-w', '-t', '30', '-D', data, '-l', log, '-o', options]);
  } catch (error) {
    const detail = existsSync(log) ? execFileSync('tail', ['-n', '20', log], { encoding: 'utf8' }) : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${detail}`);
  }
  const pid = Number(execFileSync('head', ['-n', '1', join(data, 'postmaster.pid')], { encoding: 'utf8' }).trim());
  return {
    url: `postgres://${USER}:${password}@127.0.0.1:${port}/postgres`,
    port,
    pid,
    stop() {
      try {
        run(bin, 'pg_ctl', ['stop', '-w', '-m', 'fast', '-D', data]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
