/** Threat: the page reaches devices, the network or the disk through the session it runs in. */
import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { hardenSession } from '../../../electron/main/shell/session';
import { fake, fakeEvent, FakeSession } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const PERMISSIONS = [
  'media',
  'microphone',
  'camera',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'hid',
  'serial',
  'usb',
  'midi',
  'midiSysex',
  'openExternal',
  'pointerLock',
  'fileSystem',
  'local-fonts',
  'persistent-storage',
  'idle-detection',
  'window-management',
  'unknown',
];

function hardened(devOrigin?: string): FakeSession {
  const ses = new FakeSession('svidok');
  hardenSession(ses as unknown as Session, devOrigin);
  return ses;
}

function cancelled(ses: FakeSession, url: string): boolean {
  let response: { cancel?: boolean } | undefined;
  ses.beforeRequest!({ url }, (r) => (response = r));
  if (!response) throw new Error('callback not called');
  return response.cancel === true;
}

describe('permissions', () => {
  it.each(PERMISSIONS)('denies a request for %s', (permission) => {
    const ses = hardened();
    const callback = vi.fn();
    ses.permissionRequestHandler!({}, permission, callback, { requestingUrl: 'app://svidok/' });
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(PERMISSIONS)(
    'answers false to a check for %s, even from the app origin',
    (permission) => {
      const ses = hardened();
      expect(ses.permissionCheckHandler!({}, permission, 'app://svidok', {})).toBe(false);
    },
  );

  it('refuses every device (HID, serial, USB)', () => {
    const ses = hardened();
    for (const deviceType of ['hid', 'serial', 'usb']) {
      expect(ses.devicePermissionHandler!({ deviceType, origin: 'app://svidok' })).toBe(false);
    }
  });
});

const OUTSIDE = [
  'http://example.com/',
  'https://example.com/track.gif',
  'https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic',
  'ws://example.com/socket',
  'wss://example.com/socket',
  'file:///etc/passwd',
  'data:text/html,hi',
  'ftp://example.com/file',
  'chrome-extension://abcdefghijklmnop/script.js',
  'chrome://version',
  'devtools://devtools/bundled/inspector.html',
  'blob:https://example.com/1234',
  'app://evil/index.html',
  'http://localhost:5173/',
  'not a url',
];

describe('web requests', () => {
  it.each(OUTSIDE)('cancels %s', (url) => {
    expect(cancelled(hardened(), url)).toBe(true);
  });

  it('lets the app origin through', () => {
    const ses = hardened();
    expect(cancelled(ses, 'app://svidok/index.html')).toBe(false);
    expect(cancelled(ses, 'app://svidok/assets/app-1.js')).toBe(false);
  });

  it('in dev lets only the dev server, its HMR socket and devtools through', () => {
    const ses = hardened('http://localhost:5173');
    expect(cancelled(ses, 'http://localhost:5173/@vite/client')).toBe(false);
    expect(cancelled(ses, 'ws://localhost:5173/')).toBe(false);
    expect(cancelled(ses, 'devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(cancelled(ses, 'http://localhost:5174/')).toBe(true);
    expect(cancelled(ses, 'https://example.com/')).toBe(true);
    expect(cancelled(ses, 'ws://example.com/')).toBe(true);
  });
});

describe('leaks through Chromium features', () => {
  it('turns the spellchecker off and clears its languages (no dictionary downloads)', () => {
    const ses = hardened();
    expect(ses.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(ses.setSpellCheckerLanguages).toHaveBeenCalledWith([]);
  });

  it('cancels every download (it would land outside the vault in plaintext)', () => {
    const ses = hardened();
    const event = fakeEvent();
    ses.emit('will-download', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('never opens anything externally', () => {
    hardened();
    expect(fake.openExternal).not.toHaveBeenCalled();
  });
});
