import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/rig/chromium';

// The keystroke benchmark: the e2e rig, one spec, run by `npm run bench` (never by `npm test`,
// which asserts no times).
export default defineConfig({
  testDir: '.',
  testMatch: 'keystroke.bench.ts',
  tsconfig: '../../e2e/tsconfig.json',
  outputDir: '../../../test-results/bench-keystroke',
  globalSetup: '../../e2e/rig/global-setup.ts',
  workers: 1,
  retries: 0,
  timeout: 300_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
    trace: 'off',
    video: 'off',
    screenshot: 'off',
  },
});
