// `npm run test:ship`: the built app's Node side, run from a production-only dependency tree.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default defineConfig({
  root,
  test: {
    include: ['tests/ship/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
