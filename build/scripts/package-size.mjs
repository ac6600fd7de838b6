// The payload an installer packs beside Electron itself (resources/: app.asar, its unpacked part
// and extraResources), measured by running electron-builder --dir with Glossa's config. No
// Electron binary can be downloaded everywhere (CI here cannot), so a stand-in Electron folder is
// given (electronDist) and the fuses, which patch the real binary, are left out of this one run;
// the file selection, asar packing and extraResources are electron-builder's own. When that run
// fails, the size is computed from the files the config selects (package-files.mjs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packagedPayload, readBuilderConfig } from './package-files.mjs';
import { ensureProductionTree } from './production-tree.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function folderBytes(dir) {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) bytes += folderBytes(full);
    else if (entry.isFile()) bytes += fs.statSync(full).size;
  }
  return bytes;
}

function packWithElectronBuilder(log) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-package-size-'));
  try {
    const electronDist = path.join(work, 'electron-dist');
    fs.mkdirSync(electronDist);
    fs.writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    const config = readBuilderConfig(root);
    delete config.electronFuses;
    config.electronDist = electronDist;
    config.directories = { ...config.directories, output: path.join(work, 'out') };
    const electronNative = path.join(root, '.native/electron/better_sqlite3.node');
    if (!fs.existsSync(electronNative)) {
      // Not fetched on this machine: the Node build of the same version stands in (a similar size).
      config.extraResources = [{ from: 'node_modules/better-sqlite3/build/Release/better_sqlite3.node', to: 'native/better_sqlite3.node' }];
    }
    const configFile = path.join(work, 'electron-builder.json');
    fs.writeFileSync(configFile, JSON.stringify(config));
    const result = spawnSync(
      process.execPath,
      [require.resolve('electron-builder/cli.js'), '--config', configFile, '--dir', '--linux', `--${process.arch}`, '--publish', 'never'],
      { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
    );
    const unpacked = fs.existsSync(path.join(work, 'out')) ? fs.readdirSync(path.join(work, 'out')).find((d) => d.endsWith('-unpacked')) : undefined;
    const resources = unpacked && path.join(work, 'out', unpacked, 'resources');
    if (result.status !== 0 || !resources || !fs.existsSync(path.join(resources, 'app.asar'))) {
      log(`electron-builder --dir did not pack (exit ${result.status}): ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' | ')}`);
      return null;
    }
    return folderBytes(resources);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** { mb, method }: dist/ must be built first. */
export function measurePackageSize({ log = console.log } = {}) {
  const bytes = packWithElectronBuilder(log);
  if (bytes !== null) return { mb: Math.round(bytes / 1e5) / 10, method: 'electron-builder --dir (stand-in Electron binary)' };
  const { dir } = ensureProductionTree({ root, log });
  return { mb: packagedPayload({ root, productionTree: dir }).mb, method: "computed from the files electron-builder's config selects" };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { mb, method } = measurePackageSize();
  console.log(`package_mb ${mb} (${method})`);
}
