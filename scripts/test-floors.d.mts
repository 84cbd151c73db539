/** See test-floors.mjs. */
export const TEST_FLOORS: Record<string, number>;
export function floorProblems(counts: Record<string, number>, floors?: Record<string, number>): string[];
/** The parts of Vitest's TestModule this reads. */
export interface CountedModule {
  project: { name: string };
  children: { allTests(): Iterable<{ result(): { state: string } }> };
}
export function countByProject(testModules: readonly CountedModule[]): Record<string, number>;
