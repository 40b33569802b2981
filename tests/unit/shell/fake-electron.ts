/**
 * A recording fake of the 'electron' module: the real binary cannot run here. Tests mock with
 *   vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
 * and inspect `fake` (one instance per test file); call resetFake() in beforeEach.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent<T extends object>(params?: T): FakeEvent & T {
  const event = {
    ...(params as T),
    defaultPrevented: false,
    preventDefault: vi.fn(() => {
      event.defaultPrevented = true;
    }),
  };
  return event;
}

export class FakeWebFrame {
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
  ) {}
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  mainFrame = new FakeWebFrame('app://svidok/index.html');
  setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
  reload = vi.fn();
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  minimized = false;
  destroyed = false;
  loadURL = vi.fn(async (_url: string) => {});
  setContentProtection = vi.fn((_enable: boolean) => {});
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => this.minimized);
  isDestroyed = vi.fn(() => this.destroyed);
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  origin: string,
  details: unknown,
) => boolean;
type DeviceHandler = (details: unknown) => boolean;
type BeforeRequest = (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void;
export type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: DeviceHandler | null = null;
  beforeRequest: BeforeRequest | null = null;
  readonly protocolHandlers = new Map<string, ProtocolHandler>();
  constructor(readonly partition: string) {
    super();
  }
  setPermissionRequestHandler = vi.fn((h: PermissionRequestHandler) => {
    this.permissionRequestHandler = h;
  });
  setPermissionCheckHandler = vi.fn((h: PermissionCheckHandler) => {
    this.permissionCheckHandler = h;
  });
  setDevicePermissionHandler = vi.fn((h: DeviceHandler) => {
    this.devicePermissionHandler = h;
  });
  setSpellCheckerEnabled = vi.fn((_enable: boolean) => {});
  setSpellCheckerLanguages = vi.fn((_languages: string[]) => {});
  webRequest = {
    onBeforeRequest: vi.fn((listener: BeforeRequest) => {
      this.beforeRequest = listener;
    }),
  };
  protocol = {
    handle: vi.fn((scheme: string, handler: ProtocolHandler) => {
      this.protocolHandlers.set(scheme, handler);
    }),
  };
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  lockAvailable = true;
  userData = '/tmp/svidok-fake-userdata';
  appPath = '/tmp/svidok-fake-app';
  private markReady: () => void = () => {};
  private ready = new Promise<void>((resolve) => (this.markReady = resolve));
  requestSingleInstanceLock = vi.fn(() => this.lockAvailable);
  quit = vi.fn();
  enableSandbox = vi.fn();
  getPath = vi.fn((name: string) => (name === 'userData' ? this.userData : `/tmp/fake-${name}`));
  getAppPath = vi.fn(() => this.appPath);
  whenReady = vi.fn(() => this.ready);
  commandLine = { appendSwitch: vi.fn() };
  /** Resolves whenReady() and waits for its continuations to run. */
  async becomeReady(): Promise<void> {
    this.markReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

function createFake() {
  const sessions = new Map<string, FakeSession>();
  const ipcHandlers = new Map<string, IpcHandler>();
  return {
    app: new FakeApp(),
    sessions,
    ipcHandlers,
    defaultSession: new FakeSession(''),
    fromPartition: vi.fn((partition: string) => {
      const existing = sessions.get(partition) ?? new FakeSession(partition);
      sessions.set(partition, existing);
      return existing;
    }),
    registerSchemesAsPrivileged: vi.fn((_schemes: unknown[]) => {}),
    ipcHandle: vi.fn((channel: string, handler: IpcHandler) => {
      ipcHandlers.set(channel, handler);
    }),
    exposeInMainWorld: vi.fn((_key: string, _api: unknown) => {}),
    ipcRendererInvoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined),
    openExternal: vi.fn(async (_url: string) => {}),
    powerMonitor: new EventEmitter(),
    showOpenDialog: vi.fn(
      async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({
        canceled: true,
        filePaths: [],
      }),
    ),
    showSaveDialog: vi.fn(
      async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({
        canceled: true,
      }),
    ),
  };
}

export let fake = createFake();

export function resetFake(): void {
  fake = createFake();
  FakeBrowserWindow.instances = [];
}

/** The module handed to vi.mock: getters, so resetFake() swaps what production code sees. */
export const electronModule = {
  get app() {
    return fake.app;
  },
  BrowserWindow: FakeBrowserWindow,
  session: {
    fromPartition: (partition: string) => fake.fromPartition(partition),
    get defaultSession() {
      return fake.defaultSession;
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.registerSchemesAsPrivileged(schemes),
  },
  ipcMain: { handle: (channel: string, h: IpcHandler) => fake.ipcHandle(channel, h) },
  contextBridge: { exposeInMainWorld: (k: string, api: unknown) => fake.exposeInMainWorld(k, api) },
  ipcRenderer: { invoke: (...args: unknown[]) => fake.ipcRendererInvoke(...args) },
  shell: { openExternal: (url: string) => fake.openExternal(url) },
  get powerMonitor() {
    return fake.powerMonitor;
  },
  dialog: {
    showOpenDialog: (...args: unknown[]) => fake.showOpenDialog(...args),
    showSaveDialog: (...args: unknown[]) => fake.showSaveDialog(...args),
  },
};
