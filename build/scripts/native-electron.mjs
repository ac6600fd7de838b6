// Builds better-sqlite3 for Electron's ABI in a private copy, so the Node build in
// node_modules (used by tests and the CLI) is never touched. The result goes to
// .native/electron/better_sqlite3.node and is rebuilt only when Electron, better-sqlite3 or
// the platform/arch change. `node build/scripts/native-electron.mjs [--force]`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const electronHeadersUrl = 'https://electronjs.org/headers';

export function nativeElectronPaths(root = repoRoot) {
  const dir = path.join(root, '.native', 'electron');
  return {
    dir,
    buildSrc: path.join(dir, 'build-src'),
    gypDevDir: path.join(dir, 'gyp-headers'),
    binary: path.join(dir, 'better_sqlite3.node'),
    stamp: path.join(dir, 'stamp.json'),
    source: path.join(root, 'node_modules', 'better-sqlite3'),
  };
}

/** The node-gyp invocation that compiles better-sqlite3 against Electron's headers. */
export function nodeGypCommand({ root = repoRoot, electronVersion, arch = process.arch, nodeExecutable = process.execPath }) {
  const paths = nativeElectronPaths(root);
  return {
    command: nodeExecutable,
    args: [
      path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      `--dist-url=${electronHeadersUrl}`,
      // Electron's headers are kept apart from Node's in ~/.cache/node-gyp.
      `--devdir=${paths.gypDevDir}`,
    ],
    cwd: paths.buildSrc,
  };
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** What the binary was built for; a change in any field means a rebuild. */
export function wantedStamp(root = repoRoot, arch = process.arch) {
  return {
    electron: readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version,
    betterSqlite3: readJson(path.join(root, 'node_modules', 'better-sqlite3', 'package.json')).version,
    platform: process.platform,
    arch,
  };
}

export function isUpToDate(paths, stamp) {
  if (!fs.existsSync(paths.binary) || !fs.existsSync(paths.stamp)) return false;
  try {
    const built = readJson(paths.stamp);
    return Object.entries(stamp).every(([key, value]) => built[key] === value);
  } catch {
    return false;
  }
}

function copySources(paths) {
  fs.rmSync(paths.buildSrc, { recursive: true, force: true });
  fs.mkdirSync(paths.buildSrc, { recursive: true });
  for (const entry of ['binding.gyp', 'package.json', 'src', 'deps']) {
    fs.cpSync(path.join(paths.source, entry), path.join(paths.buildSrc, entry), { recursive: true });
  }
}

/** Builds the Electron binary if needed; returns its path. Throws with a readable message. */
export function ensureElectronNative({ root = repoRoot, force = false, arch = process.arch, log = console.log } = {}) {
  const paths = nativeElectronPaths(root);
  const stamp = wantedStamp(root, arch);
  if (!force && isUpToDate(paths, stamp)) return paths.binary;

  log(`building better-sqlite3 ${stamp.betterSqlite3} for Electron ${stamp.electron} (${stamp.platform}-${arch})…`);
  copySources(paths);
  const gyp = nodeGypCommand({ root, electronVersion: stamp.electron, arch });
  const result = spawnSync(gyp.command, gyp.args, { cwd: gyp.cwd, stdio: 'inherit' });
  const built = path.join(paths.buildSrc, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !fs.existsSync(built)) {
    throw new Error(
      `node-gyp could not build better-sqlite3 for Electron ${stamp.electron} ` +
        `(exit ${result.status ?? result.signal ?? result.error?.message}). It needs Electron's headers from ` +
        `${electronHeadersUrl} (or already in ${paths.gypDevDir}) and a C++20 compiler with Python.`,
    );
  }
  fs.copyFileSync(built, paths.binary);
  fs.writeFileSync(paths.stamp, JSON.stringify({ ...stamp, builtAt: new Date().toISOString() }, null, 2) + '\n');
  log(`built ${path.relative(root, paths.binary)}`);
  return paths.binary;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    ensureElectronNative({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
