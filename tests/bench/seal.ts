/**
 * Sealing a bundle (issue 5): the whole export — attachments streamed out of the vault (decrypted
 * and authenticated), bagged with their intake digests, signed, tarred, age-encrypted, hashed and
 * written to a file — for one testimony carrying N bytes of
 * attachments, against the Debian `age -r` encrypting the very tar that bundle holds (decrypted
 * from it once), in the same run. Ratio = age's time / Svidok's (goal ≥ 0.8×). Peak RSS of the
 * export at each size in a fresh process (`--probe seal-rss`, VmHWM). Nothing here asserts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ageKeygen, makeExportVault } from '../helpers/export-vault';
import { sha256OfFile } from '../helpers/file-hash';
import { makeFile } from './random-file';
import { median } from './stats';
import { peakRss, resetPeakRss } from '../helpers/peak-rss';

export interface SealRss {
  readonly attachmentBytes: number;
  readonly peakRssBytes: number;
  readonly baselineRssBytes: number;
  readonly seconds: number;
}

/**
 * What the export must do besides what age -r does, each alone on one core, median of the runs:
 * read and decrypt every attachment out of the vault (authenticated), and take the SHA-256 of the
 * sealed bundle for its custody entry. Beside age's own time they show how far the ratio can go.
 */
export interface SealStages {
  readonly decryptAttachments: number;
  readonly sha256OfBundle: number;
}

export interface SealResult {
  readonly attachmentBytes: number;
  readonly bundleBytes: number;
  readonly runs: number;
  readonly seconds: { readonly svidok: number; readonly ageCli: number };
  readonly ratio: number;
  readonly stages: SealStages;
  readonly rss: readonly SealRss[];
}

const PIECE = 256 * 1024 * 1024;

/** A vault with one consented testimony whose attachments add up to `bytes`, and a recipient. */
async function sealableVault(dir: string, bytes: number) {
  const vault = await makeExportVault(dir);
  const key = ageKeygen(dir);
  await vault.addRecipient(key.publicKey);
  const { id } = await vault.addTestimony({ recordCode: 'BENCH-SEAL' });
  const source = join(dir, 'piece.bin');
  await makeFile(source, Math.min(PIECE, bytes));
  for (let added = 0, n = 0; added < bytes; n++) {
    const size = Math.min(PIECE, bytes - added);
    if (size !== PIECE) await makeFile(source, size);
    await vault.t.api.services.attachments.add(id, source, `evidence-${n}.bin`);
    added += size;
  }
  rmSync(source);
  const decryptAll = async () => {
    const start = performance.now();
    for (const a of vault.t.api.services.attachments.list(id)) {
      for await (const chunk of await vault.t.api.services.attachments.open(a.id)) void chunk;
    }
    return (performance.now() - start) / 1000;
  };
  const exportOnce = async (outDir: string) => {
    mkdirSync(outDir, { recursive: true });
    const start = performance.now();
    const result = await vault.t.api.services.exports.exportBundle({
      testimonyIds: [id],
      recipients: [key.publicKey],
      outDir,
    });
    return { result, seconds: (performance.now() - start) / 1000 };
  };
  return { vault, key, exportOnce, decryptAll };
}

async function secondsToHash(path: string): Promise<number> {
  const start = performance.now();
  await sha256OfFile(path);
  return (performance.now() - start) / 1000;
}

/** `main.ts --probe seal-rss DIR BYTES`: one export in a fresh process, and its peak RSS. */
export async function probeSealRss(args: readonly string[]): Promise<SealRss> {
  const [dir = '', bytes = '0'] = args;
  const { vault, exportOnce } = await sealableVault(dir, Number(bytes));
  // The intake of the attachments happened in this process too: measure the export's peak only.
  resetPeakRss();
  const baselineRssBytes = process.memoryUsage.rss();
  const { seconds } = await exportOnce(join(dir, 'out'));
  vault.t.api.shutdown();
  return {
    attachmentBytes: Number(bytes),
    peakRssBytes: peakRss() ?? NaN,
    baselineRssBytes,
    seconds,
  };
}

function rssInChild(script: string, dir: string, bytes: number): SealRss {
  const run = spawnSync(process.execPath, [script, '--probe', 'seal-rss', dir, String(bytes)], {
    encoding: 'utf8',
  });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !last.startsWith('{')) {
    throw new Error(`probe seal-rss failed: ${run.stderr.slice(-500)}`);
  }
  rmSync(dir, { recursive: true, force: true });
  return JSON.parse(last) as SealRss;
}

export async function benchSeal(
  dir: string,
  options: { bytes: number; runs: number; rssBytes: readonly number[]; script: string },
): Promise<SealResult> {
  const { vault, key, exportOnce, decryptAll } = await sealableVault(
    join(dir, 'main'),
    options.bytes,
  );
  const svidok: number[] = [];
  const ageCli: number[] = [];
  const decrypt: number[] = [];
  const sha256: number[] = [];
  let bundleBytes = 0;
  for (let run = -1; run < options.runs; run++) {
    const out = join(dir, `out-${run + 1}`);
    const { result, seconds } = await exportOnce(out);
    bundleBytes = result.bytes;
    // The peer encrypts exactly what the bundle holds: its own tar, decrypted once.
    const tar = join(dir, 'bundle.tar');
    execFileSync('age', ['-d', '-i', key.file, '-o', tar, result.path]);
    if (run >= 0) sha256.push(await secondsToHash(result.path));
    rmSync(out, { recursive: true, force: true });
    const start = performance.now();
    execFileSync('age', ['-r', key.publicKey, '-o', join(dir, 'peer.age'), tar]);
    const peer = (performance.now() - start) / 1000;
    rmSync(join(dir, 'peer.age'));
    rmSync(tar);
    if (run >= 0) {
      svidok.push(seconds);
      ageCli.push(peer);
      decrypt.push(await decryptAll());
    }
  }
  vault.t.api.shutdown();
  rmSync(join(dir, 'main'), { recursive: true, force: true });
  const rss = options.rssBytes.map((bytes, i) =>
    rssInChild(options.script, join(dir, `rss-${i}`), bytes),
  );
  const seconds = { svidok: median(svidok), ageCli: median(ageCli) };
  return {
    attachmentBytes: options.bytes,
    bundleBytes,
    runs: options.runs,
    seconds,
    ratio: seconds.ageCli / seconds.svidok,
    stages: { decryptAttachments: median(decrypt), sha256OfBundle: median(sha256) },
    rss,
  };
}
