// Playwright: the wizard in Debian's Chromium through the browser preview, and the same
// scenarios in Electron when an Electron binary is available (ELECTRON_OVERRIDE_DIST_PATH).
import { defineConfig, type Project } from '@playwright/test';
import { findElectron } from './scripts/lib/electron.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, type RuntimeOptions } from './e2e/test-support/runtime';

const electron = findElectron({ timeoutMs: 20_000 });
if (electron.path === null && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(`e2e: Electron project skipped: ${electron.reason}`);
}

const projects: Project<RuntimeOptions>[] = [{ name: 'chromium', use: { runtime: 'preview' } }];
if (electron.path !== null) projects.push({ name: 'electron', use: { runtime: 'electron', electronPath: electron.path } });

export default defineConfig<RuntimeOptions>({
  testDir: './e2e',
  globalSetup: './e2e/test-support/global-setup.ts',
  outputDir: './test-results/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  // A stray test.only must not silently shrink the suite in CI.
  forbidOnly: Boolean(process.env.CI),
  // The long language walks run with `node scripts/e2e.mjs --long` (e2e/README.md).
  grepInvert: process.env.E2E_LONG === '1' ? undefined : /@l10n-long/,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }],
  ],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects,
});
