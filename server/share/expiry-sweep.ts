/**
 * Sockets opened with a share link end when the link does (DESIGN "Share links"): a
 * revocation closes them at once (routes/share-links.ts); a link that expires while they
 * are open is found by this sweep, which closes them with 4401 like revoked ones.
 */
import type { Clock } from '../context.js';
import type { Db } from '../db/database.js';
import { systemTimer, type SweepTimer } from '../auth/session-sweep.js';
import type { LiveSockets } from '../sync/live-sockets.js';
import { shareLinkIsLive } from './store.js';

/** One pass: closes the sockets of every link that no longer opens its document; returns how many links. */
export function sweepShareLinks(db: Db, sockets: Pick<LiveSockets, 'openShareLinks' | 'closeShareLink'>, now: number): number {
  let ended = 0;
  for (const id of sockets.openShareLinks()) {
    if (shareLinkIsLive(db, id, now)) continue;
    sockets.closeShareLink(id);
    ended++;
  }
  return ended;
}

export function startShareSweep(db: Db, sockets: LiveSockets, clock: Clock, everyMs: number, timer: SweepTimer = systemTimer): { stop(): void } {
  return timer.every(everyMs, () => {
    try {
      sweepShareLinks(db, sockets, clock.now());
    } catch (error) {
      console.error('Share-link sweep failed', error);
    }
  });
}
