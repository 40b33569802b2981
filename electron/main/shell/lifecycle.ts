/** Wires the app: lock, scheme, session, protocol, IPC, window; locks the vault on the way out. */
import { join } from 'node:path';
import { app, ipcMain, powerMonitor, session } from 'electron';
import type { BrowserWindow } from 'electron';
import type { Api, ApiOptions } from '../api';
import type { Logger } from '../log';
import { APP_INDEX_URL, APP_PARTITION, devServer, isTrustedSender } from './app-origin';
import { electronDialogs } from './dialogs';
import { bindIpc } from './ipc';
import { guardAllContents } from './navigation';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { hardenSession } from './session';
import { acquireSingleInstance } from './single-instance';
import { createSecureWindow } from './window';

export interface AppDeps {
  createApi(
    options: Pick<ApiOptions, 'vaultDir' | 'log' | 'dialogs'>,
  ): Pick<Api, 'dispatch' | 'shutdown'>;
  createLogger(logFile: string): Logger;
}

/** Returns false when another instance already runs (this one is quitting). */
export function runApp(deps: AppDeps): boolean {
  let win: BrowserWindow | null = null;
  let api: Pick<Api, 'dispatch' | 'shutdown'> | null = null;

  if (!acquireSingleInstance(app, () => win)) return false;
  // Every renderer sandboxed, whatever a window's own preferences say.
  app.enableSandbox();
  registerAppScheme();
  guardAllContents(app);

  const dev = devServer(process.env['ELECTRON_RENDERER_URL'], app.isPackaged);
  const devOrigin = dev?.origin;
  const outDir = join(app.getAppPath(), 'out');

  const lockVault = (): void => {
    try {
      api?.shutdown();
    } catch {
      // Quitting must go on even if locking reports an error; the keys live in this process only.
    }
  };

  app.on('window-all-closed', () => {
    lockVault();
    app.quit();
  });
  app.on('before-quit', lockVault);

  void app
    .whenReady()
    .then(() => {
      const userData = app.getPath('userData');
      const log = deps.createLogger(join(userData, 'logs', 'svidok.log'));
      api = deps.createApi({
        vaultDir: join(userData, 'vault'),
        log,
        dialogs: electronDialogs(() => win),
      });

      const ses = session.fromPartition(APP_PARTITION);
      hardenSession(ses, devOrigin);
      // Nothing should load in the default session; harden it too in case something ever does.
      hardenSession(session.defaultSession, devOrigin);
      handleAppProtocol(ses, join(outDir, 'renderer'));
      bindIpc(ipcMain, api.dispatch, (sender) => isTrustedSender(sender, devOrigin));

      const url = dev?.url ?? APP_INDEX_URL;
      win = createSecureWindow({
        preloadPath: join(outDir, 'preload', 'index.js'),
        url,
        devTools: !app.isPackaged,
      });
      // A crashed renderer must not leave the vault open behind a dead window: lock, then
      // reload, which shows the unlock screen.
      win.webContents.on('render-process-gone', () => {
        lockVault();
        void win?.loadURL(url).catch(() => {});
      });
      // Lid closed, machine asleep or screen locked: lock now, and reload the window so that
      // nothing of a testimony stays in the renderer behind the unlock screen.
      const lockAndClear = (): void => {
        lockVault();
        win?.webContents.reload();
      };
      powerMonitor.on('suspend', lockAndClear);
      powerMonitor.on('lock-screen', lockAndClear);
      win.on('closed', () => {
        win = null;
      });
      log.info('app.ready', { dev: dev !== null });
    })
    .catch(() => {
      // Half-started is worse than not started: no window without a hardened session.
      app.quit();
    });
  return true;
}
