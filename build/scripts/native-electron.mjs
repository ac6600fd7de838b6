// Gets better-sqlite3 for Electron's ABI in a private copy, so the Node build in node_modules
// (used by tests and the CLI) is never touched: first better-sqlite3's published Electron
// prebuild (prebuild-install --runtime electron, no compiler needed), and only when there is
// none for this Electron, platform and arch, a node-gyp build against Electron's headers (that
// needs a C++20 compiler and Python). The result goes to .native/electron/better_sqlite3.node
// and is fetched again only when Electron, better-sqlite3 or the platform/arch change.
// `node build/scripts/native-electron.mjs [--force] [--from-source]`.
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

/** The prebuild-install invocation that downloads better-sqlite3's prebuilt Electron binary. */
export function prebuildCommand({ root = repoRoot, electronVersion, arch = process.arch, platform = process.platform, nodeExecutable = process.execPath }) {
  const paths = nativeElectronPaths(root);
  return {
    command: nodeExecutable,
    args: [
      path.join(root, 'node_modules', 'prebuild-install', 'bin.js'),
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      `--platform=${platform}`,
      '--verbose',
    ],
    // It reads the package name and version from package.json here, and unpacks to build/Release.
    cwd: paths.buildSrc,
  };
}

/** The node-gyp invocation that compiles better-sqlite3 against Electron's headers (the fallback). */
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

function run(command, log) {
  const result = spawnSync(command.command, command.args, { cwd: command.cwd, stdio: 'inherit' });
  if (result.error) log(`${path.basename(command.args[0])}: ${result.error.message}`);
  return result.status ?? result.signal ?? result.error?.message;
}

/**
 * Gets the Electron binary if needed (prebuilt, else compiled); returns its path and how it was
 * obtained. Throws with a readable message when neither way works.
 */
export function ensureElectronNative({ root = repoRoot, force = false, fromSource = false, arch = process.arch, log = console.log } = {}) {
  const paths = nativeElectronPaths(root);
  const stamp = wantedStamp(root, arch);
  if (!force && isUpToDate(paths, stamp)) return paths.binary;

  copySources(paths);
  const built = path.join(paths.buildSrc, 'build', 'Release', 'better_sqlite3.node');
  const target = `better-sqlite3 ${stamp.betterSqlite3} for Electron ${stamp.electron} (${stamp.platform}-${arch})`;
  let how = 'prebuilt';
  let prebuildExit = 'skipped (--from-source)';
  if (!fromSource) {
    log(`downloading the prebuilt ${target}…`);
    prebuildExit = run(prebuildCommand({ root, electronVersion: stamp.electron, arch }), log);
  }
  if (prebuildExit !== 0 || !fs.existsSync(built)) {
    how = 'compiled';
    log(`no prebuilt binary (prebuild-install: ${prebuildExit}); compiling ${target} with node-gyp…`);
    const exit = run(nodeGypCommand({ root, electronVersion: stamp.electron, arch }), log);
    if (exit !== 0 || !fs.existsSync(built)) {
      throw new Error(
        `Could not get ${target}. prebuild-install found no published binary (exit ${prebuildExit}), and node-gyp ` +
          `could not compile one (exit ${exit}): that needs Electron's headers from ${electronHeadersUrl} ` +
          `(or already in ${paths.gypDevDir}), a C++20 compiler and Python.`,
      );
    }
  }
  fs.copyFileSync(built, paths.binary);
  fs.writeFileSync(paths.stamp, JSON.stringify({ ...stamp, how, builtAt: new Date().toISOString() }, null, 2) + '\n');
  log(`${how} ${path.relative(root, paths.binary)}`);
  return paths.binary;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    ensureElectronNative({ force: process.argv.includes('--force'), fromSource: process.argv.includes('--from-source') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
