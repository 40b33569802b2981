// @ts-check
// local/code-layering: the layers of ARCHITECTURE.md, enforced on every import.
//
//   electron/main/shell/   Electron                 the only code (with the preload and the shell's
//                                                   tests under tests/**/shell/) that imports 'electron'
//   electron/main/<svc>/   plain Node               no 'electron', no shell, other services only via their index
//   renderer/              DOM                      no Node built-ins, no native/server packages, no electron/
//   shared/                neither                  as renderer, and no renderer/ or React either
//
// Modelled on VS Code's .eslint-plugin-local/code-layering.ts: the layer is read from the
// linted file's path, and each import is checked against what that layer may reach.

import { builtinModules } from 'node:module';
import {
  createImportListener,
  isInside,
  isPackage,
  projectRelativePath,
  resolveRelative,
} from './utils.mjs';

/**
 * @typedef {import('eslint').Rule.RuleModule} RuleModule
 * @typedef {{ kind: 'shell' | 'preload' | 'main-entry' | 'renderer' | 'shared' | 'other' }
 *   | { kind: 'service', name: string }} Layer
 */

/** Native, database and crypto packages that belong to the services in electron/main. */
export const SERVER_PACKAGES = Object.freeze([
  'better-sqlite3',
  'better-sqlite3-multiple-ciphers',
  'libsodium-wrappers',
  'libsodium-wrappers-sumo',
]);

const BUILTINS = new Set(builtinModules);

/**
 * True for 'node:anything' and for the bare name of a Node built-in, including a subpath
 * such as 'fs/promises' or 'path/posix'.
 * @param {string} specifier
 * @returns {boolean}
 */
export function isNodeBuiltin(specifier) {
  if (specifier.startsWith('node:')) return true;
  if (BUILTINS.has(specifier)) return true;
  const first = specifier.split('/')[0] ?? '';
  return !specifier.startsWith('@') && BUILTINS.has(first);
}

/**
 * The layer a file belongs to, from its project-relative path.
 * @param {string} rel e.g. 'electron/main/vault/keyslots.ts'
 * @returns {Layer}
 */
export function classify(rel) {
  if (isInside(rel, 'electron/main/shell')) return { kind: 'shell' };
  // Tests of the shell (tests/unit/shell/, ...) mirror its layer: they mock 'electron' and type
  // their fakes with its types. Every other test must do without it, like the code it tests.
  if (rel.startsWith('tests/') && rel.split('/').slice(1, -1).includes('shell')) {
    return { kind: 'shell' };
  }
  if (isInside(rel, 'electron/preload')) return { kind: 'preload' };
  if (rel.startsWith('electron/main/')) {
    const parts = rel.split('/');
    // electron/main/<svc>/<file...>: a service; electron/main/<file>: the app entry.
    if (parts.length >= 4 && parts[2]) return { kind: 'service', name: parts[2] };
    return { kind: 'main-entry' };
  }
  if (isInside(rel, 'renderer')) return { kind: 'renderer' };
  if (isInside(rel, 'shared')) return { kind: 'shared' };
  return { kind: 'other' };
}

const INDEX_FILE = /^index(\.[cm]?[jt]sx?)?$/;

/** @type {RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Keep the layers of ARCHITECTURE.md apart: Electron only in the shell and preload, no Node in renderer/ or shared/, services reach each other only through their index.ts.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          root: {
            type: 'string',
            description: 'Project root; defaults to ESLint’s cwd (where eslint.config.mjs is).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      electron:
        "'{{specifier}}': only electron/main/shell/ (and the preload) may import electron. Services, the CLI, renderer/ and shared/ must run without it.",
      nodeBuiltin:
        "'{{specifier}}' is a Node built-in; {{layer}}/ must not import Node (not even types). Put the code in a service under electron/main/ and reach it through shared/ipc.",
      serverPackage:
        "'{{specifier}}' is a native/database/crypto package for the services in electron/main/; {{layer}}/ must not import it.",
      intoElectron:
        "'{{specifier}}' reaches into electron/; {{layer}}/ must not import main-process code. Go through the typed client of shared/ipc.",
      sharedToRenderer:
        "'{{specifier}}' reaches into renderer/; shared/ is imported by both sides and must not depend on the UI.",
      sharedToReact:
        "'{{specifier}}': shared/ must not import React; it holds the IPC contract, domain types and data both sides use.",
      serviceToShell:
        "'{{specifier}}' reaches into electron/main/shell/; dependencies point shell -> services, never back.",
      serviceToEntry:
        "'{{specifier}}' is the app entry (electron/main/index.ts); a service must not import it.",
      serviceInternals:
        "'{{specifier}}' reaches into the internals of the '{{other}}' service; import its public face ('../{{other}}', i.e. its index.ts) instead.",
    },
  },

  create(context) {
    const rel = projectRelativePath(context);
    if (rel === undefined) return {};
    const layer = classify(rel);

    return createImportListener(({ node, specifier, typeOnly }) => {
      /**
       * @param {string} messageId
       * @param {Record<string, string>} [extra]
       */
      const report = (messageId, extra = {}) =>
        context.report({ node, messageId, data: { specifier, ...extra } });

      const relative = specifier.startsWith('.');
      const target = relative ? resolveRelative(rel, specifier) : undefined;

      // 1. 'electron' (and 'electron/main', 'electron/renderer', ...): the shell and preload only.
      if (!relative && isPackage(specifier, 'electron')) {
        if (layer.kind !== 'shell' && layer.kind !== 'preload') report('electron');
        return;
      }

      // 2. renderer/ and shared/: no Node, no server packages, nothing from electron/.
      if (layer.kind === 'renderer' || layer.kind === 'shared') {
        const data = { layer: layer.kind };
        if (!relative && isNodeBuiltin(specifier)) return report('nodeBuiltin', data);
        if (!relative && SERVER_PACKAGES.some((p) => isPackage(specifier, p))) {
          return report('serverPackage', data);
        }
        if (target !== undefined && isInside(target, 'electron')) {
          return report('intoElectron', data);
        }
      }

      // 3. shared/ additionally: no renderer/, no React.
      if (layer.kind === 'shared') {
        if (target !== undefined && isInside(target, 'renderer')) return report('sharedToRenderer');
        if (!relative && (isPackage(specifier, 'react') || isPackage(specifier, 'react-dom'))) {
          return report('sharedToReact');
        }
      }

      // 4. A service: not the shell, not the app entry, other services only through their index.
      if (layer.kind === 'service' && target !== undefined) {
        if (isInside(target, 'electron/main/shell')) return report('serviceToShell');
        if (target === 'electron/main' || /^electron\/main\/index(\.[cm]?[jt]sx?)?$/.test(target)) {
          return report('serviceToEntry');
        }
        if (target.startsWith('electron/main/')) {
          const [other = '', ...rest] = target.slice('electron/main/'.length).split('/');
          if (other === layer.name || typeOnly) return;
          const publicFace =
            rest.length === 0 || (rest.length === 1 && INDEX_FILE.test(rest[0] ?? ''));
          if (!publicFace) report('serviceInternals', { other });
        }
      }
    });
  },
};

export default rule;
