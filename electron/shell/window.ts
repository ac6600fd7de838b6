// The main window and the session it runs in: sandboxed, no Node, nothing remote.
import { BrowserWindow, type Session, type WebContents } from 'electron';
import path from 'node:path';
import { rendererEntryUrl } from '../protocol/renderer-files';
import { isAllowedNavigation, isAllowedRequest } from './policy';

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

export function createMainWindow(preloadPath: string = path.join(__dirname, 'preload.js')): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
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
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererEntryUrl);
  return window;
}
