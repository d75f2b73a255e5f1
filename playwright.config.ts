import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests load the built extension (`npm run build` first) into Debian's Chromium.
 * Each test launches its own browser profile and its own Linkup mock on a random loopback port.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'tests/e2e/artifacts/results.json' }]]
    : 'list',
  outputDir: 'tests/e2e/artifacts/output',
});
