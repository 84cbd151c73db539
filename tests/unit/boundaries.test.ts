/**
 * The architecture's one hard rule (DESIGN.md): `shared/` is pure — no Node, DOM, server or
 * client code — and `server/` and `client/` never import each other.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  const full = join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(full);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(full, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(relative(ROOT, path));
    return /\.(ts|tsx)$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|crypto$|http$|https$|net$|url$|child_process$|worker_threads$|stream$|buffer$)/;
const PLATFORM_PACKAGES = /^(better-sqlite3|hono|@hono\/|ws$|solid-js|y-indexeddb|y-websocket|@solidjs\/)/;
const BROWSER_OR_NODE_GLOBALS = /\b(window|document|localStorage|indexedDB|process|Buffer|require|__dirname)\s*[.(\[]/;

describe('boundaries', () => {
  const shared = sourceFiles('shared').filter((file) => !file.endsWith('.test.ts'));

  it('finds the shared sources', () => {
    expect(shared.length).toBeGreaterThan(10);
  });

  it.each(shared)('%s uses no Node, DOM, server or client code', (file) => {
    for (const spec of importsOf(file)) {
      expect(spec, `${file} imports ${spec}`).not.toMatch(NODE_BUILTINS);
      expect(spec, `${file} imports ${spec}`).not.toMatch(PLATFORM_PACKAGES);
      expect(spec, `${file} imports ${spec}`).not.toMatch(/(^|\/)(server|client|tests)\//);
    }
    // Comments and string literals may name anything; only code is checked.
    const code = readFileSync(join(ROOT, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
      .replace(/'[^'\n]*'|"[^"\n]*"/g, "''");
    expect(code, `${file} touches a platform global`).not.toMatch(BROWSER_OR_NODE_GLOBALS);
  });

  it.each([
    ['server', 'client'],
    ['client', 'server'],
  ])('%s/ never imports %s/', (from, to) => {
    for (const file of sourceFiles(from)) {
      for (const spec of importsOf(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(new RegExp(`(^|/)${to}/`));
    }
  });
});
