/**
 * A real full disk: a tiny tmpfs mounted on a temp folder. Needs Linux and the right to mount
 * (root in a container that allows it, as on this project's machines and CI); where that is
 * missing, `tmpfsAvailable` is false and the suites that need it are skipped, not faked.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  ftruncateSync,
  fstatSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function mountTmpfs(dir: string, sizeKiB: number): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0700`, 'tmpfs', dir], {
    stdio: 'ignore',
  });
}

export function unmountTmpfs(dir: string): void {
  execFileSync('umount', [dir], { stdio: 'ignore' });
}

function probe(): boolean {
  if (process.platform !== 'linux') return false;
  const dir = mkdtempSync(join(tmpdir(), 'svidok-tmpfs-probe-'));
  try {
    mountTmpfs(dir, 64);
    unmountTmpfs(dir);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const tmpfsAvailable: boolean = probe();

/**
 * Writes `path` until the file system is full, then gives back `leaveFreeBytes` (rounded to
 * pages by the file system). Returns the filler's size.
 */
export function fillDisk(path: string, leaveFreeBytes = 0): number {
  const fd = openSync(path, 'wx', 0o600);
  try {
    const chunk = Buffer.alloc(64 * 1024, 0x5a);
    let size = chunk.length;
    for (;;) {
      try {
        writeSync(fd, chunk, 0, size);
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'ENOSPC') throw error;
        if (size === 1) break;
        size = Math.max(1, Math.floor(size / 2));
      }
    }
    const full = fstatSync(fd).size;
    if (leaveFreeBytes > 0) ftruncateSync(fd, Math.max(0, full - leaveFreeBytes));
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}
