import { basename } from 'node:path';
import { visibleText } from '../../../shared/visible-text';
import { UsageError } from '../args';
import { withUnlockedVault } from '../session';
import type { CommandContext } from '../types';

/** `attachment add --testimony CODE FILE…`: streamed in, hashed, encrypted; one line per file. */
export async function attachmentAdd(ctx: CommandContext): Promise<number> {
  const code = ctx.options.get('testimony')?.at(-1);
  if (!code) throw new UsageError('attachment add needs --testimony CODE');
  if (ctx.args.length === 0) throw new UsageError('attachment add needs at least one FILE');
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ api }) => {
    const { testimonies, attachments } = api.services;
    const testimonyId = testimonies.idByCode(code);
    for (const path of ctx.args) {
      const a = await attachments.add(testimonyId, path, basename(path));
      ctx.io.out(`${a.id}\t${a.sha256}\t${a.size}\t${visibleText(a.fileName)}`);
    }
    return 0;
  });
}

/** `attachment list CODE`: id, SHA-256, size and name, one per line (controls made visible,
 * so a hostile name cannot rewrite the terminal). */
export async function attachmentList(ctx: CommandContext): Promise<number> {
  const code = ctx.args[0];
  if (!code) throw new UsageError('attachment list needs a record code');
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ call, api }) => {
    const testimonyId = api.services.testimonies.idByCode(code);
    const { items } = await call('attachment:list', { testimonyId });
    for (const a of items)
      ctx.io.out(`${a.id}\t${a.sha256}\t${a.size}\t${visibleText(a.fileName)}`);
    return 0;
  });
}

/** `attachment get ID --out FILE`: the original bytes, verified chunk by chunk, written atomically. */
export async function attachmentGet(ctx: CommandContext): Promise<number> {
  const id = ctx.args[0];
  const out = ctx.options.get('out')?.at(-1);
  if (!id || !out) throw new UsageError('attachment get needs an ID and --out FILE');
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ api }) => {
    const a = await api.services.attachments.exportTo(id, out);
    ctx.io.out(`${a.sha256}\t${a.size}\t${out}`);
    return 0;
  });
}
