// local/code-layering fires on every import that crosses a layer of ARCHITECTURE.md the wrong way.
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import local from '../../../.eslint-plugin-local/index.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const rule = local.rules['code-layering'];

const ruleTester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    ecmaVersion: 'latest',
    sourceType: 'module',
  },
});

// A project root that is not this checkout, passed as the rule's `root` option.
const ROOT = '/home/interviewer/svidok';

type MessageId =
  | 'electron'
  | 'nodeBuiltin'
  | 'serverPackage'
  | 'intoElectron'
  | 'sharedToRenderer'
  | 'sharedToReact'
  | 'serviceToShell'
  | 'serviceToEntry'
  | 'serviceInternals';

/** A case for `code` in the file at `rel` (relative to ROOT). */
function at(rel: string, code: string) {
  return { code, filename: `${ROOT}/${rel}`, options: [{ root: ROOT }] };
}

/** An invalid case: `code` in `rel` must be reported once, with `messageId`. */
function bad(rel: string, code: string, messageId: MessageId) {
  return { ...at(rel, code), errors: [{ messageId }] };
}

const SHELL = 'electron/main/shell/window.ts';
const PRELOAD = 'electron/preload/index.ts';
const SERVICE = 'electron/main/records/record-store.ts';
const ENTRY = 'electron/main/index.ts';
const CLI = 'electron/cli/svidok.ts';
const RENDERER = 'renderer/src/App.tsx';
const SHARED = 'shared/ipc.ts';

describe('local/code-layering: electron only in the shell and the preload', () => {
  ruleTester.run('code-layering', rule, {
    valid: [
      at(SHELL, "import { BrowserWindow } from 'electron';"),
      at(SHELL, "import { ipcMain } from 'electron/main';"),
      at('electron/main/shell/menus/app-menu.ts', "import { Menu } from 'electron';"),
      at(PRELOAD, "import { contextBridge, ipcRenderer } from 'electron';"),
      at(PRELOAD, "import { contextBridge } from 'electron/renderer';"),
      at(PRELOAD, "const { contextBridge } = require('electron');"),
      // The shell's tests mock electron and type their fakes with it.
      at('tests/unit/shell/navigation.security.test.ts', "import type { App } from 'electron';"),
      at('tests/unit/shell/fake-electron.ts', "const real = await import('electron');"),
      // Packages whose names merely start with "electron" are other packages.
      at('electron.vite.config.ts', "import { defineConfig } from 'electron-vite';"),
      at(SERVICE, "import type { Configuration } from 'electron-builder';"),
      // A file outside the project root is not classified.
      { ...at(RENDERER, "import { app } from 'electron';"), filename: '/tmp/elsewhere/App.tsx' },
    ],
    invalid: [
      bad(SERVICE, "import { app } from 'electron';", 'electron'),
      bad(SERVICE, "import { ipcMain } from 'electron/main';", 'electron'),
      bad(RENDERER, "import { ipcRenderer } from 'electron';", 'electron'),
      bad(RENDERER, "import type { IpcRenderer } from 'electron';", 'electron'),
      bad(RENDERER, "type W = import('electron').BrowserWindow;", 'electron'),
      bad(SHARED, "import { app } from 'electron';", 'electron'),
      bad(ENTRY, "import { app } from 'electron';", 'electron'),
      bad(CLI, "import { app } from 'electron';", 'electron'),
      bad('tests/unit/vault.test.ts', "import { safeStorage } from 'electron';", 'electron'),
      bad('tests/unit/vault/shell.test.ts', "import type { App } from 'electron';", 'electron'),
      bad('tests/e2e/shell.spec.ts', "import { app } from 'electron';", 'electron'),
      bad('electron.vite.config.ts', "import electron from 'electron';", 'electron'),
      // Every syntactic form of a module reference.
      bad(SERVICE, "const { app } = require('electron');", 'electron'),
      bad(SERVICE, "const { app } = await import('electron');", 'electron'),
      bad(SERVICE, 'const { app } = await import(`electron`);', 'electron'),
      bad(SERVICE, "export * from 'electron';", 'electron'),
      bad(SERVICE, "export { app } from 'electron';", 'electron'),
      bad(SERVICE, "import electron = require('electron');", 'electron'),
      bad(SERVICE, "import 'electron';", 'electron'),
    ],
  });
});

