/** `npm start` / `npm run dev`: Samplan from the environment's configuration. */
import { loadConfig } from './config.js';
import { startServer } from './server.js';

const server = await startServer(loadConfig());
console.log(`Samplan listening on ${server.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
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
