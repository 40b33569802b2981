// @ts-check
// Helpers shared by the local rules: where a linted file sits in the project, and every
// syntactic form that pulls in another module.
//
// Plain ESM with JSDoc types, so ESLint loads it without a build step.

import { posix } from 'node:path';

/**
 * @typedef {import('eslint').Rule.RuleContext} RuleContext
 * @typedef {import('eslint').Rule.RuleListener} RuleListener
 * @typedef {import('estree').Node} EsNode
 */

/**
 * A module reference found in the source.
 * @typedef {object} ImportRef
 * @property {EsNode} node the string literal naming the module (reported on)
 * @property {string} specifier its value, e.g. 'node:fs' or '../vault'
 * @property {boolean} typeOnly true when the reference is erased at compile time
 *   (`import type`, `export type`, `import { type A }`, `typeof import('x')`)
 */

/**
 * Turns backslashes into slashes and drops a trailing slash.
 * @param {string} p
 * @returns {string}
 */
export function toSlashes(p) {
  const s = p.replace(/\\/g, '/');
  return s.length > 1 && s.endsWith('/') ? s.slice(0, -1) : s;
}

/**
 * The linted file's path relative to the project root, with forward slashes
 * (e.g. 'renderer/src/App.tsx'), or undefined when the file lies outside the root.
 *
 * The root is the rule option `root` when given (tests pass a fake one), else ESLint's cwd,
 * which is the folder holding eslint.config.mjs when run through the CLI.
 * @param {RuleContext} context
 * @returns {string | undefined}
 */
export function projectRelativePath(context) {
  const option = /** @type {{ root?: unknown } | undefined} */ (context.options[0]);
  const rootOption = typeof option?.root === 'string' ? option.root : undefined;
  const root = toSlashes(rootOption ?? context.cwd);
  const file = toSlashes(context.filename);
  // Windows paths differ only in case between tools (c:\ vs C:\), so compare case-blind there.
  const caseBlind = /^[a-zA-Z]:\//.test(root);
  const rootKey = caseBlind ? root.toLowerCase() : root;
  const fileKey = caseBlind ? file.toLowerCase() : file;
  const prefix = rootKey.endsWith('/') ? rootKey : `${rootKey}/`;
  if (!fileKey.startsWith(prefix)) {
    return undefined;
  }
  return file.slice(prefix.length);
}

/**
 * Resolves a relative module specifier against the project-relative path of the importing
 * file. Returns a normalised project-relative path without a trailing slash ('electron/main/vault'),
 * which starts with '../' when it escapes the project. Query strings (`?raw`) are dropped.
 * @param {string} fromFile project-relative path of the importing file
 * @param {string} specifier a specifier starting with '.'
 * @returns {string}
 */
export function resolveRelative(fromFile, specifier) {
  const bare = specifier.replace(/[?#].*$/, '');
  return toSlashes(posix.normalize(posix.join(posix.dirname(fromFile), bare)));
}

/**
 * True when `p` is `folder` itself or lies inside it (both project-relative).
 * @param {string} p
 * @param {string} folder
 * @returns {boolean}
 */
export function isInside(p, folder) {
  return p === folder || p.startsWith(`${folder}/`);
}

/**
 * True for 'name' and any 'name/sub/path' (a package or one of its subpath exports).
 * @param {string} specifier
 * @param {string} name
 * @returns {boolean}
 */
export function isPackage(specifier, name) {
  return specifier === name || specifier.startsWith(`${name}/`);
}

/**
 * The string value of a literal or of a template literal without expressions.
 * @param {unknown} node
 * @returns {string | undefined}
 */
function staticString(node) {
  const n = /** @type {any} */ (node);
  if (!n) return undefined;
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0 && n.quasis.length === 1) {
    return n.quasis[0].value.cooked ?? undefined;
  }
  return undefined;
}

/**
 * Whether every specifier carries `type` (`import { type A, type B } from 'x'`): TypeScript
 * then erases the whole statement.
 * @param {any[]} specifiers
 * @param {'importKind' | 'exportKind'} kind
 * @returns {boolean}
 */
function allSpecifiersTypeOnly(specifiers, kind) {
  return specifiers.length > 0 && specifiers.every((s) => s[kind] === 'type');
}

/**
 * Builds a listener that calls `onImport` for every module reference in the file:
 * import/export-from declarations, dynamic `import('x')`, `require('x')`,
 * `import x = require('x')` and `typeof import('x')` types. Only static specifiers are seen.
 * @param {(ref: ImportRef) => void} onImport
 * @returns {RuleListener}
 */
export function createImportListener(onImport) {
  /**
   * @param {unknown} sourceNode
   * @param {boolean} typeOnly
   */
  const visit = (sourceNode, typeOnly) => {
    const specifier = staticString(sourceNode);
    if (specifier !== undefined) {
      onImport({ node: /** @type {EsNode} */ (sourceNode), specifier, typeOnly });
    }
  };

  // TypeScript-only node types are not in ESTree's typings, hence the casts to `any`.
  /** @type {Record<string, (node: any) => void>} */
  const listener = {
    ImportDeclaration(node) {
      visit(
        node.source,
        node.importKind === 'type' || allSpecifiersTypeOnly(node.specifiers, 'importKind'),
      );
    },
    ExportNamedDeclaration(node) {
      if (node.source) {
        visit(
          node.source,
          node.exportKind === 'type' || allSpecifiersTypeOnly(node.specifiers, 'exportKind'),
        );
      }
    },
    ExportAllDeclaration(node) {
      visit(node.source, node.exportKind === 'type');
    },
    ImportExpression(node) {
      visit(node.source, false);
    },
    CallExpression(node) {
      if (
        node.callee.type === 'Identifier' &&
        node.callee.name === 'require' &&
        node.arguments.length >= 1
      ) {
        visit(node.arguments[0], false);
      }
    },
    TSImportEqualsDeclaration(node) {
      if (node.moduleReference?.type === 'TSExternalModuleReference') {
        visit(node.moduleReference.expression, node.importKind === 'type');
      }
    },
    TSImportType(node) {
      // Recent typescript-eslint puts the literal in `source`; older versions in `argument.literal`.
      visit(node.source ?? node.argument?.literal, true);
    },
  };
  return /** @type {RuleListener} */ (listener);
}
