/**
 * Sealing throughput: Svidok's streaming age encryption (bundles/age-stream.ts; X25519 recipients
 * go through Svidok's own age-x25519.ts) against the Debian `age -r` CLI (Go) on the same file,
 * taking turns, file to file, after one warm-up turn each. Reported as a ratio (age's time /
 * Svidok's time: 1.0 = as fast, higher is better).
 *
 * Memory: the peak RSS of sealing 1 GiB and 4 GiB, each in a fresh process (`--probe age-rss`,
 * run from main.ts), read from Linux's VmHWM, so nothing else of the benchmark counts. The 4 GiB
 * plaintext is the 1 GiB file streamed four times over (no 4 GiB file to write first); the
 * ciphertext goes to a file, so the disk's backpressure is part of the run. Nothing here asserts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { encryptAge } from '../../electron/main/bundles/age-stream';
import { makeFile } from './random-file';
import { median } from './stats';
import { peakRss } from '../helpers/peak-rss';

export interface AgeRss {
  readonly plaintextBytes: number;
  /** VmHWM of the sealing process: its whole peak, Node itself included. */
  readonly peakRssBytes: number;
  /** RSS of that process just before sealing began (Node, the bundle, libsodium). */
  readonly baselineRssBytes: number;
  readonly seconds: number;
}

export interface AgeResult {
  readonly fileBytes: number;
  readonly runs: number;
  /** Median seconds per seal. */
  readonly seconds: { readonly svidok: number; readonly ageCli: number };
  /** Throughput of Svidok relative to `age -r` (higher is better; 1.0 = the same). */
  readonly ratio: number;
  /** Peak RSS of sealing, each size in a fresh process. */
  readonly rss: readonly AgeRss[];
}

/**
 * Run by `main.ts --probe age-rss INPUT TIMES OUTPUT RECIPIENT` in a fresh process: seals INPUT
 * read TIMES over into OUTPUT and reports its peak RSS.
 */
export async function probeAgeRss(args: readonly string[]): Promise<AgeRss> {
  const [input = '', times = '1', output = '', recipient = ''] = args;
  let plaintextBytes = 0;
  async function* repeated(): AsyncGenerator<Buffer> {
    for (let i = 0; i < Number(times); i++) {
      for await (const part of createReadStream(input)) {
        plaintextBytes += (part as Buffer).length;
        yield part as Buffer;
      }
    }
  }
  const baselineRssBytes = process.memoryUsage.rss();
  const start = performance.now();
  await pipeline(
    await encryptAge(repeated(), { recipients: [recipient] }),
    createWriteStream(output),
  );
  const seconds = (performance.now() - start) / 1000;
  await rm(output);
  return { plaintextBytes, peakRssBytes: peakRss() ?? NaN, baselineRssBytes, seconds };
}

function rssInChild(script: string, args: readonly string[]): AgeRss {
  const run = spawnSync(process.execPath, [script, '--probe', 'age-rss', ...args], {
    encoding: 'utf8',
  });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !last.startsWith('{')) {
    throw new Error(`probe age-rss failed: ${run.stderr.slice(-500)}`);
  }
  return JSON.parse(last) as AgeRss;
}

export async function benchAge(
  dir: string,
  options: { bytes: number; runs: number; rssTimes: readonly number[]; script: string },
): Promise<AgeResult> {
  const keyFile = join(dir, 'bench.key');
  execFileSync('age-keygen', ['-o', keyFile], { stdio: 'ignore' });
  const recipient = execFileSync('age-keygen', ['-y', keyFile], { encoding: 'utf8' }).trim();
  const input = join(dir, 'input.bin');
  const output = join(dir, 'output.age');
  await makeFile(input, options.bytes);

  const svidok: number[] = [];
  const ageCli: number[] = [];
  for (let run = -1; run < options.runs; run++) {
    let start = performance.now();
    await pipeline(
      await encryptAge(createReadStream(input), { recipients: [recipient] }),
      createWriteStream(output),
    );
    if (run >= 0) svidok.push((performance.now() - start) / 1000);
    await rm(output);

    start = performance.now();
    execFileSync('age', ['-r', recipient, '-o', output, input]);
    if (run >= 0) ageCli.push((performance.now() - start) / 1000);
    await rm(output);
  }
  const rss = options.rssTimes.map((times) =>
    rssInChild(options.script, [input, String(times), output, recipient]),
  );
  await rm(input);
  const seconds = { svidok: median(svidok), ageCli: median(ageCli) };
  return {
    fileBytes: options.bytes,
    runs: options.runs,
    seconds,
    ratio: seconds.ageCli / seconds.svidok,
    rss,
  };
}
