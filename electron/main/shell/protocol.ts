/** The app:// scheme: declared privileged before ready, then served on the app's own session. */
import { protocol } from 'electron';
import type { Session } from 'electron';
import { createAppFileHandler } from './app-files';
import { APP_SCHEME } from './app-origin';

/**
 * Must run before 'ready'. standard: relative URLs and a real origin; secure: treated like https.
 * Deliberately not bypassCSP, corsEnabled, allowServiceWorkers or codeCache.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves app:// on one session from the built renderer folder, and nothing else. */
export function handleAppProtocol(ses: Session, rendererRoot: string): void {
  ses.protocol.handle(APP_SCHEME, createAppFileHandler(rendererRoot));
}
