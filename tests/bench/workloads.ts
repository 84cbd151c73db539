/** The workloads W1–W5 of the benchmark, run against one target at a time. */
import * as Y from 'yjs';
import { RawClient } from './raw-client.js';
import { cpuSeconds, DeliveryLog, generatorPauses, lagMonitor, rssMb, sleep, summarize, type LatencySummary } from './stats.js';
import type { Target } from './targets.js';

export interface FanoutResult {
  latency: LatencySummary;
  /**
   * The same, leaving out deliveries that were in flight while the generator itself was
   * stopped for garbage collection: those measured the generator's pause, not the server.
   */
  latencyOutsideGeneratorGc: LatencySummary;
  /** Time the generator spent in GC pauses during the workload. */
  generatorGcMs: number;
  undelivered: number;
  cpuSeconds: number;
  rssMb: number;
  rssPerRoomKb: number;
  generatorLagP99: number;
  /** CPU seconds the load generator itself used: near the workload's length, it was the bottleneck. */
  generatorCpuSeconds: number;
}

let nextMarker = 1;

interface InFlight {
  at: number;
  /** Receivers that have not seen it yet. */
  remaining: number;
  /** Index of the writing client. */
  writer: number;
}


/** Opens `perRoom` clients in each room and waits until all are synced. */
async function openRooms(target: Target, rooms: string[], perRoom: number, onMarker: (client: number, id: number, at: number) => void): Promise<RawClient[][]> {
  const groups: RawClient[][] = [];
  let index = 0;
  for (const room of rooms) {
    const group: RawClient[] = [];
    for (let i = 0; i < perRoom; i++) {
      const clientIndex = index++;
      group.push(new RawClient(await target.connectUrl(room), room, target.protocol, { onMarker: (id, at) => onMarker(clientIndex, id, at) }));
    }
    groups.push(group);
  }
  await Promise.all(groups.flat().map((c) => c.synced));
  return groups;
}

/**
 * Fan-out: in every room, writers edit on a timer; every other client must see each edit.
 * Latency is from the edit leaving the writer to the marker arriving at each receiver.
 */
export async function fanout(
  target: Target,
  options: { rooms: number; clientsPerRoom: number; writersPerRoom: number; editEveryMs: number; awarenessEveryMs: number | null; durationMs: number; awarenessWritersOnly?: boolean },
): Promise<FanoutResult> {
  const rooms = await target.rooms(options.rooms);
  // The generator is the measuring instrument, so its bookkeeping allocates little and
  // keeps less: an edit is tracked only while some receiver still awaits it.
  const inFlight = new Map<number, InFlight>();
  const deliveries = new DeliveryLog();
  let delivered = 0;
  const writerOf = new Map<RawClient, number>();
  // Per receiver, the newest marker seen from each writer: a marker at or below it is a
  // repeat (a later full-state sync carries it again), not a delivery.
  const newestSeen: Array<Map<number, number>> = [];
  const groups = await openRooms(target, rooms, options.clientsPerRoom, (client, id, at) => {
    const sent = inFlight.get(id);
    if (!sent || sent.writer === client) return; // unknown, or the echo to the writer
    const seen = (newestSeen[client] ??= new Map());
    if ((seen.get(sent.writer) ?? 0) >= id) return;
    seen.set(sent.writer, id);
    deliveries.push(sent.at, at);
    delivered++;
    if (--sent.remaining === 0) inFlight.delete(id);
  });
  groups.flat().forEach((client, index) => writerOf.set(client, index));
  const cpuBefore = cpuSeconds(target.pid);
  const generatorCpuBefore = process.cpuUsage();
  const lag = lagMonitor();
  const pauses = generatorPauses();
  const timers: NodeJS.Timeout[] = [];
  let sent = 0;
  groups.forEach((group) => {
    group.slice(0, options.writersPerRoom).forEach((writer) => {
      const start = Math.random() * options.editEveryMs;
      timers.push(
        setTimeout(() => {
          const tick = () => {
            const id = nextMarker++;
            inFlight.set(id, { at: performance.now(), remaining: group.length - 1, writer: writerOf.get(writer) ?? -1 });
            sent += group.length - 1;
            writer.edit(id);
          };
          tick();
          timers.push(setInterval(tick, options.editEveryMs));
        }, start),
      );
    });
    if (options.awarenessEveryMs !== null) {
      const speakers = options.awarenessWritersOnly ? group.slice(0, options.writersPerRoom) : group;
      speakers.forEach((client) => {
        timers.push(setTimeout(() => timers.push(setInterval(() => client.awareness(), options.awarenessEveryMs ?? 1000)), Math.random() * (options.awarenessEveryMs ?? 1000)));
      });
    }
  });
  await sleep(options.durationMs);
  timers.forEach((t) => clearTimeout(t));
  await sleep(1500); // let the last edits arrive
  const generatorLagP99 = lag.stop();
  const generatorGc = pauses.stop();
  const cpu = cpuSeconds(target.pid) - cpuBefore;
  const generatorCpu = process.cpuUsage(generatorCpuBefore);
  const rss = rssMb(target.pid);
  groups.flat().forEach((c) => c.close());
  return {
    latency: summarize(deliveries.latencies()),
    latencyOutsideGeneratorGc: summarize(deliveries.latencies(generatorGc)),
    generatorGcMs: Math.round(generatorGc.reduce((sum, [from, to]) => sum + (to - from), 0)),
    undelivered: Math.max(0, sent - delivered),
    cpuSeconds: Math.round(cpu * 100) / 100,
    rssMb: Math.round(rss),
    rssPerRoomKb: Math.round((rss * 1024) / options.rooms),
    generatorLagP99,
    generatorCpuSeconds: Math.round((generatorCpu.user + generatorCpu.system) / 1e4) / 100,
  };
}

/** W3: add rooms of 4 clients step by step until p99 > 50 ms or an edit goes undelivered. */
export async function ramp(target: Target, options: { step: number; maxRooms: number; stepMs: number }): Promise<{ sustainedClients: number; steps: Array<{ clients: number; p99: number; undelivered: number; lag: number }> }> {
  const steps: Array<{ clients: number; p99: number; undelivered: number; lag: number }> = [];
  let sustained = 0;
  for (let rooms = options.step; rooms <= options.maxRooms; rooms += options.step) {
    const result = await fanout(target, { rooms, clientsPerRoom: 4, writersPerRoom: 4, editEveryMs: 2000, awarenessEveryMs: null, durationMs: options.stepMs });
    steps.push({ clients: rooms * 4, p99: result.latency.p99, undelivered: result.undelivered, lag: result.generatorLagP99 });
    if (result.latency.p99 > 50 || result.undelivered > 0) break;
    sustained = rooms * 4;
  }
  return { sustainedClients: sustained, steps };
}

/** A stored document of about `bytes` bytes: many small entries, as a real plan has. */
function seedUpdate(bytes: number): Uint8Array {
  const doc = new Y.Doc();
  const map = doc.getMap('seed');
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
