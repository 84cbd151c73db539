/**
 * Issue 17 (C, item 1): no test draws from an unseeded source. Five client property tests drew
 * from Math.random, so a run could pass or fail by chance (one failed CI once) and a failure
 * could not be replayed. The class is "a test's input comes from a generator nobody can
 * replay", so this walks every test file of every project (unit, client, integration, e2e)
 * and the test support they share, and names each line that still does. Random *names*
 * (randomUUID for an id, randomBytes for a database name) are uniqueness, not input: allowed.
 * Draw from tests/support/seeded.ts instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const ROOTS = ['client', 'shared', 'server', 'tests/unit', 'tests/integration', 'tests/e2e', 'tests/support'];
/** Sources of a test's input that no seed replays. */
const UNSEEDED = [/\bMath\.random\s*\(/, /\brandomInt\s*\(/, /\bgetRandomValues\s*\(/];
/** Node's randomBytes is fine for a unique name; in a test file it is input. */
const UNSEEDED_IN_TESTS = [/\brandomBytes\s*\(/];

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (/\.(ts|tsx|mts)$/.test(name)) out.push(path);
  }
  return out;
}

function isTestCode(path: string): boolean {
  return /\.test\.tsx?$/.test(path) || path.includes(`${join('tests', 'support')}`) || path.includes(`${join('tests', 'e2e')}`);
}

/** Lines of test code that draw from an unseeded source, as `path:line: text`. */
function unseededDraws(): string[] {
  const found: string[] = [];
  for (const root of ROOTS) {
    for (const path of filesUnder(join(ROOT, root)).filter((file) => isTestCode(file) && file !== import.meta.filename)) {
      const patterns = /\.test\.tsx?$/.test(path) ? [...UNSEEDED, ...UNSEEDED_IN_TESTS] : UNSEEDED;
      readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
        if (patterns.some((pattern) => pattern.test(line))) found.push(`${relative(ROOT, path)}:${i + 1}: ${line.trim()}`);
      });
    }
  }
  return found;
}

describe('tests draw only from seeded generators', () => {
  it.each([
    ['Math.random()', true],
    ['Math.random ()', true],
    ['crypto.getRandomValues(bytes)', true],
    ['randomInt(10)', true],
    ['const next = seeded(17).next();', false],
    ['randomUUID()', false],
  ])('the scan flags %j: %s', (line, flagged) => {
    expect(UNSEEDED.some((pattern) => pattern.test(line))).toBe(flagged);
  });

  it('no test file of any project draws from Math.random, randomInt, getRandomValues or randomBytes', () => {
    expect(unseededDraws()).toEqual([]);
  });
});
