// Runs in the page before the renderer: installs window.glossa exactly as the preload does,
// but over Playwright's binding instead of Electron's IPC.
import { buildApi, type DroppedGrant, type GlossaApi, type Invoke } from '../../shared/bridge';
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
    /** The harness's stand-in for the preload's private drop channel (grants.ts grantDroppedPaths). */
    __glossaGrantDrop(paths: string[]): Promise<string>;
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
// Plays the preload's part in a drop: reads the dropped files' paths before the page sees the
// drop and has main grant them. A page cannot drop a real file or folder, so a test drops a File
// whose name is the absolute path it stands for (webUtils.getPathForFile in the app).
let lastDrop: Promise<DroppedGrant[]> | null = null;
window.addEventListener(
  'drop',
  (event) => {
    const paths = [...(event.dataTransfer?.files ?? [])].map((file) => file.name).filter((name) => name.startsWith('/'));
    lastDrop = paths.length === 0 ? Promise.resolve([]) : window.__glossaGrantDrop(paths).then((json) => JSON.parse(json) as DroppedGrant[]);
  },
  true,
);

Object.defineProperty(window, 'glossa', {
  value: Object.freeze(
    buildApi(
      (channel, args) => window.__glossaInvoke(channel, args),
      { onMenuCommand: menu.subscribe, onEvent: events.subscribe },
      {
        droppedGrants: () => {
          const taken = lastDrop ?? Promise.resolve([]);
          lastDrop = null;
          return taken;
        },
      },
    ),
  ),
  writable: false,
});

// Test code run through tsx (esbuild with keepNames) wraps functions passed to page.evaluate in
// __name(...); give the page a no-op so those functions run as written.
(globalThis as unknown as { __name: <T>(f: T) => T }).__name ??= (f) => f;
