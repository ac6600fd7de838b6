import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  outputDir: './output/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // No retries: a test that fails once is a failure (the grid's lost focus under fast keys, the
  // reason CI retried once, is fixed in renderer/src/grid/useGridRows.ts).
  retries: 0,
  reporter: [['list']],
  projects: [
    { name: 'e2e', testMatch: 'e2e/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
