// The DialogPort of the services, answered by Electron's native dialogs.
import { app, BrowserWindow, dialog } from 'electron';
import path from 'node:path';
import { datasetFormatTable, reportExtensions } from '../../shared/formats';
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
                { name: 'Reports', extensions: [...reportExtensions] },
                { name: 'All files', extensions: ['*'] },
              ],
            };
      const parent = parentWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseAnnotationsToImport(format) {
      const facts = datasetFormatTable[format];
      const options: Electron.OpenDialogOptions =
        facts.target === 'folder'
          ? { title: `Import a ${facts.import.label}`, properties: ['openDirectory'] }
          : {
              title: 'Import annotations',
              properties: ['openFile'],
              filters: [
                { name: facts.import.label, extensions: [...facts.import.extensions] },
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
