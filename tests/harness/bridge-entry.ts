// Runs in the page before the renderer: installs window.glossa exactly as the preload does,
// but over Playwright's binding instead of Electron's IPC.
import { buildApi, type GlossaApi, type Invoke } from '../../shared/bridge';
import { isAppEvent, menuCommands, type AppEvent, type MenuCommand } from '../../shared/contract';

declare global {
  interface Window {
    glossa?: GlossaApi;
    __glossaInvoke: Invoke;
    __glossaInvokeJson(channel: unknown, args: unknown): Promise<string>;
    /** Lets a test send a menu command, as the Electron shell's menu does. */
    __glossaMenu(command: MenuCommand): void;
    /** How the harness delivers main-process events, as webContents.send does in the app. */
    __glossaEvent(event: unknown): void;
  }
}

function subscriptions<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    emit: (value: T) => listeners.forEach((listener) => listener(value)),
    subscribe: (listener: (value: T) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
window.__glossaInvoke = async (channel, args) => JSON.parse(await window.__glossaInvokeJson(channel, args));

const menu = subscriptions<MenuCommand>();
const events = subscriptions<AppEvent>();
window.__glossaMenu = (command) => {
  if (menuCommands.includes(command)) menu.emit(command);
};
window.__glossaEvent = (event) => {
  if (isAppEvent(event)) events.emit(event);
};
Object.defineProperty(window, 'glossa', {
  value: Object.freeze(
    buildApi(
      (channel, args) => window.__glossaInvoke(channel, args),
      { onMenuCommand: menu.subscribe, onEvent: events.subscribe },
      {
        // Stands in for Electron's webUtils.getPathForFile: a page cannot drop a real file or
        // folder, so a test drops a File whose name is the absolute path it stands for.
        pathForFile: (file) => {
          const name = (file as File).name;
          return name.startsWith('/') ? name : '';
        },
      },
    ),
  ),
  writable: false,
});

// Test code run through tsx (esbuild with keepNames) wraps functions passed to page.evaluate in
// __name(...); give the page a no-op so those functions run as written.
(globalThis as unknown as { __name: <T>(f: T) => T }).__name ??= (f) => f;
