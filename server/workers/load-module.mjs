// How a worker thread loads the TypeScript module it runs. A built server (`npm run build`,
// scripts/build-server.mjs) has compiled `.js` beside the worker: import that, with plain
// Node and no devDependencies. From the sources (tests, `npm run dev`) there is only `.ts`:
// load it through tsx's own API, imported only then, so a production install without
// devDependencies never needs tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The module `./<name>.js` (built) or `./<name>.ts` (sources) next to `base`
 * (the worker's `import.meta.url`).
 */
export async function loadSibling(name, base) {
  const built = new URL(`./${name}.js`, base);
  if (existsSync(fileURLToPath(built))) return import(built.href);
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(`./${name}.ts`, base);
}
