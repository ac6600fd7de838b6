// The log file (electron-log: main.log in the user-data folder's logs/, rotated at 1 MB) and
// what happens when a part of the app stops: logged, the window reloaded where that helps,
// and the user told that nothing was lost (see crash-policy.ts). Help ▸ Show Logs opens it.
import { app, dialog, shell, type BrowserWindow } from 'electron';
import log from 'electron-log/main';
import path from 'node:path';
import { respondTo, type Incident } from './crash-policy';

export function startLogging(): void {
  log.transports.file.level = 'info';
  log.transports.file.maxSize = 1024 * 1024;
  log.transports.console.level = app.isPackaged ? false : 'info';
  log.info(`Glossa ${app.getVersion()} (Electron ${process.versions.electron}, ${process.platform}-${process.arch}) starting`);
}

function logFile(): string {
  return log.transports.file.getFile().path;
}

export function showLogs(): void {
  shell.showItemInFolder(logFile());
}

export function logInfo(message: string): void {
  log.info(message);
}

export function logError(message: string, error?: unknown): void {
  log.error(message, ...(error === undefined ? [] : [error]));
}

const reloads: number[] = [];

/** Logs, reloads the main window if the policy says so, and tells the user. */
function handle(incident: Incident, window: () => BrowserWindow | undefined): void {
  const now = Date.now();
  while (reloads.length > 0 && now - reloads[0]! > 60_000) reloads.shift();
  const response = respondTo(incident, reloads.length);
  if (response.notice) log.error(response.log);
  else log.warn(response.log);
  const target = window();
  if (response.reload && target && !target.isDestroyed()) {
    reloads.push(now);
    target.webContents.reload();
  }
  if (response.notice) {
    const options = { type: 'warning' as const, title: response.notice.title, message: response.notice.title, detail: `${response.notice.message}\n\nLog: ${path.basename(logFile())}` };
    if (target && !target.isDestroyed()) void dialog.showMessageBox(target, options);
    else void dialog.showMessageBox(options);
  }
}

/** Watches the renderer, Chromium's other processes and the main process's own uncaught errors. */
export function watchForCrashes(window: () => BrowserWindow | undefined): void {
  app.on('render-process-gone', (_event, _contents, details) =>
    handle({ kind: 'renderer', reason: details.reason, exitCode: details.exitCode }, window),
  );
  app.on('child-process-gone', (_event, details) =>
    handle({ kind: 'child', type: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name }, window),
  );
  log.errorHandler.startCatching({
    showDialog: false,
    onError: ({ error }) => {
      handle({ kind: 'uncaught', message: error?.message ?? String(error) }, window);
      // Handled here: electron-log shows no dialog of its own.
      return false;
    },
  });
}
