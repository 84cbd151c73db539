// `npm run build` (server half): compiles server/ and shared/ to JavaScript under
// dist/node/, file by file (no bundling), so a production install runs it with plain
// `node` and no devDependencies (tsx, vite). Files keep their paths, so the
// `new URL('./x.mjs', import.meta.url)` worker and data paths resolve as in the sources.
// esbuild strips types only; `npm run typecheck` is what checks them.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const SOURCES = ['server', 'shared'];
const IS_TEST = /\.test\.ts$/;

/** Every file under `dir`, as paths relative to the repository. */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative('.', join(entry.parentPath, entry.name)));
}

/** Builds into `outdir` (default dist/node); returns how many files were compiled. */
export async function buildServer(outdir = 'dist/node') {
  rmSync(outdir, { recursive: true, force: true });
  const files = SOURCES.flatMap(filesUnder);
  const entryPoints = files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !IS_TEST.test(file));
  await build({ entryPoints, outdir, outbase: '.', format: 'esm', platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning' });
  // Plain-JavaScript workers and the data the server reads at run time (the demo's sample plan).
  for (const file of files.filter((f) => f.endsWith('.mjs') || f.startsWith('shared/samples/'))) cpSync(file, join(outdir, file));
  return entryPoints.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outdir = process.argv[2] ?? 'dist/node';
  const count = await buildServer(outdir);
  console.log(`Server built: ${count} files → ${outdir}`);
}
