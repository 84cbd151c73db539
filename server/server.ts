/**
 * Starts Samplan on a port: database, rooms, HTTP app and websocket, with graceful
 * shutdown. `main.ts` calls it with the environment's config; tests call it directly.
 */
import { ServerResponse, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { serve, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { answerClientErrors, MAX_HEADER_BYTES } from './http/client-errors.js';
import { capConnections, timeoutOptions } from './http/connection-cap.js';
import { createApp } from './app.js';
import { startSessionSweep } from './auth/session-sweep.js';
import { createSessions } from './auth/sessions.js';
import { Tickets } from './auth/tickets.js';
import { HashGate } from './auth/hash-gate.js';
import type { Config } from './config.js';
import { systemClock, type Clock, type Deps } from './context.js';
import { startCheckpointer } from './db/checkpointer.js';
import { CommitGate } from './db/commit-gate.js';
import { openDatabase, type Db } from './db/database.js';
import { openAsyncDatabase, type AsyncDatabase } from './db/kysely.js';
import { isArchived, setDocumentTitle } from './db/documents.js';
import { demoDecision, demoLoginText, seedDemo } from './demo/seed.js';
import { loginThrottleFor } from './http/login-throttle.js';
import { defaultProcessName, Readiness } from './http/readiness.js';
import { HistoryDeriver } from './history/deriver.js';
import { keyedLimiter, type RefundableLimiter } from './http/shared-limit.js';
import { withHistory } from './history/with-history.js';
import { createSqliteStore } from './sync/persistence.js';
import { createPostgresStore } from './sync/persistence-pg.js';
import { Rooms } from './sync/rooms.js';
import { serialTitleWrites } from './sync/title-writes.js';
import { LiveSockets } from './sync/live-sockets.js';
import { WorkBudget } from './sync/work-budget.js';
import { ClientIdLedger } from './sync/client-id-ledger.js';
import { attachWebsocket } from './sync/websocket.js';
import { AutoVersions } from './versions/auto-versions.js';
import { startShareSweep } from './share/expiry-sweep.js';
import { startTrashSweep } from './lifecycle/trash.js';
import { ARCHIVED } from './sync/read-only.js';
import { Cluster, advertisedAddress } from './cluster/cluster.js';
import { ClusterLiveSockets, ClusterRooms } from './cluster/cluster-publishing.js';
import { SharedTickets } from './cluster/shared-tickets.js';

export interface RunningServer {
  url: string;
  port: number;
  deps: Deps;
  /**
   * The SQLite file in DATA_DIR: the document store, field history and WAL checkpoints on
   * SQLite; not what routes use (they go through `deps.kdb`, docs/database.md). For the
   * SQLite-only checks (the WAL, `npm run backup`).
   */
  sqlite: Db;
  /** Stops accepting, closes sockets, stores every room, closes the database. */
  close(): Promise<void>;
}

/** What the server keeps running besides the HTTP app: the database's helpers, rooms and versions. */
interface Core {
  db: Db;
  /** Kysely over `db`, or over PostgreSQL when DATABASE_URL is set. */
  asyncDb: AsyncDatabase;
  checkpointer: ReturnType<typeof startCheckpointer>;
  history: HistoryDeriver;
  rooms: Rooms;
  autoVersions: AutoVersions;
  /** Many processes (DATABASE_URL set; docs/cluster.md): leases, events, routing. Null on SQLite. */
  cluster: Cluster | null;
}

async function openCore(config: Config, clock: Clock): Promise<Core> {
  const db = openDatabase(config.dataDir);
  const asyncDb = await openAsyncDatabase(config.databaseUrl, db).catch((error: unknown) => {
    db.close();
    throw error;
  });
  const commitGate = new CommitGate();
  const checkpointer = startCheckpointer(db, { gate: commitGate });
  // Per-field history, derived off the edit path; compaction derives first (docs/history.md).
  // On PostgreSQL the worker opens its own pool from the same URL (docs/database.md).
  const history = new HistoryDeriver(asyncDb.dialect === 'postgres' && config.databaseUrl ? { kdb: asyncDb.kdb, databaseUrl: config.databaseUrl } : db, { now: clock.now }).start();
  // The update log lives where DATABASE_URL says (the checkpointer's gate is SQLite's alone).
  const documentStore = asyncDb.dialect === 'postgres' ? createPostgresStore(asyncDb.kdb) : createSqliteStore(db, commitGate);
  const store = withHistory(documentStore, history);
  const cluster = config.databaseUrl && asyncDb.dialect === 'postgres' ? new Cluster(config.databaseUrl, config.processName ?? defaultProcessName()) : null;
  const roomsOptions: ConstructorParameters<typeof Rooms>[0] = {
    store,
    compactAfterUpdates: config.compactAfterUpdates,
    idleMs: config.roomIdleMs,
    now: clock.now,
    limits: config.sync,
    workBudget: new WorkBudget(),
    clientIdLedger: new ClientIdLedger(),
    onTitle: serialTitleWrites(
      (documentId, title) => setDocumentTitle(asyncDb.kdb, documentId, title, clock.now()),
      (documentId, error) => console.error(`Listing title of ${documentId} not stored`, error),
    ),
    onEdit: (documentId, at) => autoVersions.touch(documentId, at),
    readOnlyOf: async (documentId) => ((await isArchived(asyncDb.kdb, documentId)) ? ARCHIVED : null),
  };
  // One process: the rooms as they always were (no lease, nothing published).
  const rooms = cluster ? new ClusterRooms({ ...roomsOptions, lease: cluster }, (event) => cluster.publish(event)) : new Rooms(roomsOptions);
  const autoVersions = new AutoVersions({ kdb: asyncDb.kdb, rooms, clock, versionsPerDocument: config.heavy.versionsPerDocument });
  return { db, asyncDb, checkpointer, history, rooms, autoVersions, cluster };
}

/** A per-minute limit per address: in memory on SQLite (one process), shared through PostgreSQL (docs/database.md "Rate limits"). */
function addressLimiter(asyncDb: AsyncDatabase, name: string, perMinute: number, clock: Clock): RefundableLimiter {
  return keyedLimiter(asyncDb.kdb, name, perMinute, clock.now);
}

function buildDeps(config: Config, clock: Clock, { asyncDb, rooms, history, cluster }: Core): Deps {
  return {
    kdb: asyncDb.kdb,
    config,
    clock,
    sessions: createSessions(asyncDb.kdb, clock.now, { absoluteMs: config.sessionAbsoluteMs, idleMs: config.sessionIdleMs }),
    tickets: cluster ? new SharedTickets(asyncDb.kdb, undefined, config.ticketsPerUser) : new Tickets(undefined, config.ticketsPerUser),
    rooms,
    history,
    sockets: cluster ? new ClusterLiveSockets(config.sync, (event) => cluster.publish(event)) : new LiveSockets(config.sync),
    loginLimits: {
      perIp: addressLimiter(asyncDb, 'login-ip', config.login.attemptsPerAddressPerMinute, clock),
      perAccount: addressLimiter(asyncDb, 'login-pair', config.login.perAccountPerMinute, clock),
      failures: loginThrottleFor(asyncDb.kdb, clock.now),
      hashing: new HashGate({ atOnce: config.login.hashesAtOnce, queue: config.login.hashQueue }),
    },
    requestLimits: {
      signup: addressLimiter(asyncDb, 'signup', config.signupsPerMinute, clock),
      ticket: addressLimiter(asyncDb, 'ticket', config.ticketsPerMinute, clock),
    },
    readiness: new Readiness(config.processName ?? defaultProcessName()),
  };
}

/** The periodic sweeps; `stop` ends them all. */
function startSweeps(deps: Deps, autoVersions: AutoVersions): { stop(): void } {
  const { config, clock } = deps;
  // Expired sessions' sockets close with 4401 (a socket is authenticated only at its upgrade).
  const sessionSweep = startSessionSweep(deps.sessions, deps.sockets, config.sessionSweepMs);
  const versionSweep = autoVersions.start(config.versionSweepMs);
  // Guests' sockets end when their share link expires, checked as often as sessions.
  const shareSweep = startShareSweep(deps.kdb, deps.sockets, clock, config.sessionSweepMs);
  // Documents 30 days in the trash are purged for good (server/lifecycle/trash.ts).
  const trashSweep = startTrashSweep(deps, config.sessionSweepMs);
  return {
    stop() {
      sessionSweep.stop();
      versionSweep.stop();
      shareSweep.stop();
      trashSweep.stop();
    },
  };
}

/**
 * Opens the database in `config.dataDir`, seeds the demo when config says so, and listens on
 * `config.host:config.port` (0 picks a free port; the answer says which).
 */
export async function startServer(config: Config, clock: Clock = systemClock, log = console.log): Promise<RunningServer> {
  const core = await openCore(config, clock);
  const { db, checkpointer, history, rooms } = core;
  const deps = buildDeps(config, clock, core);
  const demo = demoDecision(config);
  log(demo.reason);
  if (core.asyncDb.dialect === 'postgres') log('Databas: PostgreSQL (DATABASE_URL).');
  if (demo.seed && (await seedDemo(deps))) log(demoLoginText());

  const app = createApp(deps);
  const { cluster } = core;
  // Many processes: a change of a live document another process owns is passed on to that owner (docs/cluster.md).
  const fetch = (request: Request, env: HttpBindings | Http2Bindings) =>
    cluster && env.outgoing instanceof ServerResponse ? cluster.serveRequest(env.incoming as IncomingMessage, env.outgoing, async () => app.fetch(request, env)) : app.fetch(request, env);
  const server = await new Promise<Server>((resolve) => {
    // The longest valid request line (an import's ?title=) is past Node's 16 KiB (F7).
    const s = serve({ fetch, port: config.port, hostname: config.host, serverOptions: { maxHeaderSize: MAX_HEADER_BYTES, ...timeoutOptions(config) } }, () => resolve(s as Server));
  });
  answerClientErrors(server, deps.readiness.processName);
  capConnections(server, config);
  const { port } = server.address() as AddressInfo;
  if (cluster && rooms instanceof ClusterRooms && deps.sockets instanceof ClusterLiveSockets) {
    await cluster.start(advertisedAddress(config.host, port), { rooms, sockets: deps.sockets });
  }
  const sockets = attachWebsocket(server, deps, deps.sockets, cluster ? (...args) => cluster.route(...args) : undefined);
  // Edits a stopped process noted but never versioned get their automatic version (one query).
  await core.autoVersions.recover().catch((error: unknown) => console.error('Finding unversioned edits failed', error));
  const sweeps = startSweeps(deps, core.autoVersions);

  let closing: Promise<void> | null = null;
  return {
    url: `http://${config.host}:${port}`,
    port,
    deps,
    sqlite: db,
    close: () =>
      (closing ??= (async () => {
        // Draining: /readyz answers 503 and upgrades are refused while still listening, so
        // balancers see it and move on; then no new connections, sockets closed 1012 after
        // their writes, and requests already running given time to answer (never reset).
        deps.readiness.drain();
        await sleep(config.drainMs, undefined, { ref: false });
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        sweeps.stop();
        sockets.close();
        // And the sockets passed on to other owners: those owners close them 1012.
        cluster?.drain(config.shutdownRequestMs);
        await rooms.closeAll();
        // Every room stored: the leases go, and other processes load the documents from here on.
        await cluster?.close();
        await Promise.race([stopped, sleep(config.shutdownRequestMs, undefined, { ref: false })]);
        server.closeAllConnections();
        await stopped;
        history.stop();
        await checkpointer.stop();
        await core.asyncDb.close();
        db.close();
      })()),
  };
}
