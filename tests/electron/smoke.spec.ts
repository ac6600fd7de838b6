// Launches the real Electron app where an Electron binary exists; otherwise reports itself
// skipped with the reason. Needs `npm run build` first (test:e2e does it).
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { GlossaApi } from '../../shared/bridge';
import { projectArchivePlan, writeProjectArchive } from '../harness/archive';
import { ImportAnnotationsDialog } from '../e2e/pages/import-annotations-dialog';

const root = path.resolve(__dirname, '../..');
const rendererEntryUrl = 'app://glossa/index.html';

function findElectronBinary(): { binary?: string; reason: string } {
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !fs.existsSync(path.join(root, 'node_modules/electron/path.txt'))) {
    return { reason: "node_modules/electron was installed without its binary (its install script, which downloads it, did not run)" };
  }
  try {
    // The electron package exports its binary's path, and throws when it was never downloaded.
    const binary = createRequire(path.join(root, 'package.json'))('electron') as unknown;
    if (typeof binary === 'string' && fs.existsSync(binary)) return { binary, reason: '' };
    return { reason: `the electron package points to ${String(binary)}, which does not exist` };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

const electronBinary = findElectronBinary();
if (!electronBinary.binary) {
  // The list reporter shows a skip without its reason; say it where CI logs will show it.
  console.log(`[electron] smoke tests skipped: no Electron binary on this machine: ${electronBinary.reason}`);
}

test.describe('Electron app', () => {
  test.skip(!electronBinary.binary, `No Electron binary on this machine: ${electronBinary.reason}`);

  let dir: string;
  let app: ElectronApplication | undefined;
  let appArgs: string[];

  test.beforeAll(() => {
    expect(fs.existsSync(path.join(root, 'dist/electron/main.js')), 'dist/ is missing: run npm run build').toBe(true);
    // The better-sqlite3 build for Electron's ABI (a no-op when already built).
    const native = spawnSync(process.execPath, [path.join(root, 'build/scripts/native-electron.mjs')], { encoding: 'utf8' });
    expect(native.status, native.stderr).toBe(0);
  });

  test.beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-electron-'));
    appArgs = [root, '--db', path.join(dir, 'glossa.sqlite'), '--user-data-dir', path.join(dir, 'user-data')];
    app = await electron.launch({ executablePath: electronBinary.binary, args: appArgs, cwd: root });
  });

  test.afterEach(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('opens the library over app:// with the bridge and nothing else', async () => {
    const page = await app!.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe(rendererEntryUrl);

    const info = await page.evaluate(() => (globalThis as unknown as { glossa: GlossaApi }).glossa['app.info']({}));
    expect(info).toEqual({ ok: true, value: expect.objectContaining({ storePath: path.join(dir, 'glossa.sqlite'), offsetUnit: 'utf16' }) });
    const documents = await page.evaluate(() => (globalThis as unknown as { glossa: GlossaApi }).glossa['documents.list']({}));
    expect(documents.ok && documents.value.length).toBeGreaterThan(0); // the sample report

    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      glossaKeys: Object.keys((globalThis as unknown as { glossa: object }).glossa).length,
    }));
    expect(globals).toMatchObject({ require: 'undefined', process: 'undefined' });
    expect(globals.glossaKeys).toBeGreaterThan(5);
  });

  test('runs the window sandboxed and keeps it on the app', async () => {
    const page = await app!.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    // getLastWebPreferences exists at runtime but is missing from Electron's typings.
    type WithPrefs = { getLastWebPreferences(): Record<string, unknown> };
    const prefs = await app!.evaluate(({ BrowserWindow }) =>
      (BrowserWindow.getAllWindows()[0]!.webContents as unknown as WithPrefs).getLastWebPreferences(),
    );
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });

    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    // Listens after the app's own will-navigate handler, so it hears each attempt once refused.
    type Attempts = { navigationAttempts: string[] };
    await app!.evaluate(({ BrowserWindow }) => {
      const attempts: string[] = [];
      (globalThis as unknown as Attempts).navigationAttempts = attempts;
      BrowserWindow.getAllWindows()[0]!.webContents.on('will-navigate', (_event, url) => attempts.push(url));
    });
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await expect.poll(() => app!.evaluate(() => (globalThis as unknown as Attempts).navigationAttempts)).toEqual(['https://example.com/']);
    expect(page.url()).toBe(rendererEntryUrl);
    expect(app!.windows()).toHaveLength(1);
  });

  test('a second launch on the same profile hands over and exits', async () => {
    await app!.firstWindow();
    const second = spawn(electronBinary.binary!, appArgs, { cwd: root, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);
    expect(app!.windows()).toHaveLength(1);
  });

  test('a .glossa file on the command line of a second launch opens the import at its plan in the first', async () => {
    const page = await app!.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const archive = await writeProjectArchive(dir);
    const second = spawn(electronBinary.binary!, [...appArgs, archive], { cwd: root, stdio: 'ignore' });
    expect(await new Promise<number | null>((resolve) => second.on('exit', resolve))).toBe(0);
    await expect(new ImportAnnotationsDialog(page).dialog()).toContainText(projectArchivePlan);
  });

  test('a .glossa file on the command line of the first launch opens the import at its plan', async () => {
    await app!.close();
    const archive = await writeProjectArchive(dir);
    app = await electron.launch({ executablePath: electronBinary.binary, args: [...appArgs, archive], cwd: root });
    const page = await app.firstWindow();
    await expect(new ImportAnnotationsDialog(page).dialog()).toContainText(projectArchivePlan);
  });
});
