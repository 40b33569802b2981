// `npm run bench`: bundles the benchmark (tests/bench/main.ts) and the crash test's child into
// temp .cjs files — the repo is TypeScript and has no build step for tests — and runs the
// benchmark in a fresh node with the given arguments. See main.ts for the options.
import { spawnSync } from 'node:child_process';
import { bundleEntry, removeBundles, REPO_ROOT } from '../helpers/bundle.mjs';

const main = await bundleEntry('tests/bench/main.ts');
const child = await bundleEntry('tests/integration/crash-durability.child.ts');
const { status, signal } = spawnSync(
  process.execPath,
  ['--enable-source-maps', main, ...process.argv.slice(2)],
  { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, SVIDOK_CRASH_CHILD: child } },
);
removeBundles();
process.exit(status ?? (signal ? 1 : 0));
