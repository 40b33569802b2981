/**
 * A 200 MB file goes in and comes out byte-identical, with the process's peak RSS growing far
 * less than the file: intake and export stream, one chunk at a time.
 *
 * How memory is measured: in this (forked) test process, not a child — the services are
 * TypeScript that only vitest's transform can load, and a child compiled separately would
 * measure a different build. Linux's peak-RSS counter (VmHWM) is reset just before the intake by
 * writing 5 to /proc/self/clear_refs, and read after the export, so the peak is exact rather than
 * sampled; where that is unavailable, RSS sampled every 5 ms stands in. The bound (64 MiB for
 * 200 MiB of data) leaves room for V8's young generation and garbage not yet collected; a
 * version that buffered the file would exceed it by far.
 *
 * Timings are reported beside a plain, unencrypted streamed copy of the same file (same piece
 * size, same fsync) made in the same run, and never asserted.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_READ_BYTES } from '../../electron/main/attachments/source-file';
import { createTempDirs } from '../helpers/temp';
import { sha256OfFile } from '../helpers/file-hash';
import { openStoreFixture, writeRandomFile } from '../unit/attachments/fixture';
import type { StoreFixture } from '../unit/attachments/fixture';
import { peakRss, resetPeakRss } from '../helpers/peak-rss';

const MiB = 1024 * 1024;
const SIZE = 200 * MiB;
const PEAK_GROWTH_LIMIT = 64 * MiB;

const dirs = createTempDirs();
let f: StoreFixture;
beforeAll(async () => {
  f = await openStoreFixture(dirs);
});
afterAll(() => {
  f.close();
  dirs.cleanup();
});

function sampleRss(everyMs: number) {
  let max = process.memoryUsage.rss();
  const timer = setInterval(() => {
    max = Math.max(max, process.memoryUsage.rss());
  }, everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(max, process.memoryUsage.rss());
    },
  };
}

async function plainCopy(from: string, to: string): Promise<void> {
  await pipeline(
    createReadStream(from, { highWaterMark: SOURCE_READ_BYTES }),
    createWriteStream(to, { flags: 'wx', mode: 0o600 }),
  );
  const file = await open(to, 'r+');
  await file.sync();
  await file.close();
}

const rate = (bytes: number, ms: number) => `${((bytes / MiB / ms) * 1000).toFixed(0)} MiB/s`;

describe('a 200 MB attachment', () => {
  it('goes in and comes out byte-identical, with peak RSS growth far below its size', async () => {
    const work = dirs.make('large');
    const source = join(work, 'interview-video.bin');
    const sourceSha = await writeRandomFile(source, SIZE);

    // The peer first: a plain streamed copy, same piece size, same fsync.
    const t0 = performance.now();
    await plainCopy(source, join(work, 'plain-copy.bin'));
    const t1 = performance.now();

    const exact = resetPeakRss();
    const baseline = process.memoryUsage.rss();
    const sampler = sampleRss(5);
    const added = await f.store.add(f.testimony(), source);
    const t2 = performance.now();
    const exported = join(work, 'exported.bin');
    await f.store.exportTo(added.id, exported);
    const t3 = performance.now();
    const sampled = sampler.stop();
    const hwm = exact ? peakRss() : undefined;
    const peak = Math.max(sampled, hwm ?? 0);

    expect(added.size).toBe(SIZE);
    expect(added.sha256).toBe(sourceSha);
    expect(await sha256OfFile(exported)).toBe(sourceSha);
    const growth = peak - baseline;
    console.info(
      [
        `attachments 200 MiB: intake ${(t2 - t1).toFixed(0)} ms (${rate(SIZE, t2 - t1)}),`,
        `export ${(t3 - t2).toFixed(0)} ms (${rate(SIZE, t3 - t2)}),`,
        `plain streamed copy ${(t1 - t0).toFixed(0)} ms (${rate(SIZE, t1 - t0)});`,
        `intake/copy ${((t2 - t1) / (t1 - t0)).toFixed(2)}x, export/copy ${((t3 - t2) / (t1 - t0)).toFixed(2)}x;`,
        `peak RSS growth ${(growth / MiB).toFixed(1)} MiB`,
        `(${exact ? 'VmHWM reset before intake' : 'sampled every 5 ms'}; baseline ${(baseline / MiB).toFixed(0)} MiB)`,
      ].join(' '),
    );
    expect(growth).toBeLessThan(PEAK_GROWTH_LIMIT);
  }, 180_000);
});
