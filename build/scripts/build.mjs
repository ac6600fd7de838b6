// Builds every bundle with esbuild: the Electron main process and preload, the CLI, and the
// renderer. `node build/scripts/build.mjs [--dev]`.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'dist');
const dev = process.argv.includes('--dev');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  sourcemap: dev ? 'inline' : false,
  minify: !dev,
  logLevel: 'warning',
  define: { __GLOSSA_VERSION__: JSON.stringify(pkg.version) },
};

/**
 * Plain-Node bundles: native and Electron modules stay outside (esbuild is used only when running
 * from source), and so does pg (the CLI's `glossa server` commands), whose optional pg-native
 * would otherwise be left in the bundle as a require of a package nobody installs.
 */
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'better-sqlite3', 'esbuild', 'pg'] };

fs.rmSync(out, { recursive: true, force: true });
await Promise.all([
  build({ ...node, entryPoints: [path.join(root, 'electron/shell/main.ts')], outfile: path.join(out, 'electron/main.js') }),
  // A sandboxed preload may require only 'electron'; everything else is bundled in.
  build({ ...node, entryPoints: [path.join(root, 'electron/shell/preload.ts')], outfile: path.join(out, 'electron/preload.js') }),
  // The glossa command (package.json bin): a launcher that answers --version without loading
  // anything, and the CLI itself beside it.
  build({ ...node, entryPoints: [path.join(root, 'electron/cli-entry.ts')], outfile: path.join(out, 'cli.js'), banner: { js: '#!/usr/bin/env node' } }),
  build({ ...node, entryPoints: [path.join(root, 'electron/cli.ts')], outfile: path.join(out, 'cli-app.js') }),
  // The import worker (worker_threads) beside main.js. It bundles no package: its parsers
  // (jsdom, @mozilla/readability, pdfjs-dist, mammoth, yauzl, marked, entities) load from
  // node_modules, so each is a `dependency` (tests/ship checks every one from a production tree).
  build({ ...node, packages: 'external', entryPoints: [path.join(root, 'electron/services/library/importers/worker-entry.ts')], outfile: path.join(out, 'electron/import-worker.js') }),
  // The search worker beside main.js: its own read-only connection answers search (search-runner.ts).
  build({ ...node, packages: 'external', entryPoints: [path.join(root, 'electron/services/search/search-worker-entry.ts')], outfile: path.join(out, 'electron/search-worker.js') }),
  build({
    ...common,
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
    entryPoints: { app: path.join(root, 'renderer/src/main.tsx') },
    outdir: path.join(out, 'renderer'),
    jsx: 'automatic',
    loader: { '.woff2': 'file', '.svg': 'file' },
    define: { ...common.define, 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
  }),
]);
fs.copyFileSync(path.join(root, 'renderer/index.html'), path.join(out, 'renderer/index.html'));
fs.chmodSync(path.join(out, 'cli.js'), 0o755);
console.log(`built dist/ (${dev ? 'development' : 'production'})`);
