// The production dependency tree, as an installer ships it: `npm ci --omit=dev` of this
// package-lock in a folder of its own, minus what build/electron-builder.yml leaves out of the
// package. Cached in the system temp folder by a hash of package.json's dependencies and the
// lock, so only a change of dependencies pays for a new install. It lives outside the
// repository on purpose: Node looks for packages in every parent folder's node_modules, and a
// tree inside this one would quietly find the development packages.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packagedNodeModuleExclusions, isExcludedFromPackage } from './package-files.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** What decides the tree: the dependencies, the lock, and what the package leaves out. */
export function productionTreeKey(root = repoRoot) {
  const pkg = readJson(path.join(root, 'package.json'));
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ dependencies: pkg.dependencies ?? {}, optional: pkg.optionalDependencies ?? {} }));
  hash.update(fs.readFileSync(path.join(root, 'package-lock.json')));
  hash.update(JSON.stringify(packagedNodeModuleExclusions(root)));
  hash.update(`${process.platform}-${process.arch}-${process.versions.modules}`);
  return hash.digest('hex').slice(0, 16);
}

export function productionTreeDir(root = repoRoot) {
  return path.join(os.tmpdir(), 'glossa-production-tree', productionTreeKey(root));
}

function removeExcluded(dir, relative = '') {
  let removed = 0;
  for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (isExcludedFromPackage(`node_modules/${rel}`, entry.isDirectory())) {
      fs.rmSync(path.join(dir, rel), { recursive: true, force: true });
      removed++;
    } else if (entry.isDirectory()) {
      removed += removeExcluded(dir, rel);
    }
  }
  return removed;
}

/**
 * Installs the tree if this key has none yet; returns its folder and how long the install took
 * (0 when cached). Install scripts do not run (electron-builder runs none either: npmRebuild is
 * false); better-sqlite3's Node build is copied from the development tree, which has the same
 * version, so the CLI can run on Node. The packaged app loads its Electron build instead.
 */
export function ensureProductionTree({ root = repoRoot, log = console.log } = {}) {
  const dir = productionTreeDir(root);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return { dir, installMs: 0 };

  const started = performance.now();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  fs.copyFileSync(path.join(root, 'package-lock.json'), path.join(dir, 'package-lock.json'));
  log(`npm ci --omit=dev in ${dir}…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`npm ci --omit=dev failed in ${dir} (exit ${result.status ?? result.signal})`);

  // Trimmed first: the package leaves better-sqlite3's Node build out, and the CLI needs it.
  removeExcluded(path.join(dir, 'node_modules'));
  const devSqlite = path.join(root, 'node_modules', 'better-sqlite3');
  const prodSqlite = path.join(dir, 'node_modules', 'better-sqlite3');
  if (readJson(path.join(devSqlite, 'package.json')).version !== readJson(path.join(prodSqlite, 'package.json')).version) {
    throw new Error('better-sqlite3 in node_modules differs from package-lock.json: run npm ci');
  }
  const binary = path.join('build', 'Release', 'better_sqlite3.node');
  fs.mkdirSync(path.dirname(path.join(prodSqlite, binary)), { recursive: true });
  fs.copyFileSync(path.join(devSqlite, binary), path.join(prodSqlite, binary));
  fs.writeFileSync(done, new Date().toISOString() + '\n');
  const installMs = Math.round(performance.now() - started);
  log(`production tree ready in ${(installMs / 1000).toFixed(1)} s`);
  return { dir, installMs };
}

/** Lays the built app (dist/ and package.json) into the production tree, as an installer does. */
export function stageBuiltApp(treeDir, root = repoRoot) {
  const dist = path.join(root, 'dist');
  if (!fs.existsSync(path.join(dist, 'cli.js'))) throw new Error('dist/ is not built: run npm run build');
  fs.rmSync(path.join(treeDir, 'dist'), { recursive: true, force: true });
  fs.cpSync(dist, path.join(treeDir, 'dist'), { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(treeDir, 'package.json'));
  return treeDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { dir, installMs } = ensureProductionTree();
  console.log(`${dir} (${installMs ? `installed in ${(installMs / 1000).toFixed(1)} s` : 'cached'})`);
}
