import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Recipient } from '../../main/recipients';
import { UsageError } from '../args';
import { withUnlockedVault } from '../session';
import type { CommandContext } from '../types';

/**
 * `export --testimony CODE… --recipient age1…|NAME… --out FILE|DIR [--lang uk|en] [--profile P]`: a sealed
 * bundle through the same service as the app (same consent checks, same custody entries). A
 * recipient is named by its key or by its name in the register, never by a key outside it.
 * Prints the file, the bundle id, the .age file's SHA-256 and its size.
 */
export async function exportBundle(ctx: CommandContext): Promise<number> {
  const codes = ctx.options.get('testimony') ?? [];
  const wanted = ctx.options.get('recipient') ?? [];
  const out = ctx.options.get('out')?.at(-1);
  const lang = ctx.options.get('lang')?.at(-1) ?? 'uk';
  const profile = ctx.options.get('profile')?.at(-1);
  if (codes.length === 0 || wanted.length === 0 || !out) {
    throw new UsageError(
      'export needs --testimony CODE, --recipient age1…|NAME and --out FILE|DIR',
    );
  }
  if (lang !== 'uk' && lang !== 'en') throw new UsageError('--lang must be uk or en');
  const target = resolve(out);
  const toFolder = isDirectory(target);
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ api }) => {
    const { testimonies, recipients, exports } = api.services;
    const testimonyIds = codes.map((code) => testimonies.idByCode(code));
    const all = recipients.list();
    const keys = wanted.map((w) => recipientKey(all, w));
    const result = await exports.exportBundle({
      testimonyIds,
      recipients: keys,
      lang,
      ...(profile === undefined ? {} : { profile }),
      outDir: toFolder ? target : dirname(target),
      ...(toFolder ? {} : { fileName: basename(target) }),
    });
    ctx.io.out(`${result.path}`);
    ctx.io.out(`bundle: ${result.bundleId}`);
    ctx.io.out(`sha256: ${result.sha256}`);
    ctx.io.out(`bytes: ${result.bytes}`);
    ctx.io.out(`profile: ${profile ?? 'full'}`);
    return 0;
  });
}

/** A key as given (it must be in the register: the service checks), or the one recipient named so. */
function recipientKey(all: readonly Recipient[], wanted: string): string {
  if (wanted.startsWith('age1')) return wanted;
  const folded = wanted.trim().toLocaleLowerCase();
  const matches = all.filter((r) => r.name.toLocaleLowerCase() === folded);
  if (matches.length === 1) return (matches[0] as Recipient).publicKey;
  throw new AppError(
    'NOT_FOUND',
    matches.length === 0
      ? 'No recipient of this name; see svidok recipient list'
      : 'Several recipients have this name; give the age1… key instead',
  );
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
