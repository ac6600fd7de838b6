// The ClipboardPort of the services, answered by Electron's clipboard (read in main, so the
// sandboxed renderer never needs clipboard access of its own). Since Electron 44 the clipboard
// follows the W3C Clipboard API: reads are asynchronous and HTML is one MIME type of an item.
import { clipboard } from 'electron';
import type { ClipboardPort } from '../services/context';

async function readHtml(): Promise<string> {
  for (const item of await clipboard.read()) {
    if (item.types.includes('text/html')) return (await item.getType('text/html')).text();
  }
  return '';
}

export function createElectronClipboard(): ClipboardPort {
  return { readHtml, readText: () => clipboard.readText() };
}
