// Types for TypeScript importers (the tests); the plugin itself is plain ESM with JSDoc.
import type { ESLint, Rule } from 'eslint';

declare const plugin: ESLint.Plugin & {
  rules: {
    'code-layering': Rule.RuleModule;
    'no-unsafe-html': Rule.RuleModule;
  };
};
export default plugin;
