/** The crash test's loop, longer: `npm run bench -- --soak [--kills N]`. */
import { runCrashLoop } from '../helpers/crash-loop';
import type { CrashLoopReport } from '../helpers/crash-loop';
import { newSeed } from '../helpers/prng';

export async function soak(
  workDir: string,
  options: { childScript: string; kills: number; seed?: number },
): Promise<CrashLoopReport> {
  const seed = options.seed ?? newSeed();
  console.log(`soak: ${options.kills} kills, seed ${seed}`);
  return runCrashLoop({
    childScript: options.childScript,
    workDir,
    kills: options.kills,
    lanes: 2,
    seed,
    // A soak counts every problem instead of stopping at the first.
    stopOnProblem: false,
    progress: (line) => console.log(`  ${line}`),
  });
}
