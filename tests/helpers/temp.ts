/**
 * Temporary folders under the OS temp dir, removed by `cleanup()` (call it in afterEach). Every
 * test that touches the disk works in its own folder, so tests cannot see each other's files.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDirs {
  /** A new, empty folder. */
  make(label?: string): string;
  /** A new folder holding a copy of `source` (a vault template, say). */
  copyOf(source: string, label?: string): string;
  /** Removes every folder made so far. */
  cleanup(): void;
}

export function createTempDirs(prefix = 'svidok-test-'): TempDirs {
  const made: string[] = [];
  const make = (label = ''): string => {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}${label}${label ? '-' : ''}`));
    made.push(dir);
    return dir;
  };
  return {
    make,
    copyOf(source, label) {
      const dir = make(label);
      cpSync(source, dir, { recursive: true });
      return dir;
    },
    cleanup() {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
