// `npm start [-- app args]`: builds, makes sure Electron and its better-sqlite3 build exist,
// and runs the app. Arguments are passed on, e.g. `npm start -- --db /tmp/test.sqlite`.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronBinary } from './electron-binary.mjs';
import { probeLinuxSandbox, sandboxDecision } from './linux-sandbox.mjs';
import { ensureElectronNative } from './native-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function fail(message) {
  console.error(`\nnpm start: ${message}`);
  process.exit(1);
}

const built = spawnSync(process.execPath, [path.join(root, 'build/scripts/build.mjs'), '--dev'], { stdio: 'inherit' });
if (built.status !== 0) fail('the build failed (see above).');

let electron;
try {
  electron = ensureElectronBinary();
  ensureElectronNative({ root });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const sandbox = sandboxDecision(probeLinuxSandbox(electron));
if (sandbox.warning) console.warn(`\nnpm start: ${sandbox.warning}\n`);
const child = spawn(electron, [...sandbox.args, root, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
