// The application menu. Commands go to the renderer, which decides what they do.
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { menuCommandChannel, type MenuCommand } from '../../shared/contract';

function send(command: MenuCommand, window: Electron.BaseWindow | undefined): void {
  const target =
    (window instanceof BrowserWindow ? window : undefined) ??
    BrowserWindow.getFocusedWindow() ??
    BrowserWindow.getAllWindows()[0];
  target?.webContents.send(menuCommandChannel, command);
}

function command(label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions {
  return { label, accelerator, click: (_item, window) => send(name, window) };
}

function showAbout(window: Electron.BaseWindow | undefined): void {
  const options: Electron.MessageBoxOptions = {
    type: 'info',
    title: 'About Glossa',
    message: `Glossa ${app.getVersion()}`,
    detail: 'Annotate reports: tag claims, sources and locations, and export datasets.',
  };
  if (window instanceof BrowserWindow) void dialog.showMessageBox(window, options);
  else void dialog.showMessageBox(options);
}

export function buildMenuTemplate(isMac: boolean, isPackaged: boolean): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions[] = [
    command('Import…', 'import', 'CmdOrCtrl+O'),
    { type: 'separator' },
    command('Export corpus as JSONL…', 'export-jsonl'),
    command('Export corpus as CSV…', 'export-csv'),
  ];
  if (!isMac) file.push({ type: 'separator' }, { role: 'quit' });

  const view: MenuItemConstructorOptions[] = [command('Library', 'show-library', 'CmdOrCtrl+L')];
  if (!isPackaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  view.push(
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  );

  const template: MenuItemConstructorOptions[] = [
    { label: '&File', submenu: file },
    {
      label: '&Edit',
      submenu: [
        // Not the 'undo'/'redo' roles: the renderer undoes annotations, or lets a focused text
        // field undo natively.
        command('Undo', 'undo', 'CmdOrCtrl+Z'),
        command('Redo', 'redo', 'Shift+CmdOrCtrl+Z'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: '&View', submenu: view },
    { label: '&Help', role: 'help', submenu: [{ label: 'About Glossa', click: (_item, window) => showAbout(window) }] },
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}

export function installMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform === 'darwin', app.isPackaged)));
}
