/**
 * `npm start` / `npm run dev`: Samplan from the environment's configuration.
 *
 * SIGTERM and SIGINT are taken before anything else is loaded or started (issue 21 "Rolling
 * restart", docs/cluster.md): a signal without a handler kills the process at once, even
 * between two lines here, so a signal while the database opens, migrates or the server
 * begins to listen would leave it undrained. One that arrives during the start waits for
 * the start, then shuts down as any other (drain, rooms stored, database closed, exit 0).
 */
import type { RunningServer } from './server.js';

let markStarted: (server: RunningServer) => void = () => undefined;
/** Resolves once the server listens; a failed start ends the process below instead. */
const started = new Promise<RunningServer>((resolve) => (markStarted = resolve));
let shuttingDown = false;

/** Drains and closes the server once it has started; exits 0, or 1 when closing fails. */
function shutDown(): void {
  started.then((server) => server.close()).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Shutdown failed', error);
      process.exit(1);
    },
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // `process.on`, not `once`: wrappers (npm, a process group's signal) may send SIGTERM twice,
  // and a second one must not cut the drain short and leave the database unclosed.
  process.on(signal, () => {
    if (shuttingDown) {
      // A second Ctrl-C in a terminal still means "now".
      if (signal === 'SIGINT') process.exit(130);
      console.log(`${signal}: already shutting down`);
      return;
    }
    shuttingDown = true;
    console.log(`${signal}: shutting down…`);
    shutDown();
  });
}

console.log('Samplan startar…');
// Loaded only now, so the handlers above cover the modules' own start-up too.
const { loadConfig } = await import('./config.js');
const { startServer } = await import('./server.js');
const server = await startServer(loadConfig());
markStarted(server);
// Signalled while starting: shutDown is already closing it, so it never says it listens.
if (!shuttingDown) console.log(`Samplan listening on ${server.url}`);
