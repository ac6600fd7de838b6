// Chromium's sandbox for `npm start` on Linux. Ubuntu 23.10 and later restrict unprivileged user
// namespaces with AppArmor (kernel.apparmor_restrict_unprivileged_userns=1), which Chromium's
// sandbox needs unless its setuid helper (node_modules/electron/dist/chrome-sandbox) is owned by
// root with mode 4755; without either, Electron aborts at start. The installers handle this
// themselves (electron-builder's .deb installs an AppArmor profile granting userns; its
// AppImage launcher adds --no-sandbox only where `unshare -Ur true` fails). `npm start` does
// the same as the AppImage, and says how to keep the sandbox.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What to pass Electron, from what was found; pure, so the unit tests can check every case. */
export function sandboxDecision({ platform, userNamespacesWork, helperIsSetuidRoot, helperPath }) {
  if (platform !== 'linux' || userNamespacesWork || helperIsSetuidRoot) return { args: [], warning: null };
  return {
    args: ['--no-sandbox'],
    warning:
      'This Linux does not let Chromium create its sandbox (on Ubuntu 23.10+ AppArmor restricts user namespaces), ' +
      'so Glossa starts with --no-sandbox, as its AppImage does there. To keep the sandbox in development, run:\n' +
      `  sudo chown root:root ${helperPath} && sudo chmod 4755 ${helperPath}`,
  };
}

/** Looks at this machine: can an unprivileged user namespace be made, is the helper setuid root? */
export function probeLinuxSandbox(electronBinary) {
  const helperPath = path.join(path.dirname(electronBinary), 'chrome-sandbox');
  if (process.platform !== 'linux') return { platform: process.platform, userNamespacesWork: true, helperIsSetuidRoot: false, helperPath };
  const unshare = spawnSync('unshare', ['-Ur', 'true'], { stdio: 'ignore' });
  let helperIsSetuidRoot = false;
  try {
    const stat = fs.statSync(helperPath);
    helperIsSetuidRoot = stat.uid === 0 && (stat.mode & 0o4000) !== 0;
  } catch {
    // No helper: only user namespaces can give a sandbox.
  }
  return { platform: 'linux', userNamespacesWork: unshare.status === 0, helperIsSetuidRoot, helperPath };
}
