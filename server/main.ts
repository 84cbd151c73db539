/** `npm start` / `npm run dev`: Samplan from the environment's configuration. */
import { loadConfig } from './config.js';
import { startServer } from './server.js';

const server = await startServer(loadConfig());
console.log(`Samplan listening on ${server.url}`);

let shuttingDown = false;
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
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed', error);
        process.exit(1);
      },
    );
  });
}
