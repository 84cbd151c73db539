/** What every route gets: injected dependencies and the signed-in user. */
import type { Config } from './config.js';
import type { Kdb } from './db/kysely.js';
import type { UserRow } from './db/users.js';
import type { Sessions } from './auth/sessions.js';
import type { TicketBook } from './auth/tickets.js';
import type { LoginFailures } from './http/login-throttle.js';
import type { AddressLimiter, RefundableLimiter } from './http/shared-limit.js';
import type { HashGate } from './auth/hash-gate.js';
import type { HistoryDeriver } from './history/deriver.js';
import type { Readiness } from './http/readiness.js';
import type { Rooms } from './sync/rooms.js';
import type { LiveSockets } from './sync/live-sockets.js';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Today's date, `YYYY-MM-DD`, for deadline rules. */
  today(): string;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  today: () => new Date().toISOString().slice(0, 10),
};

export interface Deps {
  /** The async layer over SQLite or PostgreSQL (DATABASE_URL): accounts and sessions so far. */
  kdb: Kdb;
  config: Config;
  clock: Clock;
  sessions: Sessions;
  tickets: TicketBook;
  rooms: Rooms;
  /** Per-field history (docs/history.md): routes catch it up before reading it. */
  history: HistoryDeriver;
  /** Open document sockets: logout and password changes close a session's at once. */
  sockets: LiveSockets;
  /**
   * Log-in: failed attempts per client address (each attempt takes one, a right password
   * gives it back), attempts per (account, address), failures per (account, address) and
   * per address (DESIGN "Accounts": never per account alone), shared by every process on
   * PostgreSQL (docs/database.md "Rate limits across processes"); and this process's bound
   * on password hashes at once (docs/security.md "Log-in throttling").
   */
  loginLimits: { perIp: RefundableLimiter; perAccount: AddressLimiter; failures: LoginFailures; hashing: HashGate };
  /** Sign-ups and websocket tickets per client address (DESIGN "Limits every boundary enforces"). */
  requestLimits: { signup: AddressLimiter; ticket: AddressLimiter };
  /** Which process this is, and whether it still takes new work (SIGTERM drains). */
  readiness: Readiness;
}

export interface AppEnv {
  Variables: {
    user: UserRow | null;
    sessionToken: string | null;
  };
}
