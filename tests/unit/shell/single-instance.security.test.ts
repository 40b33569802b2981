/** Threat: two processes open one vault at once (key and database state diverge). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App, BrowserWindow } from 'electron';
import { acquireSingleInstance } from '../../../electron/main/shell/single-instance';
import { fake, FakeBrowserWindow, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const app = (): App => fake.app as unknown as App;

describe('single instance', () => {
  beforeEach(() => resetFake());

  it('a second instance quits at once', () => {
    fake.app.lockAvailable = false;
    expect(acquireSingleInstance(app(), () => null)).toBe(false);
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.app.listenerCount('second-instance')).toBe(0);
  });

  it('the first instance keeps running and restores and focuses its window on a relaunch', () => {
    const win = new FakeBrowserWindow({});
    win.minimized = true;
    expect(acquireSingleInstance(app(), () => win as unknown as BrowserWindow)).toBe(true);
    expect(fake.app.quit).not.toHaveBeenCalled();
    fake.app.emit('second-instance', {}, ['svidok', '--evil-flag', 'https://evil.example'], '/');
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);
    expect(fake.openExternal).not.toHaveBeenCalled();
  });

  it('a relaunch before the window exists (or after it closed) is ignored', () => {
    expect(acquireSingleInstance(app(), () => null)).toBe(true);
    expect(() => fake.app.emit('second-instance', {}, [], '/')).not.toThrow();
  });
});
