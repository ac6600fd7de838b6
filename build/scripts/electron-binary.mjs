// Finds the Electron executable of the electron package, downloading it if needed. Since
// Electron 42 the package no longer downloads at install time but on first use; this reads where
// the binary is without triggering that, and downloads it only when asked to (npm start).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronPackageDir() {
  return path.dirname(require.resolve('electron/package.json'));
}

/** The Electron executable, or the reason there is none. Never downloads. */
export function findElectronBinary() {
  const dir = electronPackageDir();
  const pathFile = path.join(dir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, relative || 'electron');
    return fs.existsSync(binary) ? { binary } : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${relative || 'electron'}` };
  }
  if (!relative) return { reason: 'node_modules/electron has no binary yet (it downloads it on first use)' };
  const binary = path.join(dir, 'dist', relative);
  return fs.existsSync(binary) ? { binary } : { reason: `the electron package points to ${binary}, which does not exist` };
}

/** Runs electron's own installer (it downloads the binary) when the binary is missing. */
export function ensureElectronBinary() {
  const found = findElectronBinary();
  if (found.binary) return found.binary;
  console.log(`Electron binary missing (${found.reason}); downloading it…`);
  const result = spawnSync(process.execPath, [path.join(electronPackageDir(), 'install.js')], { stdio: 'inherit' });
  const again = findElectronBinary();
  if (result.status === 0 && again.binary) return again.binary;
  const version = require('electron/package.json').version;
  throw new Error(
    `Could not install the Electron ${version} binary. node_modules/electron/install.js downloads it from ` +
      'GitHub (or ELECTRON_MIRROR) and needs Node 22.12 or later; this machine could not run or reach it. ' +
      'Run it again where the download is possible, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding ' +
      `an Electron ${version} build.`,
  );
}
