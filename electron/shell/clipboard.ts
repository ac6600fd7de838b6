// The ClipboardPort of the services, answered by Electron's clipboard (read in main, so the
// sandboxed renderer never needs clipboard access of its own).
import { clipboard } from 'electron';
import type { ClipboardPort } from '../services/context';

export function createElectronClipboard(): ClipboardPort {
  return {
    readHtml: () => clipboard.readHTML(),
    readText: () => clipboard.readText(),
  };
}