describe('local/code-layering: renderer/ and shared/ run without Node', () => {
  ruleTester.run('code-layering', rule, {
    valid: [
      at(RENDERER, "import { useState } from 'react';"),
      at(RENDERER, "import { createRoot } from 'react-dom/client';"),
      at(RENDERER, "import { channels } from '../../shared/ipc';"),
      at(RENDERER, "import { Workspace } from './testimony/Workspace';"),
      at(RENDERER, "const Big = await import('./pages/Big');"),
      at(RENDERER, "import { useTranslation } from 'react-i18next';"),
      at(RENDERER, "import inter from '@fontsource/path';"),
      at(SHARED, "import { z } from 'zod';"),
      at(SHARED, "import { AppError } from './errors';"),
      at('shared/forms/v1.ts', "import type { Channel } from '../ipc';"),
      // Services, the CLI and tests are Node: built-ins and server packages are theirs.
      at(SERVICE, "import { readFileSync } from 'node:fs';"),
      at(SERVICE, "import { join } from 'path';"),
      at(
        'electron/main/vault/database.ts',
        "import Database from 'better-sqlite3-multiple-ciphers';",
      ),
      at('electron/main/vault/sodium.ts', "import sodium from 'libsodium-wrappers-sumo';"),
      at(CLI, "import { readFile } from 'node:fs/promises';"),
      at('tests/unit/vault.test.ts', "import { mkdtempSync } from 'node:fs';"),
    ],
    invalid: [
      bad(RENDERER, "import { readFileSync } from 'node:fs';", 'nodeBuiltin'),
      bad(RENDERER, "import { join } from 'path';", 'nodeBuiltin'),
      bad(RENDERER, "import { randomUUID } from 'crypto';", 'nodeBuiltin'),
      bad(RENDERER, "const { exec } = require('child_process');", 'nodeBuiltin'),
      bad(RENDERER, "import type { Buffer } from 'node:buffer';", 'nodeBuiltin'),
      bad(SHARED, "import { readFile } from 'fs/promises';", 'nodeBuiltin'),
      bad(SHARED, "import { createHash } from 'node:crypto';", 'nodeBuiltin'),
      bad(SHARED, "import { posix } from 'path/posix';", 'nodeBuiltin'),
      bad(RENDERER, "import Database from 'better-sqlite3';", 'serverPackage'),
      bad(RENDERER, "import Database from 'better-sqlite3-multiple-ciphers';", 'serverPackage'),
      bad(SHARED, "import sodium from 'libsodium-wrappers-sumo';", 'serverPackage'),
      bad(SHARED, "import sodium from 'libsodium-wrappers';", 'serverPackage'),
      bad(RENDERER, "import { Vault } from '../../electron/main/vault';", 'intoElectron'),
      bad(RENDERER, "import type { Vault } from '../../electron/main/vault';", 'intoElectron'),
      bad(RENDERER, "import type { Api } from '../../electron/preload';", 'intoElectron'),
      bad(
        'renderer/src/deep/er/Page.tsx',
        "export * from '../../../../electron/main/api';",
        'intoElectron',
      ),
      bad(SHARED, "import { VaultService } from '../electron/main/vault/index';", 'intoElectron'),
    ],
  });
});

describe('local/code-layering: shared/ depends on neither side', () => {
  ruleTester.run('code-layering', rule, {
    valid: [
      at(RENDERER, "import { jsx } from 'react/jsx-runtime';"),
      // The word "renderer" elsewhere in a path is not the renderer folder.
      at(SHARED, "import { messages } from './i18n/renderer-messages';"),
    ],
    invalid: [
      bad(SHARED, "import { App } from '../renderer/src/App';", 'sharedToRenderer'),
      bad(
        'shared/forms/v1.ts',
        "import type { Props } from '../../renderer/src/Form';",
        'sharedToRenderer',
      ),
      bad(SHARED, "import { useState } from 'react';", 'sharedToReact'),
      bad(SHARED, "import { createRoot } from 'react-dom/client';", 'sharedToReact'),
      bad(SHARED, "import { jsx } from 'react/jsx-runtime';", 'sharedToReact'),
    ],
  });
});

