// The main window and the session it runs in: sandboxed, no Node, nothing remote.
import { BrowserWindow, screen, type Session, type WebContents } from 'electron';
import path from 'node:path';
import { rendererEntryUrl } from '../protocol/renderer-files';
import { isAllowedNavigation, isAllowedRequest } from './policy';
import { minimumSize, readWindowState, windowBoundsFor, writeWindowState } from './window-state';

/** Denies every permission and every request that is not for app:// (or devtools). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
}

/** No navigation away from the app, no new windows, no webviews. Applied to every webContents. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The connected screens' work areas, the primary one first. */
function workAreas() {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

/**
 * The main window, where it was last closed (when that is still on a connected screen) and as
 * large; its state is saved to `stateFile` when it closes.
 */
export function createMainWindow(preloadPath: string = path.join(__dirname, 'preload.js'), stateFile?: string): BrowserWindow {
  const { bounds, maximized } = windowBoundsFor(stateFile ? readWindowState(stateFile) : undefined, workAreas());
  const window = new BrowserWindow({
    ...bounds,
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
    show: false,
    title: 'Glossa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click must not open links in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // lockDownContents is applied to every webContents, this one included, from main.ts.
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  if (stateFile) {
    window.on('close', () => {
      try {
        writeWindowState(stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
      } catch {
        // A read-only profile folder: the next start uses the default size.
      }
    });
  }
  void window.loadURL(rendererEntryUrl);
  return window;
}
