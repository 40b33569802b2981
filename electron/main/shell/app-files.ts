/** Serves the built renderer for app:// requests: only regular files really inside its folder. */
import * as fs from 'node:fs';
import { extname, isAbsolute, relative } from 'node:path';
import { promisify } from 'node:util';
import { resolveAppPath } from './app-path';
import { SECURITY_HEADERS } from './csp';

// Callback fs functions are the ones Electron's asar support is sure to patch (packaged app).
const readFile = promisify(fs.readFile);
const realpath = promisify(fs.realpath);
const stat = promisify(fs.stat);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** What the handler needs from a fetch Request. */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

export function contentTypeOf(path: string): string | undefined {
  return CONTENT_TYPES[extname(path).toLowerCase()];
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: { ...SECURITY_HEADERS } });
}

/** Builds the app:// handler for one renderer folder. Never throws: failures become 404. */
export function createAppFileHandler(rendererRoot: string): (req: AppRequest) => Promise<Response> {
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405);
    const path = resolveAppPath(rendererRoot, req.url);
    const type = path ? contentTypeOf(path) : undefined;
    if (!path || !type) return refuse(404);
    try {
      // A symlink inside the folder must not lead out of it.
      const [root, real] = await Promise.all([realpath(rendererRoot), realpath(path)]);
      const rel = relative(root, real);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return refuse(404);
      if (!(await stat(real)).isFile()) return refuse(404);
      const body = req.method === 'HEAD' ? null : await readFile(real);
      return new Response(body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'content-type': type },
      });
    } catch {
      return refuse(404);
    }
  };
}
