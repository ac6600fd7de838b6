// Installs the application menu; its items send menu commands to the window's renderer.
import { app, BrowserWindow, dialog, Menu, type BaseWindow } from 'electron';
import { menuCommandChannel, type MenuCommand } from '../../shared/contract';
import { showLogs } from './logging';
import { buildMenuTemplate } from './menu-template';

function send(command: MenuCommand, window: BaseWindow | undefined): void {
  const target =
    (window instanceof BrowserWindow ? window : undefined) ??
    BrowserWindow.getFocusedWindow() ??
    BrowserWindow.getAllWindows()[0];
  target?.webContents.send(menuCommandChannel, command);
}

function about(window: BaseWindow | undefined): void {
  const options: Electron.MessageBoxOptions = {
    type: 'info',
    title: 'About Glossa',
    message: `Glossa ${app.getVersion()}`,
    detail: 'Annotate reports: tag claims, sources and locations, and export datasets.',
  };
  if (window) void dialog.showMessageBox(window, options);
  else void dialog.showMessageBox(options);
}

export function installMenu(): void {
  const template = buildMenuTemplate(process.platform === 'darwin', app.isPackaged, { send, about, showLogs });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
