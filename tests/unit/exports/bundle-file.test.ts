/**
 * BundleFile writes chunks in batches, two at a time at their own offsets: the file must hold
 * every chunk in order, whatever their sizes, and its SHA-256 be the file's. It flushes early:
 * every EARLY_SYNC_BYTES (64 MiB) written it starts an fdatasync on libuv's pool while writing
 * goes on, so the final fsync has little left (about 0.4 s per GiB here otherwise). Its calls are
 * recorded by spying on the real FileHandle (the real method still runs). An early flush that
 * fails must fail the seal: Linux reports a writeback error once, and the final fsync could then
 * succeed over lost data.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BundleFile } from '../../../electron/main/exports/bundle-file';
import { createTempDirs } from '../../helpers/temp';

const dirs = createTempDirs('svidok-bundle-file-');
afterEach(() => {
  vi.restoreAllMocks();
  dirs.cleanup();
});

const MiB = 1024 * 1024;
const PIECE = randomBytes(MiB);

/** The prototype every FileHandle shares, to spy on its methods. */
async function fileHandlePrototype(): Promise<FileHandle> {
  const probe = await open(join(dirs.make('probe'), 'p'), 'w');
  await probe.close();
  return Object.getPrototypeOf(probe) as FileHandle;
}

async function writeMiB(file: BundleFile, count: number, onEach?: (written: number) => void) {
  for (let i = 0; i < count; i++) {
    await file.write(PIECE);
    onEach?.((i + 1) * MiB);
  }
}

describe('BundleFile writes', () => {
  it('holds every chunk in order, of any size, across many batches; its SHA-256 is the file’s', async () => {
    const sizes = [1, 17, 65_552, 16, 300_000, 0, 1_048_576, 2_500_000, 65_552, 3];
    const chunks = Array.from({ length: 60 }, (_, i) => randomBytes(sizes[i % sizes.length]!));
    const dir = dirs.make('out');
    const file = await BundleFile.create(dir, 'order.svidok.age');
    for (const chunk of chunks) await file.write(chunk);
    const sha256 = await file.seal();
    file.commitSync();
    const bytes = readFileSync(join(dir, 'order.svidok.age'));
    const expected = Buffer.concat(chunks);
    expect(bytes.length).toBe(expected.length);
    expect(bytes.equals(expected)).toBe(true);
    expect(file.bytes).toBe(expected.length);
    expect(sha256).toBe(createHash('sha256').update(expected).digest('hex'));
  });
});

describe('BundleFile early flushes', () => {
  it('starts an fdatasync every 64 MiB while writing, and the sealed file is whole', async () => {
    const proto = await fileHandlePrototype();
    const real = proto.datasync;
    let written = 0;
    const at: number[] = [];
    vi.spyOn(proto, 'datasync').mockImplementation(function (this: FileHandle) {
      at.push(written);
      return real.call(this);
    });
    const dir = dirs.make('out');
    const file = await BundleFile.create(dir, 'b.svidok.age');
    await writeMiB(file, 150, (n) => (written = n));
    expect(at.length).toBeGreaterThanOrEqual(2);
    // Started by the write that reaches 64 MiB (`written` counts the writes finished before it).
    expect(at[0]).toBe(63 * MiB);
    const sha256 = await file.seal();
    file.commitSync();
    const bytes = readFileSync(join(dir, 'b.svidok.age'));
    expect(bytes.length).toBe(150 * MiB);
    expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('a small file is not flushed early: only the final fsync', async () => {
    const proto = await fileHandlePrototype();
    const datasync = vi.spyOn(proto, 'datasync');
    const file = await BundleFile.create(dirs.make('out'), 'small.svidok.age');
    await writeMiB(file, 3);
    await file.seal();
    expect(datasync).not.toHaveBeenCalled();
  });

  it('a failed early flush fails the seal; discard leaves nothing', async () => {
    const proto = await fileHandlePrototype();
    vi.spyOn(proto, 'datasync').mockRejectedValue(
      Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }),
    );
    const dir = dirs.make('out');
    const file = await BundleFile.create(dir, 'b.svidok.age');
    await writeMiB(file, 70);
    await expect(file.seal()).rejects.toMatchObject({ code: 'EIO' });
    await file.discard();
    expect(readdirSync(dir)).toEqual([]);
  });
});
