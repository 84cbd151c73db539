/** The workloads W1–W5 of the benchmark, run against one target at a time. */
import * as Y from 'yjs';
import { RawClient } from './raw-client.js';
import { ConvergenceCheck, type ConvergenceResult } from './convergence.js';
import { FanoutLoad, type RoomShape, type WindowResult } from './fanout-load.js';
import { rssMb, sleep, summarize } from './stats.js';
import type { Target } from './targets.js';

export interface FanoutResult extends WindowResult {
  /** The server's whole RSS at the end ÷ rooms: its fixed size (code, heap, threads) included. */
  rssPerRoomKb: number;
  /** What the rooms and their clients added to the server's RSS ÷ rooms (meaningful for a fresh server, as in W1). */
  rssAddedPerRoomKb: number;
  /** Real providers in a few of the rooms: did each end with every writer's last edit? (Not for references.) */
  convergence?: ConvergenceResult;
}

/**
 * Fan-out: in every room, writers edit on a timer; every other client must see each edit.
 * Latency is from the edit leaving the writer to the marker arriving at each receiver.
 */
export async function fanout(
  target: Target,
  options: RoomShape & { rooms: number; warmupMs: number; durationMs: number; checkConvergence: boolean },
): Promise<FanoutResult> {
  const load = new FanoutLoad(target);
  const rssBeforeMb = rssMb(target.pid);
  try {
    const names = await load.addRooms(options.rooms, options);
    const checked = names.slice(0, 3).map((name, i) => ({ name, raw: load.groups[i] ?? [] }));
    const check = options.checkConvergence ? await ConvergenceCheck.start(target, checked) : null;
    // The load runs a while before it is measured: a fresh server spends its first seconds
    // compiling its hot code (on one CPU that work takes turns with the event loop), and a
    // co-editing server runs for days. Cold starts are W4's and W5's business.
    await sleep(options.warmupMs);
    const window = await load.measure(options.durationMs);
    load.quiesce();
    const convergence = await check?.finish();
    return {
      ...window,
      rssPerRoomKb: Math.round((window.rssMb * 1024) / options.rooms),
      rssAddedPerRoomKb: Math.round(((window.rssMb - rssBeforeMb) * 1024) / options.rooms),
      ...(convergence ? { convergence } : {}),
    };
  } finally {
    load.stop();
  }
}

export interface RampStep {
  clients: number;
  p99: number;
  undelivered: number;
  lag: number;
  cpuSeconds: number;
}

/**
 * W3: rooms of 4 clients (each edits every 2 s) are added `step` rooms at a time to one
 * running load, and each size is measured for `stepMs`, until p99 > 50 ms or an edit goes
 * undelivered. "Sustained clients" is the last size that passed. The ramp also stops
 * where the generator's own lag p99 exceeds 5 ms: beyond it, it would measure itself.
 * `warmupMs` (optional) lets the first step run that long before it is measured.
 */
export async function ramp(
  target: Target,
  options: { step: number; maxRooms: number; stepMs: number; warmupMs?: number },
): Promise<{ sustainedClients: number; endedBy: 'p99' | 'undelivered' | 'generator' | 'cap'; lastLag: number; steps: RampStep[] }> {
  const load = new FanoutLoad(target);
  const steps: RampStep[] = [];
  let sustained = 0;
  let endedBy: 'p99' | 'undelivered' | 'generator' | 'cap' = 'cap';
  try {
    while (load.roomCount + options.step <= options.maxRooms) {
      await load.addRooms(options.step, { clientsPerRoom: 4, writersPerRoom: 4, editEveryMs: 2000, awarenessEveryMs: null });
      // `warmupMs`: the first step runs unmeasured that long (a fresh server's JIT; 0 by default).
      if (steps.length === 0 && options.warmupMs) await sleep(options.warmupMs);
      const result = await load.measure(options.stepMs);
      steps.push({ clients: load.clientCount, p99: result.latency.p99, undelivered: result.undelivered, lag: result.generatorLagP99, cpuSeconds: result.cpuSeconds });
      if (result.undelivered > 0) endedBy = 'undelivered';
      else if (result.latency.p99 > 50) endedBy = 'p99';
      else if (result.generatorLagP99 > 5) endedBy = 'generator';
      else {
        sustained = load.clientCount;
        continue;
      }
      break;
    }
  } finally {
    load.stop();
  }
  return { sustainedClients: sustained, endedBy, lastLag: steps.at(-1)?.lag ?? NaN, steps };
}

