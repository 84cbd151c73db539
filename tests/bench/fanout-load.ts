/**
 * A running fan-out load: rooms of raw clients whose writers edit on timers, to which
 * more rooms can be added while it runs, measured in windows. W1 and W2 are one load with
 * one window; W3 grows one load step by step and measures a window at each size.
 */
import { RawClient } from './raw-client.js';
import { cpuSeconds, DeliveryLog, generatorPauses, lagMonitor, rssMb, sleep, summarize, type LatencySummary } from './stats.js';
import type { Target } from './targets.js';

export interface RoomShape {
  clientsPerRoom: number;
  writersPerRoom: number;
  editEveryMs: number;
  awarenessEveryMs: number | null;
  /** Awareness from the writers only (W2: 200 readers would otherwise dominate it). */
  awarenessWritersOnly?: boolean;
}

export interface WindowResult {
  latency: LatencySummary;
  /**
   * The same, leaving out deliveries that were in flight while the generator itself was
   * stopped for garbage collection: those measured the generator's pause, not the server.
   */
  latencyOutsideGeneratorGc: LatencySummary;
  /** Time the generator spent in GC pauses during the window. */
  generatorGcMs: number;
  /** Deliveries of edits sent in the window that had not arrived a grace period after it. */
  undelivered: number;
  cpuSeconds: number;
  rssMb: number;
  generatorLagP99: number;
  /** CPU seconds the load generator itself used: near the window's length, it was the bottleneck. */
  generatorCpuSeconds: number;
}

interface InFlight {
  at: number;
  /** Receivers that have not seen it yet. */
  remaining: number;
  /** Index of the writing client. */
  writer: number;
}

/** Edits may still arrive this long after a window closes and count as delivered in it. */
const GRACE_MS = 1500;

let nextMarker = 1;

export class FanoutLoad {
  readonly groups: RawClient[][] = [];
  private readonly clients: RawClient[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  // The generator is the measuring instrument, so its bookkeeping allocates little and
  // keeps less: an edit is tracked only while some receiver still awaits it.
  private readonly inFlight = new Map<number, InFlight>();
  // Per receiver, the newest marker seen from each writer: a marker at or below it is a
  // repeat (a later full-state sync carries it again), not a delivery.
  private readonly newestSeen: Array<Map<number, number>> = [];
  /** The open window: deliveries of edits sent in [from, to) go into its log. */
  private window: { from: number; to: number; log: DeliveryLog; expected: number; delivered: number } | null = null;

  constructor(private readonly target: Target) {}

  get roomCount(): number {
    return this.groups.length;
  }

  get clientCount(): number {
    return this.clients.length;
  }

  /** Opens `rooms` new rooms of `shape`, waits until every client is synced, starts their timers. */
  async addRooms(rooms: number, shape: RoomShape): Promise<string[]> {
    const names = await this.target.rooms(rooms);
    const added: Array<{ group: RawClient[]; first: number }> = [];
    for (const room of names) {
      const first = this.clients.length;
      const group: RawClient[] = [];
      for (let i = 0; i < shape.clientsPerRoom; i++) {
        const index = this.clients.length;
        const client = new RawClient(await this.target.connectUrl(room), room, this.target.protocol, { onMarker: (id, at) => this.onMarker(index, id, at) });
        this.clients.push(client);
        group.push(client);
      }
      added.push({ group, first });
    }
    await Promise.all(added.flatMap(({ group }) => group.map((c) => c.synced)));
    for (const { group, first } of added) {
      this.groups.push(group);
      this.startTimers(group, first, shape);
    }
    return names;
  }

  /** `first` is the index of the group's first client: a room's clients are numbered in a row. */
  private startTimers(group: RawClient[], first: number, shape: RoomShape): void {
    group.slice(0, shape.writersPerRoom).forEach((writer, position) => {
      const writerIndex = first + position;
      const tick = () => {
        const id = nextMarker++;
        const at = performance.now();
        this.inFlight.set(id, { at, remaining: group.length - 1, writer: writerIndex });
        if (this.window && at >= this.window.from && at < this.window.to) this.window.expected += group.length - 1;
        writer.edit(id);
      };
      // Writers start at random points of the interval, so edits do not come in bursts.
      this.timers.push(
        setTimeout(() => {
          tick();
          this.timers.push(setInterval(tick, shape.editEveryMs));
        }, Math.random() * shape.editEveryMs),
      );
    });
    const every = shape.awarenessEveryMs;
    if (every !== null) {
      const speakers = shape.awarenessWritersOnly ? group.slice(0, shape.writersPerRoom) : group;
      for (const client of speakers) {
        this.timers.push(setTimeout(() => this.timers.push(setInterval(() => client.awareness(), every)), Math.random() * every));
      }
    }
  }

  private onMarker(client: number, id: number, at: number): void {
    const sent = this.inFlight.get(id);
    if (!sent || sent.writer === client) return; // unknown, or the echo to the writer
    const seen = (this.newestSeen[client] ??= new Map());
    if ((seen.get(sent.writer) ?? 0) >= id) return;
    seen.set(sent.writer, id);
    const window = this.window;
    if (window && sent.at >= window.from && sent.at < window.to) {
      window.log.push(sent.at, at);
      window.delivered++;
    }
    if (--sent.remaining === 0) this.inFlight.delete(id);
  }

  /**
   * Measures the load as it runs for `durationMs`: fan-out latency of the edits sent in
   * that time (awaited for a grace period after it), server CPU, generator health.
   */
  async measure(durationMs: number): Promise<WindowResult> {
    const from = performance.now();
    const window = { from, to: from + durationMs, log: new DeliveryLog(), expected: 0, delivered: 0 };
    this.window = window;
    const cpuBefore = this.serverCpuSeconds();
    const generatorCpuBefore = process.cpuUsage();
    const lag = lagMonitor();
    const pauses = generatorPauses();
    await sleep(durationMs);
    const cpu = this.serverCpuSeconds() - cpuBefore;
    const generatorCpu = process.cpuUsage(generatorCpuBefore);
    await sleep(GRACE_MS); // let the window's last edits arrive
    const generatorLagP99 = lag.stop();
    const generatorGc = pauses.stop();
    this.window = null;
    this.forgetOlderThan(window.to);
    return {
      latency: summarize(window.log.latencies()),
      latencyOutsideGeneratorGc: summarize(window.log.latencies(generatorGc)),
      generatorGcMs: Math.round(generatorGc.reduce((sum, [start, end]) => sum + (end - start), 0)),
      undelivered: Math.max(0, window.expected - window.delivered),
      cpuSeconds: Math.round(cpu * 100) / 100,
      rssMb: Math.round(this.pids().reduce((sum, pid) => sum + rssMb(pid), 0) * 10) / 10,
      generatorLagP99,
      generatorCpuSeconds: Math.round((generatorCpu.user + generatorCpu.system) / 1e4) / 100,
    };
  }

  /** The server's processes: one, or a cluster's several. */
  private pids(): number[] {
    return this.target.pids ?? [this.target.pid];
  }

  /** CPU seconds all of the server's processes have used so far. */
  private serverCpuSeconds(): number {
    return this.pids().reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  }

  /** Edits still awaited long after they were sent are undelivered; the map need not keep them. */
  private forgetOlderThan(time: number): void {
    for (const [id, edit] of this.inFlight) if (edit.at < time - GRACE_MS) this.inFlight.delete(id);
  }

  /** Stops every edit and awareness timer; the clients stay connected. */
  quiesce(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.length = 0;
  }

  stop(): void {
    this.quiesce();
    this.clients.forEach((c) => c.close());
  }
}
