// @ts-check
// ESLint flat config. `npm run lint` runs it with --max-warnings 0, so a warning fails too.
//
// The layering of ARCHITECTURE.md is enforced by the project's own rules in .eslint-plugin-local/
// (tested in tests/unit/lint/). Type-aware linting is deliberately off: lint stays fast and
// `npm run typecheck` does the type checking.

import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import local from './.eslint-plugin-local/index.mjs';

const CODE = ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'];
// The folder of this file. The layering rule classifies files relative to it, so it holds when
// ESLint runs from a subfolder or an editor picks another working directory.
const ROOT = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig([
  globalIgnores([
    'out/',
    'dist/',
    'node_modules/',
    'test-results/',
    'playwright-report/',
    '.ci/node/',
    'tests/fixtures/',
  ]),

  {
    // Style item 9: a lint-disable comment that disables nothing is an error.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  {
    name: 'svidok/base',
    files: CODE,
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { local },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      'local/code-layering': ['error', { root: ROOT }],
      'local/no-unsafe-html': 'error',
    },
  },

  {
    name: 'svidok/node-globals',
    files: [
      'electron/**',
      'tests/**',
      '**/*.config.*',
      '**/*.cjs',
      '.eslint-plugin-local/**',
      'scripts/**',
    ],
    languageOptions: { globals: globals.node },
  },

  {
    name: 'svidok/browser-globals',
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
  },

  {
    // Hooks live in components (.tsx) and in custom hooks (often .ts).
    name: 'svidok/react-hooks',
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },

  {
    // The app logs through its logger (which keeps testimony out of logs); console.log is a
    // stray debug print. The CLI (electron/cli/) and tests may print.
    name: 'svidok/no-console',
    files: ['electron/main/**', 'electron/preload/**', 'renderer/**', 'shared/**'],
    rules: { 'no-console': ['error', { allow: ['warn', 'error'] }] },
  },
]);
