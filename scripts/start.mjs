// `npm start`: builds what is out of date (the client with vite, the server with
// scripts/build-server.mjs), then runs the built server with plain `node`. A production
// install (`npm ci --omit=dev` after `npm run build`) has no vite or esbuild: it runs the
// build it was given, and says so if that build is older than the sources beside it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serverNodeFlags } from './server-flags.mjs';

const SERVER_MAIN = 'dist/node/server/main.js';
const CLIENT_INDEX = 'dist/client/index.html';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether `built` is missing or older than any file under `sourceDirs`. */
function stale(built, sourceDirs) {
  if (!existsSync(built)) return true;
  const sources = sourceDirs.filter((dir) => existsSync(dir));
  return sources.length > 0 && Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

/** Runs `args` with node when `tool` is installed; without it, an existing build is used as it is. */
function rebuild(what, tool, args, built) {
  if (!existsSync(tool)) {
    if (existsSync(built)) return console.warn(`${what}: the sources are newer than the build, but ${tool} is not installed (npm ci --omit=dev?); running the build as it is.`);
    console.error(`${what} is not built and cannot be: run \`npm ci && npm run build\` first.`);
    process.exit(1);
  }
  console.log(`Building ${what}…`);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (stale(CLIENT_INDEX, ['client', 'shared'])) rebuild('the client', 'node_modules/vite', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], CLIENT_INDEX);
if (stale(SERVER_MAIN, ['server', 'shared'])) rebuild('the server', 'node_modules/esbuild', ['scripts/build-server.mjs'], SERVER_MAIN);

const child = spawn(process.execPath, [...serverNodeFlags(), SERVER_MAIN], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
