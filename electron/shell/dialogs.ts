// The DialogPort of the services, answered by Electron's native dialogs.
import { app, BrowserWindow, dialog } from 'electron';
import path from 'node:path';
import type { DialogPort } from '../services/context';
import { withExtension } from './policy';

function parentWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

export function createElectronDialogs(): DialogPort {
  return {
    async chooseFilesToImport(mode = 'files') {
      const options: Electron.OpenDialogOptions =
        mode === 'folder'
          ? { title: 'Import folders of reports', properties: ['openDirectory', 'multiSelections'] }
          : {
              title: 'Import reports',
              properties: ['openFile', 'multiSelections'],
              filters: [
                { name: 'Reports', extensions: ['html', 'htm', 'mhtml', 'mht', 'pdf', 'docx', 'txt', 'md', 'markdown'] },
                { name: 'All files', extensions: ['*'] },
              ],
            };
      const parent = parentWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseAnnotationsToImport(format) {
      const extensions: Record<string, string[]> = { doccano: ['jsonl', 'json'], labelstudio: ['json'], w3c: ['jsonld', 'json'], archive: ['glossa'] };
      const options: Electron.OpenDialogOptions =
        format === 'brat'
          ? { title: 'Import a brat folder', properties: ['openDirectory'] }
          : {
              title: 'Import annotations',
              properties: ['openFile'],
              filters: [
                { name: 'Annotations', extensions: extensions[format] ?? ['*'] },
                { name: 'All files', extensions: ['*'] },
              ],
            };
      const parent = parentWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseExportPath(suggestedName, extension) {
      const ext = extension.replace(/^\.+/, '');
      const options: Electron.SaveDialogOptions = {
        title: 'Export',
        defaultPath: path.join(app.getPath('documents'), withExtension(suggestedName, ext)),
        // No extension: a folder name (brat writes a folder of files).
        filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = parentWindow();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      // Some Linux file choosers return the typed name without the filter's extension.
      return result.canceled || !result.filePath ? null : withExtension(result.filePath, ext);
    },
  };
}
