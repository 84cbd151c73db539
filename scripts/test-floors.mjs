// How many tests each Vitest project must run, and the check `npm test` makes against it
// (scripts/test.mjs). A project whose files were renamed away, or whose include pattern
// stopped matching, used to pass with 0 tests; a floor makes that a failure. Each floor
// sits a little below the count on the day it was set (2026-11-29: unit 944, client 661,
// integration 643, e2e 128): raise it when you add tests, lower it only when you remove
// them on purpose.

/** The fewest tests each project may run. */
export const TEST_FLOORS = { unit: 900, client: 630, integration: 610, e2e: 120 };

/**
 * What is wrong with `counts` (tests that ran, per project: passed or failed, not skipped)
 * against `floors`; an empty list when every project ran at least its floor. Projects
 * without a floor are not judged.
 */
export function floorProblems(counts, floors = TEST_FLOORS) {
  const problems = [];
  for (const [project, floor] of Object.entries(floors)) {
    const ran = counts[project] ?? 0;
    if (ran === 0) problems.push(`project "${project}" ran no tests (its floor is ${floor}): were its files moved or its include pattern changed?`);
    else if (ran < floor) problems.push(`project "${project}" ran ${ran} tests, fewer than its floor of ${floor} (scripts/test-floors.mjs)`);
  }
  return problems;
}

/**
 * Tests that ran per project, from Vitest's test modules (what a reporter's
 * `onTestRunEnd` receives): a skipped or todo test did not run.
 */
export function countByProject(testModules) {
  const counts = {};
  for (const module of testModules) {
    const project = module.project.name;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed' || state === 'failed') counts[project] = (counts[project] ?? 0) + 1;
    }
  }
  return counts;
}
