/**
 * Playwright fixtures: a fresh rig per test (temp folder, real vault, real services, loopback
 * host) and a Chromium whose profile lives inside that temp folder, so tests can prove nothing
 * of a testimony reached any of it.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, chromium } from '@playwright/test';
import { createApi } from '../../../electron/main/api';
import type { Api } from '../../../electron/main/api';
import { createLogger, fileSink } from '../../../electron/main/log';
import { KDF_FLOOR } from '../../../electron/main/vault';
import { installBridge } from './bridge';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { RENDERER_DIR } from './global-setup';
import { startLoopbackHost } from './loopback-host';

export interface Rig {
  readonly url: string;
  /** The bearer token the injected bridge sends. */
  readonly token: string;
  /** The temp folder of this test: vault, logs and the Chromium profile all live here. */
  readonly root: string;
  /** When the rig began, before Chromium or the vault existed (ms since the epoch). */
  readonly startedAt: number;
  readonly vaultDir: string;
  readonly logDir: string;
  readonly api: Api;
  /** Every URL the page requested. */
  readonly requests: string[];
  /** What the "attach files" dialog answers next; a test fills it before clicking. */
  readonly filesToPick: string[];
  /**
   * Folders the next "save as" dialogs answer with, one per dialog, keeping the suggested file
   * name; none left answers "cancelled". Keep them outside `root` (exports are meant to leave).
   */
  readonly saveTargets: string[];
  /**
   * Files the next "open" dialogs answer with, one per dialog, in order: `bundle:open` asks for
   * the bundle, then the recipient's age key file. None left answers "cancelled".
   */
  readonly openTargets: string[];
}

export const test = base.extend<{ rig: Rig; uiLocale: string }>({
  uiLocale: ['uk-UA', { option: true }],

  // eslint-disable-next-line no-empty-pattern
  rig: async ({}, use) => {
    // A second early, so that coarse file-system clocks cannot date a file before it.
    const startedAt = Date.now() - 1000;
    const root = mkdtempSync(join(tmpdir(), 'svidok-e2e-'));
    const vaultDir = join(root, 'vault');
    const logDir = join(root, 'logs');
    mkdirSync(logDir, { recursive: true });
    const log = createLogger(fileSink(join(logDir, 'svidok.log')));
    // The KDF floor keeps the suite quick; it is still real Argon2id.
    const filesToPick: string[] = [];
    const saveTargets: string[] = [];
    const openTargets: string[] = [];
    const api = createApi({
      vaultDir,
      log,
      vault: { kdf: KDF_FLOOR },
      // Exports go only where a test sends them, never into the run's folder by default.
      dialogs: {
        pickFilesToAttach: async () => filesToPick.splice(0),
        pickSaveTarget: async (fileName) => {
          const folder = saveTargets.shift();
          return folder === undefined ? null : join(folder, fileName);
        },
        pickFileToOpen: async () => openTargets.shift() ?? null,
      },
    });
    const host = await startLoopbackHost({ dispatch: api.dispatch, rendererDir: RENDERER_DIR });
    await use({
      url: host.url,
      token: host.token,
      root,
      startedAt,
      vaultDir,
      logDir,
      api,
      requests: [],
      filesToPick,
      saveTargets,
      openTargets,
    });
    await host.close();
    api.shutdown();
    rmSync(root, { recursive: true, force: true });
  },

  context: async ({ rig, uiLocale }, use) => {
    const context = await chromium.launchPersistentContext(join(rig.root, 'chromium-profile'), {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
      headless: true,
      locale: uiLocale,
      viewport: { width: 1280, height: 820 },
    });
    await context.addInitScript(installBridge, rig.token);
    context.on('request', (request) => rig.requests.push(request.url()));
    context.on('console', (message) => {
      appendFileSync(
        join(rig.logDir, 'browser-console.log'),
        `${message.type()} ${message.text()}\n`,
      );
    });
    await use(context);
    await context.close();
  },

  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
});

export { expect } from '@playwright/test';
