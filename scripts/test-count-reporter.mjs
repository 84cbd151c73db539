// A Vitest reporter that writes how many tests ran in each project to the JSON file named
// by TEST_COUNTS_FILE, for scripts/test.mjs. Vitest's own JSON reporter lists files but
// not the project each belongs to.
import { writeFileSync } from 'node:fs';
import { countByProject } from './test-floors.mjs';

export default class TestCountReporter {
  onTestRunEnd(testModules) {
    const file = process.env.TEST_COUNTS_FILE;
    if (file) writeFileSync(file, JSON.stringify(countByProject(testModules)));
  }
}
