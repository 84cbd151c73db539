/**
 * The bystanders' own process (started by bystander-process.ts): their edits and their
 * latency are timed on an event loop the attackers' work never holds up. Answers the
 * parent's requests over the IPC channel.
 */
import { startBystanders } from './bystanders.js';
import type { BystanderReply, BystanderRequest } from './bystander-process.js';

const { baseUrl, documentId, writerCookie, readerCookie } = JSON.parse(process.env.HOSTILE_BYSTANDERS ?? '{}') as Record<string, string>;

const reply = (message: BystanderReply) => process.send?.(message);

startBystanders(baseUrl ?? '', documentId ?? '', writerCookie ?? '', readerCookie ?? '').then(
  (bystanders) => {
    reply({ id: 0, ready: true });
    process.on('message', async (request: BystanderRequest) => {
      switch (request.kind) {
        case 'phase':
          return bystanders.phase(request.name);
        case 'resume':
          return bystanders.resume();
        case 'converge':
          return reply({ id: request.id, converged: await bystanders.converge(request.timeoutMs) });
        case 'summary':
          return reply({ id: request.id, summary: bystanders.summary(request.phase) });
        case 'awareness':
          return reply({ id: request.id, states: bystanders.awarenessSeen() });
        case 'stop':
          bystanders.destroy();
          process.disconnect();
          return;
      }
    });
  },
  (error: unknown) => {
    reply({ id: 0, error: String(error) });
    process.exit(1);
  },
);
