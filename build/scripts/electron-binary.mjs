// Finds the Electron executable installed by the electron package, downloading it if needed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The Electron executable, or the reason there is none. */
export function findElectronBinary() {
  const pathFile = path.join(path.dirname(require.resolve('electron/package.json')), 'path.txt');
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !fs.existsSync(pathFile)) {
    return { reason: 'node_modules/electron has no binary: its install script, which downloads it, has not run' };
  }
  try {
    // The electron package exports the path of its binary, and throws when it was never downloaded.
    const binary = require('electron');
    if (typeof binary === 'string' && fs.existsSync(binary)) return { binary };
    return { reason: `the electron package points to ${binary}, which does not exist` };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs electron's own installer (it downloads the binary) when the binary is missing. */
export function ensureElectronBinary(root) {
  const found = findElectronBinary();
  if (found.binary) return found.binary;
  console.log(`Electron binary missing (${found.reason}); downloading it…`);
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], { stdio: 'inherit' });
  const again = findElectronBinary();
  if (result.status === 0 && again.binary) return again.binary;
  throw new Error(
    'Could not install the Electron binary. node_modules/electron/install.js downloads it from ' +
      'GitHub (or ELECTRON_MIRROR); this machine could not reach it. Run it again where the download ' +
      'is possible, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron ' +
      `${require('electron/package.json').version} build.`,
  );
}