/** A stored document of about `bytes` bytes: many small entries, as a real plan has. */
function seedUpdate(bytes: number): Uint8Array {
  const doc = new Y.Doc();
  // In `session`, a root every document kind has (Samplan refuses roots its schema does not name,
  // and keys `meta` does not name; the bench user is a coordinator, who may write `session`).
  const map = doc.getMap('session');
  const entry = 'x'.repeat(90);
  doc.transact(() => {
    for (let i = 0; i * 100 < bytes; i++) map.set(`k${i}`, entry);
  });
  return Y.encodeStateAsUpdate(doc);
}

/** W4: cold load (socket open → full state received) of stored documents, one at a time and 20 at once. */
export async function coldLoad(target: Target, sizes: number[]): Promise<Record<string, { single: number; twentyP99: number }>> {
  const rooms = await target.rooms(sizes.length * 2);
  for (const [i, size] of sizes.entries()) {
    for (const room of [rooms[i * 2], rooms[i * 2 + 1]]) {
      if (!room) continue;
      const seeder = new RawClient(await target.connectUrl(room), room, target.protocol);
      await seeder.synced;
      seeder.sendUpdate(seedUpdate(size));
      await sleep(300);
      seeder.close();
    }
  }
  // Long enough for every server to have stored (Hocuspocus debounces its store).
  await sleep(target.name === 'hocuspocus' ? 12_000 : 1_000);
  await target.restart();
  const result: Record<string, { single: number; twentyP99: number }> = {};
  for (const [i, size] of sizes.entries()) {
    const single = rooms[i * 2] ?? '';
    const client = new RawClient(await target.connectUrl(single), single, target.protocol);
    await client.synced;
    const singleMs = client.syncedAt - client.openedAt;
    client.close();
    const crowdRoom = rooms[i * 2 + 1] ?? '';
    const urls = await Promise.all(Array.from({ length: 20 }, () => target.connectUrl(crowdRoom)));
    const crowd = urls.map((url) => new RawClient(url, crowdRoom, target.protocol));
    await Promise.all(crowd.map((c) => c.synced));
    const crowdTimes = summarize(crowd.map((c) => c.syncedAt - c.openedAt));
    crowd.forEach((c) => c.close());
    result[`${Math.round(size / 1024)}KB`] = { single: Math.round(singleMs * 10) / 10, twentyP99: crowdTimes.p99 };
  }
  return result;
}

/** W5: `count` connections opened within one second across 50 rooms; time to all synced. */
export async function reconnectStorm(target: Target, count: number): Promise<{ allSyncedMs: number; p99: number; failed: number }> {
  const rooms = await target.rooms(50);
  const urls: Array<{ url: string; room: string }> = [];
  for (let i = 0; i < count; i++) {
    const room = rooms[i % rooms.length] ?? '';
    urls.push({ url: await target.connectUrl(room), room });
  }
  const start = performance.now();
  const clients: RawClient[] = [];
  for (const [i, { url, room }] of urls.entries()) {
    clients.push(new RawClient(url, room, target.protocol));
    if (i % 50 === 49) await sleep(1000 / (count / 50));
  }
  const settled = await Promise.race([Promise.all(clients.map((c) => c.synced)).then(() => 'ok'), sleep(30_000).then(() => 'timeout')]);
  const synced = clients.filter((c) => c.syncedAt > 0);
  const result = {
    allSyncedMs: settled === 'ok' ? Math.round(Math.max(...synced.map((c) => c.syncedAt)) - start) : NaN,
    p99: summarize(synced.map((c) => c.syncedAt - c.openedAt)).p99,
    failed: clients.length - synced.length,
  };
  clients.forEach((c) => c.close());
  return result;
}
