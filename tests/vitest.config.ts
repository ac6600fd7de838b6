import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Test files that start other processes (the CLI, the team server, PostgreSQL, Python) keep a
 * fresh worker each, so nothing one leaves behind (a server, a cluster, a port) meets another.
 */
const spawning = [
  'tests/unit/cli*.test.ts',
  'tests/unit/*-cli.test.ts',
  'tests/unit/sync/**/*.test.ts',
  'tests/unit/server/**/*.test.ts',
  'tests/unit/team/**/*.test.ts',
  'tests/unit/brat-model.test.ts',
  'tests/unit/export-targets.test.ts',
  'tests/unit/store-recovery.test.ts',
];

export default defineConfig({
  root,
  test: {
    globalSetup: ['tests/unit/cli-bundle.setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        // The rest run with --no-isolate (package.json's test:unit), sharing their workers' module
        // cache: collecting a file then costs milliseconds instead of seconds (every file imports
        // much of the core). Vitest takes isolate from the command line, not per project.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: spawning },
      },
      { extends: true, test: { name: 'unit-processes', include: spawning } },
    ],
  },
});
