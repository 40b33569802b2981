/** Who counts as "the app": pure origin checks shared by navigation, web requests and IPC. */

export const APP_SCHEME = 'app';
export const APP_HOST = 'svidok';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
/** In-memory partition: no 'persist:' prefix, so Chromium storage and caches never reach disk. */
export const APP_PARTITION = 'svidok';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for app://svidok/... exactly (no credentials, no port) or the dev server's origin. */
export function isAppUrl(url: unknown, devOrigin?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:`) {
    return (
      parsed.hostname.toLowerCase() === APP_HOST &&
      parsed.port === '' &&
      parsed.username === '' &&
      parsed.password === ''
    );
  }
  return devOrigin !== undefined && isHttp(parsed) && parsed.origin === devOrigin;
}

function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

export interface DevServer {
  readonly url: string;
  readonly origin: string;
}

/**
 * The electron-vite dev server, only when the app is not packaged and the URL is plain http(s) on
 * loopback: an environment variable must never point a packaged app at a remote page.
 */
export function devServer(rendererUrl: string | undefined, isPackaged: boolean): DevServer | null {
  if (isPackaged || !rendererUrl) return null;
  const parsed = parse(rendererUrl);
  if (!parsed || !isHttp(parsed) || !LOOPBACK_HOSTS.has(parsed.hostname)) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return { url: parsed.href, origin: parsed.origin };
}

/** Requests let through: the app origin; in dev also the dev server, its HMR socket, devtools. */
export function isAllowedRequestUrl(url: unknown, devOrigin?: string): boolean {
  if (isAppUrl(url, devOrigin)) return true;
  if (devOrigin === undefined) return false;
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'devtools:') return true;
  if (parsed.protocol === 'ws:' || parsed.protocol === 'wss:') {
    return parsed.origin === devOrigin.replace(/^http/, 'ws');
  }
  return false;
}

export interface SenderInfo {
  readonly url: string;
  readonly isMainFrame: boolean;
}

/** An IPC sender is trusted only as the top frame of a page loaded from the app origin. */
export function isTrustedSender(sender: SenderInfo, devOrigin?: string): boolean {
  return sender.isMainFrame === true && isAppUrl(sender.url, devOrigin);
}
