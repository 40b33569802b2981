/**
 * Sealing throughput: Svidok's streaming age encryption (bundles/age-stream.ts, over the JS
 * age-encryption package) against the Debian `age -r` CLI (Go) on the same file, taking turns,
 * file to file. Reported as a ratio (Svidok / age; 1.0 = as fast), with this process's peak RSS
 * while sealing. Nothing here asserts a time.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { encryptAge } from '../../electron/main/bundles/age-stream';
import { median } from './stats';

export interface AgeResult {
  readonly fileBytes: number;
  readonly runs: number;
  /** Median seconds per seal. */
  readonly seconds: { readonly svidok: number; readonly ageCli: number };
  /** Throughput of Svidok relative to `age -r` (higher is better; 1.0 = the same). */
  readonly ratio: number;
  /** Peak RSS of this process while Svidok sealed, minus the RSS before the first seal. */
  readonly peakRssGrowthBytes: number;
}

/** A file of pseudo-random bytes (incompressible, like attachments), written in 8 MiB pieces. */
async function makeFile(path: string, bytes: number): Promise<void> {
  const { randomBytes } = await import('node:crypto');
  const handle = await open(path, 'w');
  try {
    const piece = randomBytes(8 * 1024 * 1024);
    for (let written = 0; written < bytes; written += piece.length) {
      // One random piece, varied per offset: generating 256 MiB of CSPRNG output would dominate.
      piece.writeUInt32LE(written >>> 0, 0);
      await handle.write(piece, 0, Math.min(piece.length, bytes - written));
    }
  } finally {
    await handle.close();
  }
}

export async function benchAge(
  dir: string,
  bytes = 256 * 1024 * 1024,
  runs = 3,
): Promise<AgeResult> {
  const keyFile = join(dir, 'bench.key');
  execFileSync('age-keygen', ['-o', keyFile], { stdio: 'ignore' });
  const recipient = execFileSync('age-keygen', ['-y', keyFile], { encoding: 'utf8' }).trim();
  const input = join(dir, 'input.bin');
  const output = join(dir, 'output.age');
  await makeFile(input, bytes);

  const svidok: number[] = [];
  const ageCli: number[] = [];
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    await pipeline(
      await encryptAge(createReadStream(input), { recipients: [recipient] }),
      createWriteStream(output),
    );
    clearInterval(sampler);
    svidok.push((performance.now() - start) / 1000);
    await rm(output);

    start = performance.now();
    execFileSync('age', ['-r', recipient, '-o', output, input]);
    ageCli.push((performance.now() - start) / 1000);
    await rm(output);
  }
  await rm(input);
  const seconds = { svidok: median(svidok), ageCli: median(ageCli) };
  return {
    fileBytes: bytes,
    runs,
    seconds,
    ratio: seconds.ageCli / seconds.svidok,
    peakRssGrowthBytes: peak - baseline,
  };
}
