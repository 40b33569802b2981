/**
 * Looks for a marker string in files, as raw bytes, in the encodings text usually takes on disk:
 * UTF-8 (SQLite, JSON, logs) and UTF-16LE (Windows APIs, some Chromium stores). Used to prove
 * that testimony text never reaches a file in plaintext. No test framework imports: the e2e
 * suite (Playwright) uses it too.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type MarkerEncoding = 'utf8' | 'utf16le';
const ENCODINGS: readonly MarkerEncoding[] = ['utf8', 'utf16le'];

/** The encodings in which `marker` occurs in `bytes`. */
export function markerEncodingsIn(bytes: Uint8Array, marker: string): MarkerEncoding[] {
  if (marker.length === 0) throw new Error('an empty marker matches everything');
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return ENCODINGS.filter((encoding) => haystack.includes(Buffer.from(marker, encoding)));
}

/**
 * Every regular file under `path` (a folder, walked without following symlinks, or one file)
 * whose bytes contain `marker` in UTF-8 or UTF-16LE, as `path [encoding,…]`. Files that vanish or
 * cannot be read while the walk runs are skipped; sockets and pipes are never opened.
 */
export function scanForMarker(path: string, marker: string): string[] {
  const hits: string[] = [];
  for (const file of regularFiles(path)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    const found = markerEncodingsIn(bytes, marker);
    if (found.length > 0) hits.push(`${file} [${found.join(',')}]`);
  }
  return hits;
}

/**
 * Every regular file under `path` changed at or after `sinceMs` (mtime or ctime), depth first:
 * what a run may have written into folders that existed before it, such as the system temp folder.
 */
export function filesChangedSince(path: string, sinceMs: number): string[] {
  return regularFiles(path).filter((file) => {
    try {
      const stat = lstatSync(file);
      return Math.max(stat.mtimeMs, stat.ctimeMs) >= sinceMs;
    } catch {
      return false;
    }
  });
}

/** Every regular file under `path`, depth first; `path` itself when it is a file. */
export function regularFiles(path: string): string[] {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return [];
  }
  if (stat.isFile()) return [path];
  if (!stat.isDirectory()) return [];
  let names: string[];
  try {
    names = readdirSync(path);
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => regularFiles(join(path, name)));
}
