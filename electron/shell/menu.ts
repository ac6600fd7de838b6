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

export function installMenu(teamAutomatic?: () => boolean): void {
  const template = buildMenuTemplate(process.platform === 'darwin', app.isPackaged, { send, about, showLogs, teamAutomatic });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Sets a checkbox item's tick (Team ▸ Automatic Sync) to what the setting is. */
export function showChecked(id: string, checked: boolean): void {
  const item = Menu.getApplicationMenu()?.getMenuItemById(id);
  if (item) item.checked = checked;
}
