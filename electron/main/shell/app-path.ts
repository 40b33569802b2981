/** Maps an app:// request URL to a file strictly inside the renderer folder, or refuses it. */
import { isAbsolute, relative, resolve } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

const MAX_URL_CHARS = 2048;
// Backslashes, NUL and control characters (the URL parser silently drops tabs and newlines).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_RAW = /[\\\u0000-\u001f\u007f]/;
// Encoded dot, slash, backslash or NUL: no asset name needs them, every traversal trick does.
const FORBIDDEN_ENCODED = /%(2e|2f|5c|00)/i;
// A '.' or '..' segment anywhere in the raw URL (the parser would normalise it away silently).
const DOT_SEGMENT = /\/\.{1,2}(?=[/?#]|$)/;
// Segments Vite emits: letters, digits and a few marks; never a leading dot (hidden files, '..').
const SAFE_SEGMENT = /^[A-Za-z0-9_@~+-][A-Za-z0-9._@~+-]*$/;

/** The absolute path of the requested file inside rendererRoot, or null when the URL is refused. */
export function resolveAppPath(rendererRoot: string, requestUrl: unknown): string | null {
  if (typeof requestUrl !== 'string' || requestUrl.length > MAX_URL_CHARS) return null;
  if (FORBIDDEN_RAW.test(requestUrl) || FORBIDDEN_ENCODED.test(requestUrl)) return null;
  if (DOT_SEGMENT.test(requestUrl)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST) return null;
  if (url.port !== '' || url.username !== '' || url.password !== '') return null;

  const segments =
    url.pathname === '' || url.pathname === '/' ? ['index.html'] : decode(url.pathname);
  if (!segments || !segments.every((s) => SAFE_SEGMENT.test(s))) return null;

  const root = resolve(rendererRoot);
  const full = resolve(root, ...segments);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return full;
}

function decode(pathname: string): string[] | null {
  try {
    return pathname.slice(1).split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
}
