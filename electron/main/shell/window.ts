/** The one window factory: every window gets every hardening option, so none can forget one. */
import { BrowserWindow } from 'electron';
import type { WebPreferences } from 'electron';
import { APP_PARTITION } from './app-origin';

export interface SecureWindowOptions {
  /** Absolute path of the built preload (out/preload/index.js). */
  readonly preloadPath: string;
  /** app://svidok/index.html, or the loopback dev server when unpackaged. */
  readonly url: string;
  /** DevTools only for an unpackaged app. */
  readonly devTools: boolean;
}

export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Spellcheck sends typed words to dictionaries fetched from the network.
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools,
    // In-memory: no 'persist:' prefix, so caches and storage never reach the disk.
    partition: APP_PARTITION,
    preload: preloadPath,
  };
}

export function createSecureWindow({
  preloadPath,
  url,
  devTools,
}: SecureWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Svidok',
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 520,
    show: false,
    backgroundColor: '#f7f5f0',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath, devTools),
  });
  // Keeps testimony out of screenshots and screen sharing (not honoured by macOS 15+ capture).
  win.setContentProtection(true);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url).catch(() => {
    // A failed load leaves the window hidden and empty; nothing else to do from main.
  });
  return win;
}
