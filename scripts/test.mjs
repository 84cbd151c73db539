// `npm test`'s last step: every Vitest project, then each project's test count against its
// floor (scripts/test-floors.mjs), so a project that silently runs nothing fails CI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { floorProblems } from './test-floors.mjs';

const dir = mkdtempSync(join(tmpdir(), 'samplan-test-counts-'));
const countsFile = join(dir, 'counts.json');
const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=./scripts/test-count-reporter.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, TEST_COUNTS_FILE: countsFile },
});
let counts = {};
try {
  counts = JSON.parse(readFileSync(countsFile, 'utf8'));
} catch {
  // No file: Vitest ended before any test ran; every floor then reports it.
}
rmSync(dir, { recursive: true, force: true });

const problems = floorProblems(counts);
console.log(`\nTests run per project: ${JSON.stringify(counts)}`);
for (const problem of problems) console.error(`Test floor: ${problem}`);
process.exit(vitest.status !== 0 ? (vitest.status ?? 1) : problems.length > 0 ? 1 : 0);
