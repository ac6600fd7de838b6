// Runs in the sandboxed renderer before the page: exposes window.glossa and nothing else.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { buildApi, dropGrantChannel, type DroppedGrant, type Invoke } from '../../shared/bridge';
import {
  eventChannel,
  ipcChannelPrefix,
  isAppEvent,
  menuCommandChannel,
  menuCommands,
  type AppEvent,
  type MenuCommand,
} from '../../shared/contract';

const invoke: Invoke = (channel, args) => ipcRenderer.invoke(ipcChannelPrefix + channel, args);

function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const handler = (_event: IpcRendererEvent, command: unknown) => {
    if ((menuCommands as readonly unknown[]).includes(command)) listener(command as MenuCommand);
  };
  ipcRenderer.on(menuCommandChannel, handler);
  return () => {
    ipcRenderer.removeListener(menuCommandChannel, handler);
  };
}

function onEvent(listener: (event: AppEvent) => void): () => void {
  const handler = (_event: IpcRendererEvent, event: unknown) => {
    if (isAppEvent(event)) listener(event);
  };
  ipcRenderer.on(eventChannel, handler);
  return () => {
    ipcRenderer.removeListener(eventChannel, handler);
  };
}

/** A dropped File's path on disk; '' for anything that is not a File from the OS. */
function pathForFile(file: File): string {
  try {
    return webUtils.getPathForFile(file);
  } catch {
    return '';
  }
}

// The preload sees every drop before the page does (a capturing listener on the window, added
// before the page's scripts run): it reads the files' paths itself and sends them to main on a
// private channel, and the page takes the grants. So the page never names a path main reads.
let lastDrop: Promise<DroppedGrant[]> | null = null;
window.addEventListener(
  'drop',
  (event) => {
    const paths = [...(event.dataTransfer?.files ?? [])].map(pathForFile).filter((p) => p !== '');
    lastDrop = paths.length === 0 ? Promise.resolve([]) : (ipcRenderer.invoke(dropGrantChannel, paths) as Promise<DroppedGrant[]>).catch(() => []);
  },
  true,
);

function droppedGrants(): Promise<DroppedGrant[]> {
  const taken = lastDrop ?? Promise.resolve([]);
  lastDrop = null;
  return taken;
}

contextBridge.exposeInMainWorld('glossa', buildApi(invoke, { onMenuCommand, onEvent }, { droppedGrants }));
