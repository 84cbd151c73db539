/** Server configuration from the environment, validated once at start. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SYNC_LIMITS, type SyncLimits } from './sync/limits.js';
import { isPlainOrigin } from './http/own-origin.js';
import { loginLimitsOf, type LoginLimits } from './auth/login-limits.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * `postgres://…`: accounts and sessions live in PostgreSQL (docs/database.md; issue 21,
   * converted module by module). Unset: everything stays in SQLite in DATA_DIR.
   */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL börjar med postgres://').optional(),
  /** Set to false to close sign-up (invitations still work for existing accounts). */
  SIGNUP_OPEN: flag.default(true),
  /** Largest websocket message accepted; larger ones close the socket with 1009. */
  MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
  /** Seconds an unused room stays in memory. */
  ROOM_IDLE_SECONDS: z.coerce.number().min(0).default(30),
  /** Updates in the log before they are compacted into a snapshot. */
  COMPACT_AFTER_UPDATES: z.coerce.number().int().positive().default(500),
  /**
   * Seed a demo workspace and users (published passwords) into an empty database. Unset:
   * only when HOST is a loopback address; `true` forces it, `false` never (DESIGN "Accounts").
   */
  DEMO_DATA: flag.optional(),
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
  TRUST_PROXY: flag.default(false),
  /** Open connections per client address and seconds to send a request's headers (http/connection-cap.ts). */
  OPEN_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().default(400),
  HEADERS_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(20),
  /**
   * The origin people reach Samplan at (`https://samplan.example.se`): invitation and share
   * links name it, and cookie-carrying changes and websocket upgrades must come from it
   * (http/own-origin.ts). Unset: the request's own host (README "Configuration").
   */
  PUBLIC_ORIGIN: z.string().refine(isPlainOrigin, 'PUBLIC_ORIGIN är schema och värd, utan sökväg: https://värd[:port]').optional(),
  /** Websocket limits (DESIGN "Limits every boundary enforces"; server/sync/limits.ts). */
  MAX_QUEUED_BYTES: z.coerce.number().int().positive().default(DEFAULT_SYNC_LIMITS.maxQueuedBytes),
  SYNC_REQUESTS_PER_SECOND: z.coerce.number().positive().default(DEFAULT_SYNC_LIMITS.syncRequestsPerSecond),
  MAX_AWARENESS_BYTES: z.coerce.number().int().positive().default(DEFAULT_SYNC_LIMITS.maxAwarenessBytes),
  MAX_UPDATE_STRUCTS: z.coerce.number().int().positive().default(DEFAULT_SYNC_LIMITS.maxStructsPerUpdate),
  MAX_PENDING_STRUCTS: z.coerce.number().int().positive().default(DEFAULT_SYNC_LIMITS.maxPendingStructs),
  PENDING_MAX_SECONDS: z.coerce.number().positive().default(DEFAULT_SYNC_LIMITS.pendingMaxAgeMs / 1000),
  MAX_STATE_VECTOR_ENTRIES: z.coerce.number().int().positive().default(DEFAULT_SYNC_LIMITS.maxStateVectorEntries),
  MAX_NEW_CLIENT_IDS_PER_UPDATE: z.coerce.number().int().positive().default(DEFAULT_SYNC_LIMITS.maxNewClientIdsPerUpdate),
  CLIENT_IDS_PER_PERSON: z.coerce.number().int().positive().default(DEFAULT_SYNC_LIMITS.maxClientIdsPerPerson),
  MAX_CLIENT_IDS_PER_DOCUMENT: z.coerce.number().int().positive().default(DEFAULT_SYNC_LIMITS.maxClientIdsPerDocument),
  CONNECTIONS_PER_USER: z.coerce.number().int().positive().default(DEFAULT_SYNC_LIMITS.connectionsPerUser),
  CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().default(DEFAULT_SYNC_LIMITS.connectionsPerAddress),
  PING_INTERVAL_SECONDS: z.coerce.number().positive().default(DEFAULT_SYNC_LIMITS.pingIntervalMs / 1000),
  /** Sign-ups per client address and minute (DESIGN "Limits every boundary enforces"). */
  SIGNUPS_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Websocket tickets per client address and minute. */
  TICKETS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Unredeemed websocket tickets one user may hold; past it their oldest goes. */
  TICKETS_PER_USER: z.coerce.number().int().positive().default(100),
  /** A session ends this many days after sign-in, however much it is used (DESIGN "Accounts, sessions"). */
  SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().default(30),
  /** A session ends after this many days without a request. */
  SESSION_IDLE_DAYS: z.coerce.number().positive().default(7),
  /** SMTP server for invitation mail, e.g. `smtps://user:pass@mail.example.se:465`; unset: no mail. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'SMTP_URL ska vara en smtp:// eller smtps://-adress.' }).optional(),
  /** Sender of invitation mail, e.g. `Samplan <noreply@example.se>`. */
  MAIL_FROM: z.string().min(3).max(300).optional(),
  SAMPLAN_PROCESS: z.string().trim().min(1).max(100).optional(),
  /** Seconds a draining process keeps answering (/readyz 503, upgrades 503) before it stops listening, so balancers see it go. */
  DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(2),
  /** Seconds HTTP requests already running at shutdown may take to finish before their connections are closed. */
  SHUTDOWN_REQUEST_SECONDS: z.coerce.number().min(0).max(300).default(10),
  /** What one request may cost (DESIGN "Limits every boundary enforces"; docs/security.md "Bounded requests"). */
  EXPORT_THREADS: z.coerce.number().int().positive().default(1),
  EXPORT_QUEUE: z.coerce.number().int().min(0).default(8),
  EXPORTS_PER_USER: z.coerce.number().int().positive().default(2),
  DUPLICATES_PER_MINUTE: z.coerce.number().int().positive().default(20),
  DOCUMENTS_PER_WORKSPACE: z.coerce.number().int().positive().default(1000),
  /** What one account may make the server store (server/http/creation-budget.ts; docs/security.md "Bounded requests"). */
  WORKSPACES_PER_ACCOUNT: z.coerce.number().int().positive().default(50),
  CREATIONS_PER_HOUR: z.coerce.number().int().positive().default(300),
  HISTORY_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  ROUNDS_PER_DOCUMENT: z.coerce.number().int().positive().default(100),
  ROUNDS_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** Whole-document reads (compare, changes, a version's export, restore, a guest's export): docs/security.md "Bounded requests". */
  HEAVY_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(30),
  HEAVY_REQUESTS_AT_ONCE: z.coerce.number().int().positive().default(2),
  HEAVY_REQUESTS_QUEUE: z.coerce.number().int().min(0).default(4),
  VERSIONS_PER_MINUTE: z.coerce.number().int().positive().default(20),
  VERSIONS_PER_DOCUMENT: z.coerce.number().int().positive().default(1000),
  SHARE_LINKS_PER_MINUTE: z.coerce.number().int().positive().default(20),
}).refine((e) => (e.SMTP_URL === undefined) === (e.MAIL_FROM === undefined), {
  message: 'SMTP_URL och MAIL_FROM anges tillsammans (eller ingen av dem).',
  path: ['SMTP_URL'],
}).refine((e) => e.MAX_CLIENT_IDS_PER_DOCUMENT < e.MAX_STATE_VECTOR_ENTRIES, {
  // A document with more ids than a sync step 1 may name could be opened by nobody.
  message: 'MAX_CLIENT_IDS_PER_DOCUMENT ska vara mindre än MAX_STATE_VECTOR_ENTRIES.',
  path: ['MAX_CLIENT_IDS_PER_DOCUMENT'],
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string (DATABASE_URL), or null for SQLite in `dataDir`. */
  databaseUrl: string | null;
  signupOpen: boolean;
  maxMessageBytes: number;
  roomIdleMs: number;
  compactAfterUpdates: number;
  /** `'loopback'`: seed only when `host` is a loopback address (DEMO_DATA unset). */
  demoData: boolean | 'loopback';
  trustProxy: boolean;
  /** Open TCP connections one client address may hold (off behind TRUST_PROXY), and the header timeout (ms). */
  openConnectionsPerAddress: number;
  headersTimeoutMs: number;
  /** PUBLIC_ORIGIN as an origin (`https://host[:port]`), or null: the request's own host. */
  publicOrigin: string | null;
  /** What one socket, message and room may cost (server/sync/limits.ts). */
  sync: SyncLimits;
  signupsPerMinute: number;
  ticketsPerMinute: number;
  ticketsPerUser: number;
  /** Session lifetime (server/auth/sessions.ts): absolute and idle limits, and how often ended ones are swept, ms. */
  sessionAbsoluteMs: number;
  sessionIdleMs: number;
  sessionSweepMs: number;
  /** How often documents quiet for 10 minutes get their automatic version (server/versions/auto-versions.ts), ms. */
  versionSweepMs: number;
  /** Invitation mail goes out only when both are set (null: the coordinator copies the link). */
  smtpUrl: string | null;
  mailFrom: string | null;
  /** `X-Samplan-Process` on every answer (DESIGN "Many processes"); default `host-pid`. */
  processName: string | null;
  /** SIGTERM: ms of answering 503 on /readyz before the port closes, then ms for running requests (DESIGN "Many processes"). */
  drainMs: number;
  shutdownRequestMs: number;
  /** Where the built client is served from (null: API only). */
  clientDir: string | null;
  /** What one member's requests may cost (docs/security.md "Bounded requests"). */
  limits: RequestLimits;
  /** Whole-document work and what piles up per document (server/http/heavy-limit.ts). */
  heavy: HeavyLimits;
  /** Log-in attempts per address and account, and password hashes at once (server/auth/login-limits.ts). */
  login: LoginLimits;
};

/** Bounds of whole-document reads, versions and share links (docs/security.md "Bounded requests"). */
export interface HeavyLimits {
  /** Heavy requests per person (or share link) and minute (429), at once per process, waiting (503 `busy`). */
  perMinute: number;
  atOnce: number;
  queue: number;
  /** Versions and share links one person may create per minute (429). */
  versionsPerMinute: number;
  shareLinksPerMinute: number;
  /** Versions one document may hold; past it the oldest automatic goes, or 409 `version.limit`. */
  versionsPerDocument: number;
}

/** Per-route bounds on expensive requests; past each: 429 `rate-limited`, 503 `export.busy` or 409. */
export interface RequestLimits {
  /** Export threads running at once, and exports waiting for one (past it 503 `export.busy`). */
  exportThreads: number;
  exportQueue: number;
  /** Exports one user may have running at once (past it 429). */
  exportsPerUser: number;
  /** Duplicates per user and minute (429), documents per workspace (409 `workspace.full`). */
  duplicatesPerMinute: number;
  documentsPerWorkspace: number;
  /** Workspaces one account may coordinate (409 `workspace.limit`), creations it may store per hour (429). */
  workspacesPerAccount: number;
  creationsPerHour: number;
  /** History reads per user and minute (429). */
  historyPerMinute: number;
  /** Rounds a document may hold (409 `round.limit`), rounds one user may create per minute (429). */
  roundsPerDocument: number;
  roundsPerMinute: number;
}

/** The HEAVY_REQUESTS_* , VERSIONS_* and SHARE_LINKS_* variables as `Config.heavy`. */
function heavyOf(e: z.infer<typeof EnvSchema>): HeavyLimits {
  return {
    perMinute: e.HEAVY_REQUESTS_PER_MINUTE,
    atOnce: e.HEAVY_REQUESTS_AT_ONCE,
    queue: e.HEAVY_REQUESTS_QUEUE,
    versionsPerMinute: e.VERSIONS_PER_MINUTE,
    shareLinksPerMinute: e.SHARE_LINKS_PER_MINUTE,
    versionsPerDocument: e.VERSIONS_PER_DOCUMENT,
  };
}

/** The per-route and per-account bounds (EXPORT_*, DUPLICATES_*, …, CREATIONS_PER_HOUR) as `Config.limits`. */
function limitsOf(e: z.infer<typeof EnvSchema>): RequestLimits {
  return {
    exportThreads: e.EXPORT_THREADS,
    exportQueue: e.EXPORT_QUEUE,
    exportsPerUser: e.EXPORTS_PER_USER,
    duplicatesPerMinute: e.DUPLICATES_PER_MINUTE,
    documentsPerWorkspace: e.DOCUMENTS_PER_WORKSPACE,
    workspacesPerAccount: e.WORKSPACES_PER_ACCOUNT,
    creationsPerHour: e.CREATIONS_PER_HOUR,
    historyPerMinute: e.HISTORY_REQUESTS_PER_MINUTE,
    roundsPerDocument: e.ROUNDS_PER_DOCUMENT,
    roundsPerMinute: e.ROUNDS_PER_MINUTE,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    signupOpen: e.SIGNUP_OPEN,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    roomIdleMs: e.ROOM_IDLE_SECONDS * 1000,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    demoData: e.DEMO_DATA ?? 'loopback',
    trustProxy: e.TRUST_PROXY,
    openConnectionsPerAddress: e.OPEN_CONNECTIONS_PER_ADDRESS,
    headersTimeoutMs: e.HEADERS_TIMEOUT_SECONDS * 1000,
    publicOrigin: e.PUBLIC_ORIGIN ? new URL(e.PUBLIC_ORIGIN).origin : null,
    sync: {
      maxQueuedBytes: e.MAX_QUEUED_BYTES,
      syncRequestsPerSecond: e.SYNC_REQUESTS_PER_SECOND,
      maxAwarenessBytes: e.MAX_AWARENESS_BYTES,
      maxStructsPerUpdate: e.MAX_UPDATE_STRUCTS,
      maxPendingStructs: e.MAX_PENDING_STRUCTS,
      pendingMaxAgeMs: e.PENDING_MAX_SECONDS * 1000,
      maxStateVectorEntries: e.MAX_STATE_VECTOR_ENTRIES,
      maxNewClientIdsPerUpdate: e.MAX_NEW_CLIENT_IDS_PER_UPDATE,
      maxClientIdsPerPerson: e.CLIENT_IDS_PER_PERSON,
      maxClientIdsPerDocument: e.MAX_CLIENT_IDS_PER_DOCUMENT,
      connectionsPerUser: e.CONNECTIONS_PER_USER,
      connectionsPerAddress: e.CONNECTIONS_PER_ADDRESS,
      pingIntervalMs: e.PING_INTERVAL_SECONDS * 1000,
    },
    signupsPerMinute: e.SIGNUPS_PER_MINUTE,
    ticketsPerMinute: e.TICKETS_PER_MINUTE,
    ticketsPerUser: e.TICKETS_PER_USER,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_DAYS * DAY_MS,
    sessionIdleMs: e.SESSION_IDLE_DAYS * DAY_MS,
    sessionSweepMs: 60_000,
    versionSweepMs: 30_000,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? null,
    processName: e.SAMPLAN_PROCESS ?? null,
    drainMs: e.DRAIN_SECONDS * 1000,
    shutdownRequestMs: e.SHUTDOWN_REQUEST_SECONDS * 1000,
    clientDir: resolve('dist/client'),
    limits: limitsOf(e),
    heavy: heavyOf(e),
    login: loginLimitsOf(env),
  };
}
