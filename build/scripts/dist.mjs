// `npm run dist [-- electron-builder args]`: production build, better-sqlite3 for Electron,
// then installers for this platform in release/ (see build/electron-builder.yml).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './native-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function run(args) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run([path.join(root, 'build/scripts/build.mjs')]);
try {
  // The packaged binary is built for this machine's platform and arch only, so installers for
  // another OS must be made on that OS (the config sets npmRebuild: false).
  ensureElectronNative({ root });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
run([
  path.join(root, 'node_modules/electron-builder/cli.js'),
  '--config',
  path.join(root, 'build/electron-builder.yml'),
  '--publish',
  'never',
  ...process.argv.slice(2),
]);
