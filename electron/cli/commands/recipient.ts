import { RECIPIENT_CLASSES } from '../../../shared/forms/consent';
import type { RecipientClass } from '../../../shared/forms/consent';
import { UsageError } from '../args';
import { withUnlockedVault } from '../session';
import type { CommandContext } from '../types';

/** The class of a recipient added without --class: the most common receiver of bundles. */
const DEFAULT_CLASS: RecipientClass = 'national_prosecutor';

/**
 * `recipient add --name N --org O [--class C] age1…`: through the same channel as the app, so
 * the key is checked the same way. Prints the fingerprint to read back to the recipient.
 */
export async function recipientAdd(ctx: CommandContext): Promise<number> {
  const name = ctx.options.get('name')?.at(-1);
  const organisation = ctx.options.get('org')?.at(-1);
  const publicKey = ctx.args[0];
  if (!name || !organisation || !publicKey) {
    throw new UsageError('recipient add needs --name N --org O and an age1… public key');
  }
  const cls = ctx.options.get('class')?.at(-1) ?? DEFAULT_CLASS;
  if (!(RECIPIENT_CLASSES as readonly string[]).includes(cls)) {
    throw new UsageError(`--class must be one of: ${RECIPIENT_CLASSES.join(', ')}`);
  }
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ call }) => {
    const r = await call('recipient:add', {
      name,
      organisation,
      publicKey,
      recipientClass: cls as RecipientClass,
    });
    ctx.io.out(`${r.id}\t${r.publicKey}`);
    ctx.io.out(`fingerprint: ${r.fingerprint}`);
    ctx.io.out('Compare the fingerprint with the recipient by phone or in person.');
    return 0;
  });
}

/** One line per recipient: fingerprint, class, key, name, organisation (tab-separated). */
export async function recipientList(ctx: CommandContext): Promise<number> {
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ call }) => {
    const { items } = await call('recipient:list', {});
    for (const r of items) {
      ctx.io.out(
        [
          r.fingerprint,
          r.recipientClass,
          r.publicKey,
          oneLine(r.name),
          oneLine(r.organisation),
        ].join('\t'),
      );
    }
    return 0;
  });
}

/** A tab or newline in a name would break the columns that scripts read. */
const oneLine = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
