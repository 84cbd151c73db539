// Lint: typescript-eslint's recommended rules, plus the architecture's boundaries.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'url', 'child_process', 'stream', 'buffer'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'tests/bench/results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure: no Node APIs.' },
            { group: ['better-sqlite3', 'hono', '@hono/*', 'ws', 'solid-js', 'solid-js/*', 'y-websocket', 'y-indexeddb'], message: 'shared/ is pure: no platform packages.' },
            { group: ['**/server/**', '**/client/**', '**/tests/**'], message: 'shared/ must not import app code.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'process', 'Buffer', 'fetch'],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/client/**'], message: 'server/ never imports client/.' }] }] },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    ignores: ['client/lib/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/server/**'], message: 'client/ never imports server/.' }],
          paths: [{ name: 'zod', message: 'client/ takes z from client/lib/zod.ts (interpreted: our CSP forbids eval).' }],
        },
      ],
    },
  },
  {
    files: ['client/lib/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'client/ never imports server/.' }] }] },
  },
  {
    // Small functions and files (README, STYLE): the next person reads a function on one screen.
    // Tests are exempt: a table of cases is long by nature.
    files: ['server/**/*.{ts,tsx}', 'shared/**/*.{ts,tsx}', 'client/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Components read and write Yjs through the client/sync adapters (README, STYLE "Solid");
    // passing Y types around is fine, so type-only imports are allowed.
    files: ['client/components/**/*.{ts,tsx}', 'client/pages/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['yjs', 'y-websocket', 'y-indexeddb', 'y-protocols'].map((name) => ({
            name,
            message: 'Components use Yjs through client/sync adapters (type imports are fine).',
            allowTypeImports: true,
          })),
          patterns: [{ group: ['y-protocols/*'], message: 'Components use Yjs through client/sync adapters (type imports are fine).', allowTypeImports: true }],
        },
      ],
    },
  },
);
