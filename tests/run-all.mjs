#!/usr/bin/env node
// `npm test`: typecheck, lint, build, unit + integration (vitest), e2e (Playwright in Chromium).
// Every stage runs even if an earlier one failed, so one run shows everything that is wrong;
// the last line sums every runner as "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Svidok needs Node >= 22.12; this is ${process.version}.`);
  process.exit(1);
}

const stages = [];

function run(name, command, args) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  console.log(`=== ${name}: exit ${status} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return status === 0;
}

function check(name, command, args) {
  const ok = run(name, command, args);
  stages.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const npx = 'npx';
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npm', ['run', '--silent', 'lint']);
const built = check('build', npx, ['electron-vite', 'build']);

const vitestReport = join(results, 'vitest-report.json');
rmSync(vitestReport, { force: true });
const vitestOk = run('unit and integration (vitest)', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const v = readJson(vitestReport);
if (v) {
  // A file that fails to load has no failed test of its own: count it as one failure.
  const loadFailures = (v.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  const counted = v.numFailedTests + loadFailures;
  const failed = counted + (vitestOk || counted > 0 ? 0 : 1);
  stages.push({ name: 'vitest', passed: v.numPassedTests, failed });
} else stages.push({ name: 'vitest', passed: 0, failed: 1 });

const e2eReport = join(results, 'e2e-report.json');
rmSync(e2eReport, { force: true });
if (built) {
  const e2eOk = run('e2e (Playwright, Chromium)', npx, ['playwright', 'test']);
  const p = existsSync(e2eReport) ? readJson(e2eReport) : null;
  if (p?.stats) {
    const failed = p.stats.unexpected + p.stats.flaky + (e2eOk || p.stats.unexpected ? 0 : 1);
    stages.push({ name: 'playwright', passed: p.stats.expected, failed });
  } else stages.push({ name: 'playwright', passed: 0, failed: 1 });
} else {
  console.log('\n=== e2e skipped: the build failed');
  stages.push({ name: 'playwright', passed: 0, failed: 1 });
}

console.log('\n=== summary');
for (const s of stages) console.log(`  ${s.name.padEnd(12)} ok ${s.passed}, failing ${s.failed}`);
const passed = stages.reduce((n, s) => n + s.passed, 0);
const failed = stages.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
