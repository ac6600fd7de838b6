import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  outputDir: './output/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // One retry in CI only: the library grid's keyboard focus can be lost when a row is re-rendered
  // under fast key presses (a known flaw, noted for the desk-speed issue); a failure that repeats still fails.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  projects: [
    { name: 'e2e', testMatch: 'e2e/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
