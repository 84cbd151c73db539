/**
 * The server's time in this browser (DESIGN "Facilitation": every browser shows the same
 * remaining time to ±1 s even when its own clock is minutes off). A few `GET /api/time`
 * samples give the offset server − local; each sample assumes the server read its clock
 * half-way through the round trip, and the median throws out a sample delayed one way.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

/** One sample: local times (ms) when the request left and the answer came, and the server's time (ms). */
export interface ClockSample {
  sentAt: number;
  receivedAt: number;
  serverNow: number;
}

/** The offset (ms, server − local) of one sample: the server's time against the round trip's midpoint. */
export function sampleOffset(sample: ClockSample): number {
  return sample.serverNow - (sample.sentAt + sample.receivedAt) / 2;
}

/** The median offset of `samples` (ms), or null without any; an even count averages the middle two. */
export function medianOffset(samples: readonly ClockSample[]): number | null {
  if (samples.length === 0) return null;
  const offsets = samples.map(sampleOffset).sort((a, b) => a - b);
  const middle = Math.floor(offsets.length / 2);
  const upper = offsets[middle] ?? 0;
  return offsets.length % 2 === 1 ? upper : ((offsets[middle - 1] ?? upper) + upper) / 2;
}

export interface ServerClockOptions {
  /** Reads the server's time: ISO 8601 (`GET /api/time` → `{now}`). */
  fetchNow: () => Promise<string>;
  /** The local clock (ms); injected by tests. */
  localNow?: () => number;
  /** Samples per sync (default 5). */
  samples?: number;
  /** How often to sync again (ms, default 5 minutes): a laptop's clock drifts and sleeps. */
  resyncMs?: number;
}

export interface ServerClock {
  /** The server's time now (ms since the epoch); the local time until the first sync. */
  now(): number;
  /** The offset in use (ms, server − local); a signal, so views recompute after a sync. */
  offset: Accessor<number>;
  /** Samples the server again; resolves with the new offset (unchanged when every sample failed). */
  sync(): Promise<number>;
}

/** Collects `count` samples one after the other; failed requests are skipped. */
export async function collectSamples(fetchNow: () => Promise<string>, localNow: () => number, count: number): Promise<ClockSample[]> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < count; i++) {
    const sentAt = localNow();
    try {
      const serverNow = Date.parse(await fetchNow());
      if (!Number.isNaN(serverNow)) samples.push({ sentAt, receivedAt: localNow(), serverNow });
    } catch {
      // Offline or the server is away: keep the last offset, try again at the next sync.
    }
  }
  return samples;
}

/**
 * A server clock that syncs at once and every `resyncMs`. Call inside a Solid owner: the
 * periodic sync stops with it.
 */
export function createServerClock(options: ServerClockOptions): ServerClock {
  const localNow = options.localNow ?? (() => Date.now());
  const [offset, setOffset] = createSignal(0);
  const sync = async () => {
    const found = medianOffset(await collectSamples(options.fetchNow, localNow, options.samples ?? 5));
    if (found !== null) setOffset(Math.round(found));
    return offset();
  };
  void sync();
  const timer = setInterval(() => void sync(), options.resyncMs ?? 5 * 60_000);
  onCleanup(() => clearInterval(timer));
  return { now: () => localNow() + offset(), offset, sync };
}
