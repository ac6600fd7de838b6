// `npm start` on Linux: Chromium's sandbox stays on wherever the machine allows it.
import { describe, expect, it } from 'vitest';
import { sandboxDecision } from '../../build/scripts/linux-sandbox.mjs';

const helperPath = '/src/glossa/node_modules/electron/dist/chrome-sandbox';
const linux = { platform: 'linux', userNamespacesWork: true, helperIsSetuidRoot: false, helperPath };

describe('sandbox decision for npm start', () => {
  it('keeps the sandbox where user namespaces work', () => {
    expect(sandboxDecision(linux)).toEqual({ args: [], warning: null });
  });

  it('keeps the sandbox where the setuid helper is set up, even with namespaces restricted', () => {
    expect(sandboxDecision({ ...linux, userNamespacesWork: false, helperIsSetuidRoot: true })).toEqual({ args: [], warning: null });
  });

  it('starts without it on Ubuntu 23.10+ (AppArmor-restricted namespaces, no setuid helper), and says how to keep it', () => {
    const decision = sandboxDecision({ ...linux, userNamespacesWork: false });
    expect(decision.args).toEqual(['--no-sandbox']);
    expect(decision.warning).toContain(`sudo chown root:root ${helperPath} && sudo chmod 4755 ${helperPath}`);
  });

  it('never touches the sandbox on macOS or Windows', () => {
    for (const platform of ['darwin', 'win32']) {
      expect(sandboxDecision({ ...linux, platform, userNamespacesWork: false })).toEqual({ args: [], warning: null });
    }
  });
});
