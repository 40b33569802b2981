import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/e2e/rig/chromium';

// The renderer runs unchanged in Debian's Chromium; the Electron binary is not available here.
export default defineConfig({
  testDir: 'tests/e2e',
  tsconfig: './tests/e2e/tsconfig.json',
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/rig/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
    // Traces and videos would copy testimony text into test output.
    trace: 'off',
    video: 'off',
    screenshot: 'off',
  },
});
