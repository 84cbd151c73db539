/**
 * Ends expired sessions for good (DESIGN "Accounts, sessions"; issue 16 item 2): a socket is
 * authenticated once, at its upgrade, so a session that expires while its sockets are open
 * would otherwise keep reading and writing. Every `everyMs` the sweep deletes the sessions
 * past their absolute or idle limit and closes their sockets with 4401.
 */
import type { Sessions } from './sessions.js';

/** The timer the sweep runs on; injected so tests drive it by hand. */
export interface SweepTimer {
  every(ms: number, run: () => void): { stop(): void };
}

export const systemTimer: SweepTimer = {
  every(ms, run) {
    const handle = setInterval(run, ms);
    // The sweep alone never keeps the process alive.
    handle.unref();
    return { stop: () => clearInterval(handle) };
  },
};

/**
 * Starts the sweep; returns `sweep` (one run, awaited: for tests and shutdown) and `stop`.
 * A failed run is logged and the next one tries again; runs never overlap.
 */
export function startSessionSweep(
  sessions: Pick<Sessions, 'sweepExpired'>,
  sockets: { closeSession(sessionId: string): void },
  everyMs: number,
  timer: SweepTimer = systemTimer,
  log: (message: string, error: unknown) => void = console.error,
): { sweep(): Promise<number>; stop(): void } {
  let running: Promise<number> | null = null;
  const sweep = () =>
    (running ??= sessions
      .sweepExpired()
      .then((ended) => {
        for (const id of ended) sockets.closeSession(id);
        return ended.length;
      })
      .catch((error: unknown) => {
        log('Session sweep failed', error);
        return 0;
      })
      .finally(() => {
        running = null;
      }));
  const handle = timer.every(everyMs, () => void sweep());
  return { sweep, stop: () => handle.stop() };
}
