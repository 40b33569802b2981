/** Hardens a session: no permissions, no requests leaving the app, no spellcheck, no downloads. */
import type { Session } from 'electron';
import { isAllowedRequestUrl } from './app-origin';

export function hardenSession(ses: Session, devOrigin?: string): void {
  // Camera, microphone, geolocation, notifications, clipboard, HID...: the app needs none.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  if (typeof ses.setDevicePermissionHandler === 'function') {
    ses.setDevicePermissionHandler(() => false);
  }

  // The renderer is local: anything else (http, ws, file, data...) is a leak or an attack.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, devOrigin) });
  });

  // Chromium's spellchecker downloads dictionaries from a Google CDN and sees every word typed.
  ses.setSpellCheckerEnabled(false);
  ses.setSpellCheckerLanguages([]);

  // A download would write outside the vault in plaintext.
  ses.on('will-download', (event) => event.preventDefault());
}
