/** Threat: a window missing one hardening option gives the page Node or the network. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecureWindow } from '../../../electron/main/shell/window';
import { FakeBrowserWindow, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

function make(devTools = false): FakeBrowserWindow {
  createSecureWindow({
    preloadPath: '/abs/out/preload/index.js',
    url: 'app://svidok/index.html',
    devTools,
  });
  const win = FakeBrowserWindow.instances.at(-1);
  if (!win) throw new Error('no window created');
  return win;
}

function prefs(win: FakeBrowserWindow): Record<string, unknown> {
  return win.options['webPreferences'] as Record<string, unknown>;
}

describe('window factory hardening', () => {
  beforeEach(() => resetFake());

  it('isolates the preload context from the page', () => {
    expect(prefs(make()).contextIsolation).toBe(true);
  });

  it('sandboxes the renderer', () => {
    expect(prefs(make()).sandbox).toBe(true);
  });

  it('gives no Node to the page, its workers or its subframes', () => {
    const p = prefs(make());
    expect(p.nodeIntegration).toBe(false);
    expect(p.nodeIntegrationInWorker).toBe(false);
    expect(p.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses insecure content and experimental features', () => {
    const p = prefs(make());
    expect(p.webSecurity).toBe(true);
    expect(p.allowRunningInsecureContent).toBe(false);
    expect(p.experimentalFeatures).toBe(false);
    expect(p.enableBlinkFeatures).toBeUndefined();
  });

  it('disables webview, drag-and-drop navigation and spellcheck (it fetches dictionaries)', () => {
    const p = prefs(make());
    expect(p.webviewTag).toBe(false);
    expect(p.navigateOnDragDrop).toBe(false);
    expect(p.spellcheck).toBe(false);
    expect(p.safeDialogs).toBe(true);
  });

  it('uses an in-memory partition so Chromium storage never reaches the disk', () => {
    const p = prefs(make());
    expect(p.partition).toBe('svidok');
    expect(String(p.partition).startsWith('persist:')).toBe(false);
    expect(p.session).toBeUndefined();
  });

  it('loads the preload from an absolute path', () => {
    expect(prefs(make()).preload).toBe('/abs/out/preload/index.js');
  });

  it('offers devTools only when asked (unpackaged)', () => {
    expect(prefs(make(false)).devTools).toBe(false);
    expect(prefs(make(true)).devTools).toBe(true);
  });

  it('turns content protection on against screenshots and screen sharing', () => {
    expect(make().setContentProtection).toHaveBeenCalledWith(true);
  });

  it('stays hidden until ready-to-show, then shows', () => {
    const win = make();
    expect(win.options['show']).toBe(false);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('loads the given app URL and sets a title and background', () => {
    const win = make();
    expect(win.loadURL).toHaveBeenCalledWith('app://svidok/index.html');
    expect(win.options['title']).toBe('Svidok');
    expect(typeof win.options['backgroundColor']).toBe('string');
    expect(win.options['autoHideMenuBar']).toBe(true);
  });
});
