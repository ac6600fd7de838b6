import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  root,
  test: {
    include: ['tests/unit/**/*.test.ts'],
    globalSetup: ['tests/unit/cli-bundle.setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
