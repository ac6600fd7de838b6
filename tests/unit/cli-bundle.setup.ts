// Bundles the CLI and its two worker threads once per test run, beside each other as in dist/, so
// each of the suite's CLI runs starts plain Node (~0.2 s) instead of compiling the sources with tsx
// (~1 s). Packages stay external and resolve from the repository's node_modules.
import { build } from 'esbuild';
import fs from 'node:fs';
import { cliBundle, cliBundleDir, repo } from './cli-bundle';

export default async function bundleCli(): Promise<void> {
  fs.rmSync(cliBundleDir, { recursive: true, force: true });
  const node = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' } as const;
  await Promise.all([
    build({ ...node, entryPoints: [`${repo}/electron/cli.ts`], outfile: cliBundle }),
    build({ ...node, entryPoints: [`${repo}/electron/services/library/importers/worker-entry.ts`], outfile: `${cliBundleDir}/import-worker.js` }),
    build({ ...node, entryPoints: [`${repo}/electron/services/search/search-worker-entry.ts`], outfile: `${cliBundleDir}/search-worker.js` }),
  ]);
}
