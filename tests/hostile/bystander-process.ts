/**
 * The bystander pair in a process of its own (bystander-child.ts): the harness builds
 * and sends megabytes of attack on its own event loop, and latency timed there would
 * partly measure the harness. The parent's side: requests over Node's IPC channel.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LatencySummary } from '../bench/stats.js';

export type BystanderRequest =
  | { kind: 'phase'; name: string }
  | { kind: 'resume' }
  | { kind: 'converge'; id: number; timeoutMs: number }
  | { kind: 'summary'; id: number; phase?: string }
  | { kind: 'awareness'; id: number }
  | { kind: 'stop' };

export type BystanderReply = { id: number } & (
  | { ready: true }
  | { error: string }
  | { converged: boolean }
  | { summary: LatencySummary & { lost: number } }
  | { states: string[] }
);

export interface RemoteBystanders {
  /** Latencies of edits sent from now on are counted under `phase`. */
  phase(name: string): void;
  /** Stops editing, then waits until the reader holds exactly the writer's document. */
  converge(timeoutMs: number): Promise<boolean>;
  resume(): void;
  summary(phase?: string): Promise<LatencySummary & { lost: number }>;
  /** Awareness states the reader was sent by others, as JSON. */
  awarenessSeen(): Promise<string[]>;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./bystander-child.ts', import.meta.url));

/** Starts the pair in a child process; resolves once both are synced. */
export async function startBystanderProcess(baseUrl: string, documentId: string, writerCookie: string, readerCookie: string): Promise<RemoteBystanders> {
  const child: ChildProcess = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, HOSTILE_BYSTANDERS: JSON.stringify({ baseUrl, documentId, writerCookie, readerCookie }) },
  });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const waiting = new Map<number, (reply: BystanderReply) => void>();
  child.on('message', (reply: BystanderReply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  const ready = await new Promise<BystanderReply>((resolve, reject) => {
    waiting.set(0, resolve);
    child.once('exit', (code) => reject(new Error(`bystander process exited with ${code}`)));
  });
  if ('error' in ready) throw new Error(`bystanders could not start: ${ready.error}`);
  let serial = 0;
  const ask = (request: (id: number) => BystanderRequest) =>
    new Promise<BystanderReply>((resolve) => {
      const id = ++serial;
      waiting.set(id, resolve);
      child.send(request(id));
    });
  return {
    phase: (name) => child.send({ kind: 'phase', name }),
    resume: () => child.send({ kind: 'resume' }),
    converge: async (timeoutMs) => {
      const reply = await ask((id) => ({ kind: 'converge', id, timeoutMs }));
      return 'converged' in reply && reply.converged;
    },
    summary: async (phase) => {
      const reply = await ask((id) => ({ kind: 'summary', id, phase }));
      if (!('summary' in reply)) throw new Error('bystanders sent no summary');
      return reply.summary;
    },
    awarenessSeen: async () => {
      const reply = await ask((id) => ({ kind: 'awareness', id }));
      return 'states' in reply ? reply.states : [];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', kill);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ kind: 'stop' });
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
