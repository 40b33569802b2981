/** Threat: the app starts a window before it is hardened, or leaves the vault unlocked on exit. */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE_CHANNEL } from '../../../shared/ipc';
import type { Dispatch } from '../../../electron/main/api';
import { silentLogger } from '../../../electron/main/log';
import { runApp } from '../../../electron/main/shell';
import type { AppDeps } from '../../../electron/main/shell';
import { fake, FakeBrowserWindow, FakeWebFrame, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const OK = { ok: true, value: { state: 'absent' } } as const;

function deps() {
  const dispatch = vi.fn<Dispatch>(async () => OK);
  const shutdown = vi.fn();
  const createApi = vi.fn<AppDeps['createApi']>(() => ({ dispatch, shutdown }));
  const createLogger = vi.fn<AppDeps['createLogger']>(() => silentLogger);
  return { dispatch, shutdown, createApi, createLogger };
}

function onlyWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
}

describe('app lifecycle', () => {
  beforeEach(() => {
    resetFake();
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('a second instance quits without registering anything or opening a window', async () => {
    fake.app.lockAvailable = false;
    const d = deps();
    expect(runApp(d)).toBe(false);
    await fake.app.becomeReady();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(d.createApi).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('before ready: global sandbox, privileged scheme, navigation guard; no window', () => {
    expect(runApp(deps())).toBe(true);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('on ready: hardens the session, serves app://, binds IPC, then opens the window', async () => {
    runApp(deps());
    await fake.app.becomeReady();
    expect(fake.fromPartition).toHaveBeenCalledWith('svidok');
    const ses = fake.sessions.get('svidok')!;
    expect(ses.permissionRequestHandler).not.toBeNull();
    expect(ses.permissionCheckHandler).not.toBeNull();
    expect(ses.beforeRequest).not.toBeNull();
    expect(ses.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(ses.protocolHandlers.has('app')).toBe(true);
    expect(fake.defaultSession.beforeRequest).not.toBeNull();
    expect(fake.ipcHandlers.has(IPC_INVOKE_CHANNEL)).toBe(true);

    const win = onlyWindow();
    const prefs = win.options['webPreferences'] as Record<string, unknown>;
    expect(prefs['partition']).toBe('svidok');
    expect(prefs['preload']).toBe(join(fake.app.appPath, 'out', 'preload', 'index.js'));
    expect(prefs['devTools']).toBe(true);
    expect(win.loadURL).toHaveBeenCalledWith('app://svidok/index.html');
    expect(win.setContentProtection).toHaveBeenCalledWith(true);
  });

  it('keeps the vault and the log under userData', async () => {
    const d = deps();
    runApp(d);
    await fake.app.becomeReady();
    expect(d.createLogger).toHaveBeenCalledWith(join(fake.app.userData, 'logs', 'svidok.log'));
    expect(d.createApi).toHaveBeenCalledWith({
      vaultDir: join(fake.app.userData, 'vault'),
      log: silentLogger,
      dialogs: expect.any(Object),
    });
  });

  it('chooses attachment files and export targets with OS dialogs, suggesting a safe name', async () => {
    const d = deps();
    runApp(d);
    await fake.app.becomeReady();
    const dialogs = d.createApi.mock.calls[0]![0].dialogs!;
    fake.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/x/a.jpg'] });
    expect(await dialogs.pickFilesToAttach()).toEqual(['/x/a.jpg']);
    fake.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await dialogs.pickFilesToAttach()).toEqual([]);
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/out/f.jpg' });
    expect(await dialogs.pickSaveTarget('../../\u202Eevil<x>.jpg')).toBe('/out/f.jpg');
    const suggested = (fake.showSaveDialog.mock.calls[0]!.at(-1) as { defaultPath: string })
      .defaultPath;
    expect(suggested).not.toMatch(/[/\\\u202E]/);
    expect(suggested.startsWith('.')).toBe(false);
  });

  it('opens one bundle or key file with an OS dialog, and a cancel is null', async () => {
    const d = deps();
    runApp(d);
    await fake.app.becomeReady();
    const dialogs = d.createApi.mock.calls[0]![0].dialogs!;
    fake.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/in/b.svidok.age'] });
    expect(await dialogs.pickFileToOpen('bundle')).toBe('/in/b.svidok.age');
    fake.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await dialogs.pickFileToOpen('identity')).toBeNull();
    const options = fake.showOpenDialog.mock.calls[0]!.at(-1) as { properties: string[] };
    expect(options.properties).toEqual(['openFile']); // one file, never several
  });

  it('routes IPC from the window to the API dispatcher, and refuses other senders', async () => {
    const d = deps();
    runApp(d);
    await fake.app.becomeReady();
    const handler = fake.ipcHandlers.get(IPC_INVOKE_CHANNEL)!;
    const app = new FakeWebFrame('app://svidok/index.html');
    expect(await handler({ senderFrame: app, sender: {} }, 'vault:status', {})).toEqual(OK);
    const evil = new FakeWebFrame('https://evil.example/');
    expect(await handler({ senderFrame: evil, sender: {} }, 'vault:status', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(d.dispatch).toHaveBeenCalledTimes(1);
  });

  it('locks the vault and quits when the last window closes', async () => {
    const d = deps();
    runApp(d);
    await fake.app.becomeReady();
    fake.app.emit('window-all-closed');
    expect(d.shutdown).toHaveBeenCalled();
    expect(fake.app.quit).toHaveBeenCalled();
  });

  it('locks the vault before quitting by any other route', async () => {
    const d = deps();
    runApp(d);
    await fake.app.becomeReady();
    fake.app.emit('before-quit', { preventDefault: vi.fn() });
    expect(d.shutdown).toHaveBeenCalledTimes(1);
  });

  it('locks the vault and shows the unlock screen again when the renderer crashes', async () => {
    const d = deps();
    runApp(d);
    await fake.app.becomeReady();
    const win = onlyWindow();
    expect(d.shutdown).not.toHaveBeenCalled();
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(d.shutdown).toHaveBeenCalledTimes(1);
    expect(win.loadURL).toHaveBeenCalledTimes(2);
    expect(win.loadURL).toHaveBeenLastCalledWith('app://svidok/index.html');
  });

  it.each(['suspend', 'lock-screen'])(
    'locks the vault and clears the renderer on OS %s',
    async (event) => {
      const d = deps();
      runApp(d);
      await fake.app.becomeReady();
      const win = onlyWindow();
      fake.powerMonitor.emit(event);
      expect(d.shutdown).toHaveBeenCalledTimes(1);
      expect(win.webContents.reload).toHaveBeenCalledTimes(1);
    },
  );

  it('focuses the existing window when a second instance starts', async () => {
    runApp(deps());
    await fake.app.becomeReady();
    fake.app.emit('second-instance', {}, ['svidok'], '/');
    expect(onlyWindow().focus).toHaveBeenCalled();
  });

  it('uses the loopback dev server only when unpackaged', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    runApp(deps());
    await fake.app.becomeReady();
    expect(onlyWindow().loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app, and devTools are off', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    fake.app.isPackaged = true;
    runApp(deps());
    await fake.app.becomeReady();
    const win = onlyWindow();
    expect(win.loadURL).toHaveBeenCalledWith('app://svidok/index.html');
    expect((win.options['webPreferences'] as Record<string, unknown>)['devTools']).toBe(false);
  });

  it('ignores a non-loopback ELECTRON_RENDERER_URL even unpackaged', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/');
    runApp(deps());
    await fake.app.becomeReady();
    expect(onlyWindow().loadURL).toHaveBeenCalledWith('app://svidok/index.html');
  });

  it('quits instead of opening a half-started app when setup fails', async () => {
    const d = deps();
    d.createApi.mockImplementation(() => {
      throw new Error('disk on fire');
    });
    runApp(d);
    await fake.app.becomeReady();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(fake.app.quit).toHaveBeenCalled();
  });
});
