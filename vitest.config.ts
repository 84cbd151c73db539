import { defineConfig } from 'vitest/config';

// Node projects stay free of vite-plugin-solid: it would resolve `ws` to its browser stub.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'tests/unit/**/*.test.ts'],
        },
      },
      {
        // Solid's browser build (reactive) without a DOM: the adapters need only signals.
        resolve: { conditions: ['browser', 'development'] },
        ssr: { resolve: { conditions: ['browser', 'development'], externalConditions: ['browser', 'development'] } },
        test: {
          name: 'client',
          environment: 'node',
          include: ['client/**/*.test.ts'],
          server: { deps: { inline: [/solid-js/] } },
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll's default 1 s is less than a page, the server and a busy CI machine
          // may take to show a change: a poll then failed by chance (a flaky test is a bug).
          expect: { poll: { timeout: 15_000 } },
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
