/**
 * A bundle on a real disk: a target too small for it gives DISK_FULL and leaves nothing (a tiny
 * tmpfs; skipped, not faked, where mounting is not allowed), and ~100 MB of attachments are
 * sealed with the process's peak RSS growing far less than the bundle — it streams from the
 * store through tar and age into the file and is never whole in memory. Peak RSS is Linux's
 * VmHWM, reset just before the export (see attachments-large-file.test.ts for the method).
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { catchAppError } from '../helpers/app-error';
import { ageKeygen, makeExportVault } from '../helpers/export-vault';
import type { ExportVault } from '../helpers/export-vault';
import { createTempDirs } from '../helpers/temp';
import { mountTmpfs, tmpfsAvailable, unmountTmpfs } from '../helpers/tmpfs';
import { peakRss, resetPeakRss } from '../helpers/peak-rss';

const MiB = 1024 * 1024;
const dirs = createTempDirs('svidok-bundle-disk-');
const mounts: string[] = [];
const open: ExportVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.t.api.shutdown();
  for (const dir of mounts.splice(0)) unmountTmpfs(dir);
  dirs.cleanup();
});

async function setup(files: Array<{ name: string; bytes: Uint8Array }>) {
  const dir = dirs.make('v');
  const v = await makeExportVault(dir);
  open.push(v);
  const key = ageKeygen(dir);
  await v.addRecipient(key.publicKey);
  const t = await v.addTestimony({ files });
  return { v, key, t };
}

const exported = (v: ExportVault) =>
  v.t.api.services.custody.entries().filter((e) => e.action === 'bundle.exported');

describe.skipIf(!tmpfsAvailable)('a bundle larger than the target disk (tiny tmpfs)', () => {
  it('DISK_FULL, no partial or temp file, no custody entry; then it fits elsewhere', async () => {
    const { v, key, t } = await setup([{ name: 'video.bin', bytes: randomBytes(3 * MiB) }]);
    const disk = dirs.make('tmpfs');
    mountTmpfs(disk, 1024);
    mounts.push(disk);
    const error = await catchAppError(() =>
      v.t.api.services.exports.exportBundle({
        testimonyIds: [t.id],
        recipients: [key.publicKey],
        outDir: disk,
      }),
    );
    expect(error.code).toBe('DISK_FULL');
    expect(readdirSync(disk)).toEqual([]);
    expect(exported(v)).toEqual([]);

    const roomy = dirs.make('out');
    const ok = await v.t.api.services.exports.exportBundle({
      testimonyIds: [t.id],
      recipients: [key.publicKey],
      outDir: roomy,
    });
    expect(readdirSync(roomy)).toEqual([`${ok.bundleId}.svidok.age`]);
    expect(exported(v)).toHaveLength(1);
  }, 60_000);
});

describe('a ~100 MB bundle', () => {
  it('is sealed with peak RSS growing far less than its size', async () => {
    const files = [0, 1, 2, 3].map((i) => ({
      name: `part-${i}.bin`,
      bytes: randomBytes(25 * MiB),
    }));
    const { v, key, t } = await setup(files);
    files.length = 0; // the test's own copies are not the export's memory
    const out = dirs.make('out');
    global.gc?.();
    const before = process.memoryUsage.rss();
    const exact = resetPeakRss() && peakRss() !== undefined;
    let sampled = before;
    const timer = exact
      ? undefined
      : setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), 5);
    const started = performance.now();
    const result = await v.t.api.services.exports.exportBundle({
      testimonyIds: [t.id],
      recipients: [key.publicKey],
      outDir: out,
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    const peak = exact ? (peakRss() as number) : Math.max(sampled, process.memoryUsage.rss());
    const growth = peak - before;
    console.info(
      `bundle ${(result.bytes / MiB).toFixed(1)} MiB in ${seconds.toFixed(2)} s; ` +
        `RSS before ${(before / MiB).toFixed(0)} MiB, peak ${(peak / MiB).toFixed(0)} MiB ` +
        `(${exact ? 'VmHWM' : 'sampled'}), growth ${(growth / MiB).toFixed(1)} MiB`,
    );
    expect(result.bytes).toBeGreaterThan(100 * MiB);
    expect(growth).toBeLessThan(64 * MiB);
  }, 300_000);
});
