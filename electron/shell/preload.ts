// Runs in the sandboxed renderer before the page: exposes window.glossa and nothing else.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { buildApi, type Invoke } from '../../shared/bridge';
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
function pathForFile(file: object): string {
  try {
    return webUtils.getPathForFile(file as File);
  } catch {
    return '';
  }
}

contextBridge.exposeInMainWorld('glossa', buildApi(invoke, { onMenuCommand, onEvent }, { pathForFile }));