describe('local/code-layering: a service reaches others only through their index.ts', () => {
  ruleTester.run('code-layering', rule, {
    valid: [
      at(SERVICE, "import { VaultService } from '../vault';"),
      at(SERVICE, "import { VaultService } from '../vault/index';"),
      at(SERVICE, "import { VaultService } from '../vault/index.ts';"),
      at(SERVICE, "import { VaultService } from '../vault/';"),
      at(SERVICE, "export { VaultService } from '../vault';"),
      at(SERVICE, "const { VaultService } = await import('../vault');"),
      at(SERVICE, "import { channels } from '../../../shared/ipc';"),
      // Its own internals, also from a nested folder.
      at(SERVICE, "import { rowToRecord } from './rows';"),
      at('electron/main/vault/migrations/index.ts', "import type { Db } from '../database';"),
      at(
        'electron/main/vault/migrations/index.ts',
        "import { AppError } from '../../../../shared/errors';",
      ),
      // Type-only imports of another service's internals are erased at compile time.
      at(SERVICE, "import type { PassphraseSlot } from '../vault/header';"),
      at(SERVICE, "import { type PassphraseSlot } from '../vault/header';"),
      at(SERVICE, "export type { PassphraseSlot } from '../vault/header';"),
      at(SERVICE, "type Slot = import('../vault/header').PassphraseSlot;"),
      // The shell and the app entry sit above the services and may import them.
      at(SHELL, "import { VaultService } from '../vault';"),
      at(ENTRY, "import { createWindow } from './shell';"),
      at(ENTRY, "import { createApi } from './api';"),
      at(CLI, "import { VaultService } from '../main/vault';"),
      // A require with a computed name cannot be judged and is left alone.
      at(SERVICE, 'const m = require(name);'),
    ],
    invalid: [
      bad(SERVICE, "import { createWindow } from '../shell/window';", 'serviceToShell'),
      bad(SERVICE, "import { createWindow } from '../shell';", 'serviceToShell'),
      bad(SERVICE, "import type { WindowOptions } from '../shell/window';", 'serviceToShell'),
      bad(SERVICE, "import { main } from '../index';", 'serviceToEntry'),
      bad(SERVICE, "import { main } from '..';", 'serviceToEntry'),
      bad(SERVICE, "import { unwrapSlot } from '../vault/keyslots';", 'serviceInternals'),
      bad(SERVICE, "import { unwrapSlot } from '../vault/keyslots.ts';", 'serviceInternals'),
      bad(SERVICE, "import { migrate } from '../vault/migrations/index';", 'serviceInternals'),
      bad(SERVICE, "export { deriveKek } from '../vault/kdf';", 'serviceInternals'),
      bad(SERVICE, "const { deriveKek } = await import('../vault/kdf');", 'serviceInternals'),
      bad(SERVICE, "const { deriveKek } = require('../vault/kdf');", 'serviceInternals'),
      bad(
        'electron/main/vault/migrations/index.ts',
        "import { x } from '../../records/rows';",
        'serviceInternals',
      ),
    ],
  });
});

describe('local/code-layering: finding the project root', () => {
  const cwd = process.cwd();
  ruleTester.run('code-layering', rule, {
    valid: [
      // Without the `root` option the rule uses ESLint's cwd.
      { code: "import { app } from 'electron';", filename: join(cwd, SHELL) },
    ],
    invalid: [
      {
        code: "import { app } from 'electron';",
        filename: join(cwd, RENDERER),
        errors: [{ messageId: 'electron' }],
      },
      // A root given with a trailing slash, and a file path with backslashes (Windows).
      {
        code: "import { readFileSync } from 'node:fs';",
        filename: `${ROOT}\\renderer\\src\\App.tsx`,
        options: [{ root: `${ROOT}/` }],
        errors: [{ messageId: 'nodeBuiltin' }],
      },
    ],
  });
});
