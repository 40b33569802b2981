/**
 * `svidok verify BUNDLE --identity KEYFILE [--pubkey DEVICEKEY] [--extract DIR]`: the recipient's
 * check of a sealed bundle. It opens no vault (a prosecutor's analyst has none) and writes
 * nothing but the verified bag, and only when asked to.
 *
 * Output: one line per check (`ok  ` or `FAIL`, the check's name, what it is about), then one
 * verdict line. Exit 0 when every check passed, 1 when any failed. Without --pubkey the bundle is
 * checked against the key it carries itself: that proves it is intact, not who made it, so the
 * exit status is still 0 but the verdict says "key not pinned" and a WARNING line follows.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { verifyBundle } from '../../main/verify';
import type { Report } from '../../main/verify';
import { UsageError } from '../args';
import type { CommandContext } from '../types';

/** A key file is a few lines; a bigger one is refused before it is read. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

export async function verify(ctx: CommandContext): Promise<number> {
  const bundle = ctx.args[0];
  const identityFile = ctx.options.get('identity')?.at(-1);
  if (bundle === undefined) throw new UsageError('verify needs the bundle file');
  if (identityFile === undefined) throw new UsageError('verify needs --identity KEYFILE');
  const identity = await readKeyFile(identityFile, 'The identity file cannot be read');
  const pubkeyArg = ctx.options.get('pubkey')?.at(-1);
  const pubkey = pubkeyArg === undefined ? undefined : await pubkeyText(pubkeyArg);
  const extract = ctx.options.get('extract')?.at(-1);
  const report = await verifyBundle({
    bundlePath: bundle,
    identity,
    ...(pubkey === undefined ? {} : { pubkey }),
    ...(extract === undefined ? {} : { extractTo: resolve(extract) }),
  });
  for (const line of reportLines(report)) ctx.io.out(line);
  return report.ok ? 0 : 1;
}

export function reportLines(report: Report): string[] {
  const lines = report.checks.map(
    (check) => `${check.ok ? 'ok  ' : 'FAIL'} ${check.name.padEnd(15)} ${check.detail}`,
  );
  const id = report.bundleId ?? 'bundle';
  const failed = report.checks.filter((check) => !check.ok).length;
  if (report.verdict === 'verified') {
    lines.push(
      `VERIFIED: ${id}: every check passed; signed by the pinned device key ${report.keyId ?? ''}`,
    );
  } else if (report.verdict === 'verified-unpinned') {
    lines.push(
      `VERIFIED, KEY NOT PINNED: ${id}: every check passed against the key inside the bundle`,
    );
    lines.push(
      `WARNING: device key ${report.keyId ?? '?'} came with the bundle and was not compared with a key ` +
        'received out of band: anyone who rebuilt the bundle could have signed it. Compare the key ' +
        'id with the interviewer (svidok vault pubkey) and run again with --pubkey.',
    );
  } else {
    lines.push(`FAILED: ${id}: ${failed} of ${report.checks.length} checks failed`);
  }
  if (report.extractedTo !== null) lines.push(`extracted to ${report.extractedTo}`);
  return lines;
}

async function readKeyFile(path: string, unreadable: string): Promise<string> {
  const stats = await stat(path).catch(() => null);
  if (!stats?.isFile() || stats.size > MAX_KEY_FILE_BYTES) {
    throw new AppError('FILE_UNREADABLE', unreadable);
  }
  return readFile(path, 'utf8');
}

/** --pubkey is a file (the `.pub` the interviewer sent) when one exists by that name, else the key. */
async function pubkeyText(value: string): Promise<string> {
  const stats = await stat(value).catch(() => null);
  if (stats === null) return value;
  return readKeyFile(value, 'The device key file cannot be read');
}
