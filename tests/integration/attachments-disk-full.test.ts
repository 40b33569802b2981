/**
 * A full disk during intake and export: DISK_FULL, no partial blob or export, no temp file, no
 * row, no custody entry, and the vault keeps working once there is room. The disk is real: a tiny
 * tmpfs holds blobs/ (or the export folder); skipped, not faked, where mounting is not allowed.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { catchAppError } from '../helpers/app-error';
import { createTempDirs } from '../helpers/temp';
import { fillDisk, mountTmpfs, tmpfsAvailable, unmountTmpfs } from '../helpers/tmpfs';
import { openStoreFixture } from '../unit/attachments/fixture';
import type { StoreFixture } from '../unit/attachments/fixture';

const dirs = createTempDirs();
const mounts: string[] = [];
const fixtures: StoreFixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.close();
  for (const dir of mounts.splice(0)) unmountTmpfs(dir);
  dirs.cleanup();
});

function tinyDisk(sizeKiB: number): string {
  const dir = dirs.make('tmpfs');
  mountTmpfs(dir, sizeKiB);
  mounts.push(dir);
  return dir;
}

describe.skipIf(!tmpfsAvailable)('a full disk (tiny tmpfs)', () => {
  it.each([
    ['no room at all', 0],
    ['room for the header and a few chunks', 200 * 1024],
  ])(
    'intake with %s: DISK_FULL, nothing left behind, and a file that fits goes in afterwards',
    async (_name, leaveFree) => {
      const disk = tinyDisk(1024);
      const blobs = join(disk, 'blobs');
      mkdirSync(blobs);
      const f = await openStoreFixture(dirs, { blobsDir: () => blobs });
      fixtures.push(f);
      const t = f.testimony();
      const filler = join(disk, 'filler');
      fillDisk(filler, leaveFree);

      const source = join(dirs.make('src'), 'video.bin');
      writeFileSync(source, randomBytes(600 * 1024));
      const error = await catchAppError(() => f.store.add(t, source));
      expect(error.code).toBe('DISK_FULL');
      expect((error.cause as { code?: string }).code).toBe('ENOSPC');
      expect(readdirSync(blobs)).toEqual([]);
      expect(f.rowCount()).toBe(0);
      expect(f.custody.entries).toEqual([]);

      // The same through addStream.
      const streamError = await catchAppError(() =>
        f.store.addStream(t, Readable.from([randomBytes(600 * 1024)]), 'a.bin'),
      );
      expect(streamError.code).toBe('DISK_FULL');
      expect(readdirSync(blobs)).toEqual([]);

      rmSync(filler);
      const added = await f.store.add(t, source);
      await f.store.verify(added.id);
      expect(readdirSync(blobs)).toEqual([`${added.id}.blob`]);
      expect(f.custody.entries.map((e) => e.action)).toEqual(['attachment.added']);
    },
  );

  it('export to a full disk: DISK_FULL, no partial file, no custody entry', async () => {
    const f = await openStoreFixture(dirs);
    fixtures.push(f);
    const source = join(dirs.make('src'), 'video.bin');
    writeFileSync(source, randomBytes(600 * 1024));
    const added = await f.store.add(f.testimony(), source);
    const disk = tinyDisk(512);
    const entries = f.custody.entries.length;

    const error = await catchAppError(() => f.store.exportTo(added.id, join(disk, 'out.bin')));
    expect(error.code).toBe('DISK_FULL');
    expect(readdirSync(disk)).toEqual([]);
    expect(f.custody.entries.length).toBe(entries);
  });
});
