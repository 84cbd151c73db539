/**
 * `npm test` fails when a Vitest project runs no tests or fewer than its floor
 * (scripts/test-floors.mjs, issue 15 "Test hygiene"): the check, fed made-up counts and
 * made-up test modules, as the reporter hands them over.
 */
import { describe, expect, it } from 'vitest';
import { countByProject, floorProblems, TEST_FLOORS, type CountedModule } from '../../scripts/test-floors.mjs';

const floors = { unit: 10, client: 5, integration: 3, e2e: 2 };

function fakeModule(project: string, states: string[]): CountedModule {
  return { project: { name: project }, children: { allTests: () => states.map((state) => ({ result: () => ({ state }) })) } };
}

describe('floorProblems', () => {
  it('passes when every project meets its floor', () => {
    expect(floorProblems({ unit: 10, client: 9, integration: 3, e2e: 2 }, floors)).toEqual([]);
  });

  it.each([
    ['a project with 0 tests', { unit: 10, client: 0, integration: 3, e2e: 2 }, 'client', 'ran no tests'],
    ['a project missing from the run', { unit: 10, client: 5, integration: 3 }, 'e2e', 'ran no tests'],
    ['a project below its floor', { unit: 9, client: 5, integration: 3, e2e: 2 }, 'unit', 'fewer than its floor of 10'],
  ])('fails %s, naming it', (_case, counts, project, why) => {
    const problems = floorProblems(counts, floors);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`"${project}"`);
    expect(problems[0]).toContain(why);
  });

  it('reports every project that falls short, and judges nothing when nothing ran', () => {
    expect(floorProblems({}, floors)).toHaveLength(4);
  });

  it('has a positive floor for each of the four projects', () => {
    expect(Object.keys(TEST_FLOORS).sort()).toEqual(['client', 'e2e', 'integration', 'unit']);
    for (const floor of Object.values(TEST_FLOORS)) expect(floor).toBeGreaterThan(0);
  });
});

describe('countByProject', () => {
  it('counts tests that passed or failed per project; skipped and todo tests did not run', () => {
    const modules = [
      fakeModule('unit', ['passed', 'failed', 'skipped']),
      fakeModule('unit', ['passed']),
      fakeModule('e2e', ['skipped', 'pending']),
      fakeModule('client', ['passed', 'passed']),
    ];
    expect(countByProject(modules)).toEqual({ unit: 3, client: 2 });
    // A project whose only tests were skipped ran nothing and so fails its floor.
    expect(floorProblems(countByProject(modules), { e2e: 1 })[0]).toContain('ran no tests');
  });
});
