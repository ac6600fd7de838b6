// The app entry: one instance, one hardened window, the core behind a generic IPC door.
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { dropGrantChannel } from '../../shared/bridge';
import { channels, eventChannel, ipcChannelPrefix } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { isArchivePath } from '../../shared/formats';
import { startAppCore, type AppCore } from '../app-core';
import { openArchiveFromOs } from '../services/datasets/opened-archive-handlers';
import { archivePathsFromArgv } from '../services/datasets/opened-archives';
import { grantDroppedPaths } from '../services/grants';
import { rendererOrigin, serveRendererFile } from '../protocol/renderer-files';
import { createElectronClipboard } from './clipboard';
import { createElectronDialogs } from './dialogs';
import { logError, logInfo, startLogging, watchForCrashes } from './logging';
import { installMenu, showChecked } from './menu';
import { teamServiceOf } from '../services/team/team-services';
import { createTokenCipher } from './token-cipher';
import { argValue, electronNativeBindingPath, guardedHandler, isAppUrl, isTrustedSenderUrl, resolveStorePath } from './policy';
import { createMainWindow, hardenSession, lockDownContents } from './window';

const rendererDir = path.join(__dirname, '..', 'renderer');

// Must happen before 'ready': app:// behaves like https (origin, fetch, secure context).
protocol.registerSchemesAsPrivileged([
  { scheme: rendererOrigin.scheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

let appCore: AppCore | undefined;
let mainWindow: BrowserWindow | undefined;
/** Archives the OS opened before the core was ready (macOS sends open-file before 'ready'). */
const archivesBeforeReady: string[] = [];

function fail(title: string, message: string): void {
  logError(`${title}: ${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function registerIpc(opened: AppCore): void {
  for (const channel of channels) {
    const handle = guardedHandler(opened.dispatch, channel);
    // senderFrame is null when the frame has navigated away or been destroyed: refused.
    ipcMain.handle(ipcChannelPrefix + channel, (event, args: unknown) => handle(event.senderFrame?.url, args));
  }
  // The preload's private channel: the paths of a drop, read by the preload, granted here.
  ipcMain.handle(dropGrantChannel, (event, paths: unknown) => {
    // While the store is damaged there is no core, and nothing to import into.
    const core = opened.core;
    return core && isTrustedSenderUrl(event.senderFrame?.url) ? grantDroppedPaths(core.ctx.grants, paths) : [];
  });
}

function serveRenderer(): void {
  protocol.handle(rendererOrigin.scheme, (request) => {
    if (!isAppUrl(request.url)) return new Response('Not found', { status: 404 });
    const file = serveRendererFile(rendererDir, new URL(request.url).pathname);
    return new Response(new Uint8Array(file.body), { status: file.status, headers: file.headers });
  });
}

function openCore(): AppCore | undefined {
  const nativeBinding = electronNativeBindingPath(app.isPackaged, process.resourcesPath, app.getAppPath());
  if (!fs.existsSync(nativeBinding)) {
    fail(
      'Glossa cannot start',
      `The Electron build of better-sqlite3 is missing (${nativeBinding}). ` +
        'Start Glossa with "npm start", which builds it.',
    );
    return undefined;
  }
  const storePath = resolveStorePath(process.argv, process.env, app.getPath('userData'));
  try {
    // A damaged store does not stop the app: the window opens on the damaged-store screen.
    return startAppCore({
      storePath,
      dialogs: createElectronDialogs(),
      clipboard: createElectronClipboard(),
      appVersion: app.getVersion(),
      seedSample: true,
      nativeBinding,
      // safeStorage can be asked only once the app is ready, as it is here.
      teamSync: { cipher: createTokenCipher() },
      emit: (event) => {
        if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(eventChannel, event);
      },
    });
  } catch (error) {
    // The store refused to open (in use, too new) and has not been changed.
    const message = error instanceof AppError ? error.message : `Could not open ${storePath}: ${String(error)}`;
    fail('Glossa cannot open its store', message);
    return undefined;
  }
}

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    return;
  }
  mainWindow = createMainWindow(path.join(__dirname, 'preload.js'), path.join(app.getPath('userData'), 'window-state.json'));
  mainWindow.on('closed', () => (mainWindow = undefined));
}

/** Hands archives the OS opened (.glossa) to the annotated-data import, and shows the window. */
function openArchives(paths: readonly string[]): void {
  const core = appCore?.core;
  if (!core) {
    archivesBeforeReady.push(...paths);
    return;
  }
  for (const target of paths) {
    logInfo(`archive opened: ${target}`);
    openArchiveFromOs(core.ctx, target);
  }
  if (paths.length > 0) showMainWindow();
}

function main(): void {
  // Lets tests (and people with two libraries) run a separate instance.
  const userData = argValue(process.argv, '--user-data-dir');
  if (userData) app.setPath('userData', path.resolve(userData));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  startLogging();
  watchForCrashes(() => mainWindow);
  // macOS: double-clicked files arrive here, also while the app is starting.
  app.on('open-file', (event, target) => {
    event.preventDefault();
    if (isArchivePath(target)) openArchives([target]);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    showMainWindow();
    openArchives(archivePathsFromArgv(argv, workingDirectory));
  });
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => appCore?.close());
  app.on('activate', () => {
    if (appCore) showMainWindow();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    serveRenderer();
    appCore = openCore();
    if (!appCore) return;
    const status = appCore.status();
    logInfo(`store ${status.state}: ${status.storePath}${status.problem ? ` (${status.problem})` : ''}`);
    registerIpc(appCore);
    const opened = appCore;
    installMenu(() => (opened.core ? teamServiceOf(opened.core.ctx).automatic : false));
    // The store open now, and the one a damaged store's recovery opens later.
    opened.onCoreOpened((core) => {
      const team = teamServiceOf(core.ctx);
      showChecked('team-automatic', team.automatic);
      team.onChange(() => showChecked('team-automatic', team.automatic));
    });
    showMainWindow();
    // Windows and Linux: the file that launched Glossa is on its command line.
    openArchives([...archivesBeforeReady.splice(0), ...archivePathsFromArgv(process.argv, process.cwd())]);
  });
}

main();
