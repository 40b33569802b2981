import { withUnlockedVault } from '../session';
import type { CommandContext } from '../types';

/** `custody verify`: chain and signatures of the whole log; exit 1 names the first bad entry. */
export async function custodyVerify(ctx: CommandContext): Promise<number> {
  return withUnlockedVault(ctx.vaultDir, ctx.io, ctx.log, async ({ call }) => {
    const report = await call('custody:verify', {});
    if (report.ok) {
      ctx.io.out(`custody: ok (${report.entries} entries, chain and signatures verified)`);
      return 0;
    }
    const bad = report.firstBad;
    ctx.io.err(`custody: FAILED at entry ${bad?.seq ?? '?'}: ${bad?.reason ?? 'unknown'}`);
    return 1;
  });
}
