// @ts-check
// The project's own ESLint rules, loaded by eslint.config.mjs as the `local` plugin.
// Each rule lives in its own file; tests are in tests/unit/lint/.

import codeLayering from './code-layering.mjs';
import noUnsafeHtml from './no-unsafe-html.mjs';

/** @type {import('eslint').ESLint.Plugin & { rules: { 'code-layering': import('eslint').Rule.RuleModule, 'no-unsafe-html': import('eslint').Rule.RuleModule } }} */
const plugin = {
  meta: { name: 'eslint-plugin-local' },
  rules: {
    'code-layering': codeLayering,
    'no-unsafe-html': noUnsafeHtml,
  },
};

export default plugin;
