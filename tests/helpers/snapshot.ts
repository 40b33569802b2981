/**
 * A folder's exact contents as a plain object (relative path -> size and SHA-256), so a test can
 * prove that a failed operation created, removed and changed nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { regularFiles } from './scan';

export type DirSnapshot = Record<string, string>;

export function snapshotDir(dir: string): DirSnapshot {
  const out: DirSnapshot = {};
  for (const file of regularFiles(dir)) {
    const bytes = readFileSync(file);
    out[relative(dir, file)] =
      `${bytes.length}:${createHash('sha256').update(bytes).digest('hex')}`;
  }
  return out;
}
