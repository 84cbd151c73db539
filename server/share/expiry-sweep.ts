/**
 * Sockets opened with a share link end when the link does (DESIGN "Share links"): a
 * revocation closes them at once (routes/share-links.ts); a link that expires while they
 * are open is found by this sweep, which closes them with 4401 like revoked ones.
 */
import type { Clock } from '../context.js';
import type { Kdb } from '../db/kysely.js';
import { systemTimer, type SweepTimer } from '../auth/session-sweep.js';
import type { LiveSockets } from '../sync/live-sockets.js';
import { shareLinkIsLive } from './store.js';

/** One pass: closes the sockets of every link that no longer opens its document; returns how many links. */
export async function sweepShareLinks(kdb: Kdb, sockets: Pick<LiveSockets, 'openShareLinks' | 'closeShareLink'>, now: number): Promise<number> {
  let ended = 0;
  for (const id of [...sockets.openShareLinks()]) {
    if (await shareLinkIsLive(kdb, id, now)) continue;
    sockets.closeShareLink(id);
    ended++;
  }
  return ended;
}

/** Runs `sweepShareLinks` every `everyMs`; runs never overlap (a slow pass is not joined by the next). */
export function startShareSweep(kdb: Kdb, sockets: LiveSockets, clock: Clock, everyMs: number, timer: SweepTimer = systemTimer): { stop(): void } {
  let running: Promise<void> | null = null;
  return timer.every(everyMs, () => {
    running ??= sweepShareLinks(kdb, sockets, clock.now())
      .then(() => undefined, (error: unknown) => console.error('Share-link sweep failed', error))
      .finally(() => (running = null));
  });
}
