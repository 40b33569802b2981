/**
 * writeFileAtomic is only crash-proof if its steps happen in order on the real disk: temp file
 * created exclusively, written, fsynced, closed, renamed over the target, then the folder fsynced
 * so the rename itself is durable. Dropping either fsync changes no file content, so only the
 * sequence of real fs calls can show it. The calls are recorded by spying on node:fs (the real
 * functions still run) and pushing the spies into the ESM named exports the module imports.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../../electron/main/files';
import { createTempDirs } from '../../helpers/temp';

const dirs = createTempDirs();
afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
  dirs.cleanup();
});

type Step = string;

/** Records open/write/fsync/close/rename while `run` executes, naming each fd by its path. */
function recordSteps(run: () => void, name: (path: string) => string): Step[] {
  const steps: Step[] = [];
  const fdPaths = new Map<number, string>();
  const label = (fd: number): string => fdPaths.get(fd) ?? `fd${fd}`;
  const real = {
    openSync: fs.openSync,
    writeSync: fs.writeSync,
    fsyncSync: fs.fsyncSync,
    closeSync: fs.closeSync,
    renameSync: fs.renameSync,
  };
  vi.spyOn(fs, 'openSync').mockImplementation(((path: fs.PathLike, flags?: fs.OpenMode, mode?) => {
    const fd = (real.openSync as (...a: unknown[]) => number)(path, flags, mode);
    fdPaths.set(fd, name(String(path)));
    steps.push(`open ${name(String(path))} ${String(flags)}`);
    return fd;
  }) as typeof fs.openSync);
  vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
    steps.push(`write ${label(fd)}`);
    return (real.writeSync as (...a: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.writeSync);
  vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
    steps.push(`fsync ${label(fd)}`);
    real.fsyncSync(fd);
  });
  vi.spyOn(fs, 'closeSync').mockImplementation((fd) => {
    steps.push(`close ${label(fd)}`);
    real.closeSync(fd);
  });
  vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
    steps.push(`rename ${name(String(from))} -> ${name(String(to))}`);
    real.renameSync(from, to);
  });
  // The module under test uses named imports; this copies the spies into them.
  syncBuiltinESMExports();
  try {
    run();
  } finally {
    vi.restoreAllMocks();
    syncBuiltinESMExports();
  }
  // Consecutive writes to the same file are one step: how many chunks is not the point.
  return steps.filter((step, i) => !(step.startsWith('write ') && steps[i - 1] === step));
}

describe('writeFileAtomic on the real disk', () => {
  it.skipIf(process.platform === 'win32')(
    'creates the temp exclusively, writes, fsyncs, closes, renames, then fsyncs the folder',
    () => {
      const dir = dirs.make('atomic');
      const target = join(dir, 'vault.json');
      fs.writeFileSync(target, 'old contents');
      const name = (path: string): string =>
        path === dir
          ? 'DIR'
          : path === target
            ? 'TARGET'
            : path.startsWith(join(dir, '.vault.json.')) && path.endsWith('.tmp')
              ? 'TEMP'
              : path;

      const steps = recordSteps(() => writeFileAtomic(target, 'new contents'), name);

      expect(steps).toEqual([
        'open TEMP wx',
        'write TEMP',
        'fsync TEMP',
        'close TEMP',
        'rename TEMP -> TARGET',
        'open DIR r',
        'fsync DIR',
        'close DIR',
      ]);
      expect(fs.readFileSync(target, 'utf8')).toBe('new contents');
      expect(fs.readdirSync(dir)).toEqual(['vault.json']);
      expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    },
  );

  it('the recorder sees the real calls (control: a direct fsync shows up)', () => {
    const dir = dirs.make('atomic-control');
    const path = join(dir, 'f');
    const steps = recordSteps(
      () => {
        const fd = fs.openSync(path, 'w');
        fs.fsyncSync(fd);
        fs.closeSync(fd);
      },
      (p) => (p === path ? 'F' : p),
    );
    expect(steps).toEqual(['open F w', 'fsync F', 'close F']);
  });
});
