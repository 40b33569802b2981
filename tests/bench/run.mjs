// `npm run bench`: bundles the benchmark (tests/bench/main.ts) and the crash test's child into
// temp .cjs files — the repo is TypeScript and has no build step for tests — and runs the
// benchmark in a fresh node with the given arguments. See main.ts for the options. The
// keystroke section runs in Chromium through Playwright (tests/bench/keystroke/), after a build.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bundleEntry, removeBundles, REPO_ROOT } from '../helpers/bundle.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--only');
const only = at >= 0 ? (args[at + 1] ?? '').split(',') : null;
const soak = args.includes('--soak') || args[0] === '--probe';
const keystroke = !soak && (only === null || only.includes('keystroke'));
const vaultSections = soak || only === null || only.some((s) => s !== 'keystroke');

let failed = false;
if (vaultSections) {
  const main = await bundleEntry('tests/bench/main.ts');
  const child = await bundleEntry('tests/integration/crash-durability.child.ts');
  const { status, signal } = spawnSync(process.execPath, ['--enable-source-maps', main, ...args], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, SVIDOK_CRASH_CHILD: child },
  });
  removeBundles();
  failed ||= status !== 0 || signal !== null;
}
if (keystroke) {
  const run = (command, commandArgs) =>
    spawnSync(command, commandArgs, { cwd: REPO_ROOT, stdio: 'inherit' }).status === 0;
  const npx = join(REPO_ROOT, 'node_modules', '.bin');
  // Always build: a stale renderer would measure yesterday's code.
  failed ||= !run(join(npx, 'electron-vite'), ['build']);
  failed ||= !run(join(npx, 'playwright'), [
    'test',
    '-c',
    'tests/bench/keystroke/playwright.config.ts',
  ]);
}
process.exit(failed ? 1 : 0);
